package org.syndication.catalog.rest;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.syndication.catalog.InvalidRequestException;
import org.syndication.catalog.ItemNotFoundException;
import org.syndication.catalog.UnknownThemeException;

/** Maps domain exceptions to RFC 9457 problem responses; resources never build error bodies. */
public class ProblemMappers {

    @ServerExceptionMapper
    public Response itemNotFound(ItemNotFoundException e, UriInfo uri) {
        return Problems.problem(Problems.ITEM_NOT_FOUND, Response.Status.NOT_FOUND, "Item not found", e.getMessage(),
                uri).build().toResponse();
    }

    @ServerExceptionMapper
    public Response unknownTheme(UnknownThemeException e, UriInfo uri) {
        return Problems.problem(Problems.UNKNOWN_THEME, Response.Status.BAD_REQUEST, "Unknown theme", e.getMessage(),
                        uri)
                .with("validThemes", e.validThemes())
                .build().toResponse();
    }

    @ServerExceptionMapper
    public Response invalidRequest(InvalidRequestException e, UriInfo uri) {
        return Problems.problem(Problems.INVALID_REQUEST, Response.Status.BAD_REQUEST, "Invalid request", e.getMessage(),
                        uri)
                .with("parameter", e.parameter())
                .build().toResponse();
    }
}
