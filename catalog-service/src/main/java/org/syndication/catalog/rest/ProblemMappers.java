package org.syndication.catalog.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkiverse.resteasy.problem.HttpProblem;
import io.quarkiverse.resteasy.problem.jackson.JacksonProblemSerializer;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.syndication.catalog.InvalidRequestException;
import org.syndication.catalog.ItemNotFoundException;
import org.syndication.catalog.UnknownThemeException;

import java.net.URI;

/**
 * Domain exceptions as RFC 9457 problem documents, each with its stable {@link ProblemTypes type}; resources never
 * build error bodies. The same shape in every service: {@link #problem} builds an {@link HttpProblem}, JAX-RS
 * answers it with {@code toResponse()}, a Vert.x route with {@link #send}.
 */
public class ProblemMappers {

    /** Writes problems answered outside JAX-RS with the extension's own serializer, so they read the same. */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new SimpleModule().addSerializer(HttpProblem.class, new JacksonProblemSerializer()))
            .build();

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

    /** A problem about the current request; {@code instance} is its path (as the extension writes it: decoded). */
    static HttpProblem problem(URI type, String title, int status, String detail, UriInfo uri) {
        return problem(type, title, status, detail, uri == null ? null : uri.getRequestUri().getRawPath());
    }

    /** The same for a Vert.x route, given the raw path of its request. */
    static HttpProblem problem(URI type, String title, int status, String detail, String rawPath) {
        HttpProblem.Builder builder = HttpProblem.builder()
                .withType(type)
                .withTitle(title)
                .withStatus(status)
                .withDetail(detail);
        if (rawPath != null) {
            try {
                builder.withInstance(URI.create(rawPath));
            } catch (IllegalArgumentException e) {
                // a path the HTTP codec let through but java.net.URI refuses: the problem goes without instance
            }
        }
        return builder.build();
    }

    /** Answers a problem from a Vert.x route (status, its headers, {@code application/problem+json} body). */
    static Future<Void> send(HttpServerResponse response, HttpProblem problem) {
        problem.getHeaders().forEach((name, value) -> response.putHeader(name, String.valueOf(value)));
        return response.setStatusCode(problem.getStatusCode())
                .putHeader(HttpHeaders.CONTENT_TYPE, HttpProblem.MEDIA_TYPE.toString())
                .end(Buffer.buffer(json(problem)));
    }

    static byte[] json(HttpProblem problem) {
        try {
            return JSON.writeValueAsBytes(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a problem document could not be written", e);
        }
    }
}
