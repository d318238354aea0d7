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
import org.syndication.ingest.InvalidRequestException;
import org.syndication.ingest.mapping.PreviewText;
import org.syndication.ingest.mapping.ViewMapper;
import org.syndication.ingest.service.DocumentService;

import java.util.List;
import java.util.Locale;

/** {@code POST /api/documents}: a listing page or press release, as plain text or HTML. */
@Path("/api/documents")
public class DocumentResource {

    private final DocumentService documents;

    public DocumentResource(DocumentService documents) {
        this.documents = documents;
    }

    /**
     * 202 with every item found, once Kafka acknowledged every new or corrected one. With {@code dryRun=true}: 200
     * with what the reader found and how (JSON, or text when the client prefers {@code text/plain}), nothing
     * published or recorded. One method for both, so a dry run gets exactly the checks, limits and protection of a
     * real post.
     */
    @POST
    @Blocking
    @Consumes({MediaType.TEXT_PLAIN, MediaType.TEXT_HTML})
    @Produces({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN})
    public Response post(byte[] body, @QueryParam("source") String source, @QueryParam("url") String url,
                         @QueryParam("dryRun") String dryRun, @Context HttpHeaders headers) {
        MediaType type = headers.getMediaType();
        boolean html = type != null && type.isCompatible(MediaType.TEXT_HTML_TYPE);
        String charset = type == null ? null : type.getParameters().get(MediaType.CHARSET_PARAMETER);
        DocumentService.Document document = new DocumentService.Document(body, html, charset, source, url);
        if (isDryRun(dryRun)) {
            DocumentPreview preview = ViewMapper.toView(documents.preview(document));
            return prefersText(headers.getAcceptableMediaTypes())
                    ? Response.ok(PreviewText.render(preview), MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8")).build()
                    : Response.ok(preview, MediaType.APPLICATION_JSON_TYPE).build();
        }
        DocumentService.Accepted accepted = documents.accept(document);
        return Response.accepted(ViewMapper.toView(accepted)).type(MediaType.APPLICATION_JSON_TYPE).build();
    }

    /**
     * {@code dryRun} read strictly: absent or {@code false} is a real post, {@code true} (or the bare flag) a dry
     * run; anything else is refused, because reading {@code dryRun=1} as false would publish what the user only
     * meant to check.
     */
    static boolean isDryRun(String value) {
        if (value == null) {
            return false;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "", "true" -> true;
            case "false" -> false;
            default -> throw new InvalidRequestException("query parameter 'dryRun' must be true or false");
        };
    }

    /** Whether the client ranks {@code text/plain} above JSON (the list is in the client's order of preference). */
    static boolean prefersText(List<MediaType> acceptable) {
        for (MediaType accepted : acceptable) {
            if (accepted.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return false;
            }
            if (accepted.isCompatible(MediaType.TEXT_PLAIN_TYPE)) {
                return true;
            }
        }
        return false;
    }
}
