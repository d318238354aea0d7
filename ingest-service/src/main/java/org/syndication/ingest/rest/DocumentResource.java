package org.syndication.ingest.rest;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import io.smallrye.common.annotation.Blocking;
import org.syndication.ingest.mapping.ViewMapper;
import org.syndication.ingest.service.DocumentService;

/** {@code POST /api/documents}: a listing page or press release, as plain text or HTML. */
@Path("/api/documents")
public class DocumentResource {

    private final DocumentService documents;

    public DocumentResource(DocumentService documents) {
        this.documents = documents;
    }

    /** 202 with every item found, once Kafka acknowledged every new or corrected one. */
    @POST
    @Blocking
    @Consumes({MediaType.TEXT_PLAIN, MediaType.TEXT_HTML})
    @Produces(MediaType.APPLICATION_JSON)
    public Response post(byte[] body, @QueryParam("source") String source, @QueryParam("url") String url,
                         @Context HttpHeaders headers) {
        MediaType type = headers.getMediaType();
        boolean html = type != null && type.isCompatible(MediaType.TEXT_HTML_TYPE);
        String charset = type == null ? null : type.getParameters().get(MediaType.CHARSET_PARAMETER);
        DocumentService.Accepted accepted = documents.accept(new DocumentService.Document(body, html, charset, source, url));
        return Response.accepted(ViewMapper.toView(accepted)).build();
    }
}
