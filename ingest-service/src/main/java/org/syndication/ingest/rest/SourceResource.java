package org.syndication.ingest.rest;

import io.smallrye.common.annotation.Blocking;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.syndication.ingest.mapping.ViewMapper;
import org.syndication.ingest.service.SourceService;
import org.syndication.support.rest.OperatorOnly;
import org.syndication.support.rest.OperatorToken;

import java.util.List;

/**
 * Sources (feeds and listing pages): register and delete (operator), list and read (anyone; error details for the
 * operator only).
 */
@Path("/api/sources")
@Blocking
@Produces(MediaType.APPLICATION_JSON)
public class SourceResource {

    private final SourceService sources;
    private final OperatorToken operator;

    public SourceResource(SourceService sources, OperatorToken operator) {
        this.sources = sources;
        this.operator = operator;
    }

    /** 201 with the new source, or 200 with the existing one when the URL is already registered. */
    @POST
    @OperatorOnly
    @Consumes(MediaType.APPLICATION_JSON)
    public Response register(@Valid @NotNull(message = "a JSON body with 'url' is required") SourceRequest request,
                             @Context UriInfo uriInfo) {
        SourceService.Registration registration = sources.register(request.url(), request.name(), request.intervalSeconds());
        SourceView view = ViewMapper.toView(registration.source(), true);
        if (!registration.created()) {
            return Response.ok(view).build();
        }
        return Response.created(uriInfo.getAbsolutePathBuilder().path(String.valueOf(view.id())).build())
                .entity(view).build();
    }

    @GET
    public List<SourceView> list(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        boolean withErrors = operator.isOperator(authorization);
        return sources.list().stream().map(s -> ViewMapper.toView(s, withErrors)).toList();
    }

    @GET
    @Path("{id}")
    public SourceView get(@PathParam("id") long id, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return ViewMapper.toView(sources.get(id), operator.isOperator(authorization));
    }

    /** 204; what the source published stays published. */
    @DELETE
    @OperatorOnly
    @Path("{id}")
    public Response delete(@PathParam("id") long id) {
        sources.delete(id);
        return Response.noContent().build();
    }
}
