package org.syndication.catalog.rest;

import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.syndication.catalog.InvalidRequestException;
import org.syndication.catalog.ItemNotFoundException;
import org.syndication.catalog.UnknownThemeException;
import org.syndication.support.rest.Problems;

import static org.syndication.support.rest.Problems.problem;

/**
 * Domain exceptions as RFC 9457 problem documents, each with its stable {@link ProblemTypes type}; resources never
 * build error bodies. The same shape in every service:
 * {@link Problems#problem} builds an {@link HttpProblem}, JAX-RS answers it with {@code toResponse()}, a Vert.x
 * route with {@link Problems#send}.
 */
public class ProblemMappers {

    @ServerExceptionMapper
    public Response itemNotFound(ItemNotFoundException e, UriInfo uri) {
        return problem(ProblemTypes.ITEM_NOT_FOUND, "Item not found", 404, e.getMessage(), uri).toResponse();
    }

    @ServerExceptionMapper
    public Response unknownTheme(UnknownThemeException e, UriInfo uri) {
        return HttpProblem.builder(problem(ProblemTypes.UNKNOWN_THEME, "Unknown theme", 400, e.getMessage(), uri))
                .with("validThemes", e.validThemes())
                .build().toResponse();
    }

    @ServerExceptionMapper
    public Response invalidRequest(InvalidRequestException e, UriInfo uri) {
        return HttpProblem.builder(problem(ProblemTypes.INVALID_REQUEST, "Invalid request", 400, e.getMessage(), uri))
                .with("parameter", e.parameter())
                .build().toResponse();
    }
}
