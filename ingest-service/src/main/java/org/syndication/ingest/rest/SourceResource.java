package org.syndication.ingest.rest;

import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.syndication.ingest.InvalidRequestException;
import org.syndication.ingest.mapping.ViewMapper;
import org.syndication.ingest.service.SourceService;

import java.util.List;

/** Feed sources: register ({@code POST}), list and read ({@code GET}). */
@Path("/api/sources")
@Blocking
@Produces(MediaType.APPLICATION_JSON)
public class SourceResource {

    private final SourceService sources;

    public SourceResource(SourceService sources) {
        this.sources = sources;
    }

    /** 201 with the new source, or 200 with the existing one when the URL is already registered. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response register(SourceRequest request, @Context UriInfo uriInfo) {
        if (request == null || request.url() == null || request.url().isBlank()) {
            throw new InvalidRequestException("'url' is required");
        }
        if (request.url().strip().length() > SourceRequest.MAX_URL) {
            throw new InvalidRequestException("'url' must be at most " + SourceRequest.MAX_URL + " characters");
        }
        SourceService.Registration registration = sources.register(request.url(), request.name(), request.intervalSeconds());
        SourceView view = ViewMapper.toView(registration.source());
        if (!registration.created()) {
            return Response.ok(view).build();
        }
        return Response.created(uriInfo.getAbsolutePathBuilder().path(String.valueOf(view.id())).build())
                .entity(view).build();
    }

    @GET
    public List<SourceView> list() {
        return sources.list().stream().map(ViewMapper::toView).toList();
    }

    @GET
    @Path("{id}")
    public SourceView get(@PathParam("id") long id) {
        return ViewMapper.toView(sources.get(id));
    }
}
