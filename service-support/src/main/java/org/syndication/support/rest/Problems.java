package org.syndication.support.rest;

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
import jakarta.ws.rs.core.UriInfo;

import java.net.URI;

/**
 * RFC 9457 problem documents the same way in every service: {@link #problem} builds an {@link HttpProblem}, JAX-RS
 * answers it with {@code toResponse()}, a Vert.x route with {@link #send}. The {@code type} URIs all live under
 * {@link #BASE}; the kinds every service shares are here, the others in each service's {@code rest/ProblemTypes}.
 */
public final class Problems {

    /** Where every problem type of the platform lives: {@code BASE + <kind>}. */
    public static final String BASE = "https://syndication.example.org/problems/";

    /** A parameter or body the service refuses (Bean Validation, unreadable JSON, a domain rule). */
    public static final URI INVALID_REQUEST = type("invalid-request");
    /** An operator method called without a bearer token. */
    public static final URI UNAUTHORIZED = type("unauthorized");
    /** An operator method called with a token that is not the operator's. */
    public static final URI FORBIDDEN = type("forbidden");

    /** Writes problems answered outside JAX-RS with the extension's own serializer, so they read the same. */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new SimpleModule().addSerializer(HttpProblem.class, new JacksonProblemSerializer()))
            .build();

    private Problems() {
    }

    /** The type URI of a problem kind ({@code item-not-found}, ...). */
    public static URI type(String kind) {
        return URI.create(BASE + kind);
    }

    /** The type of a problem that has no kind of its own: {@code .../http-<status>}. */
    public static URI forStatus(int status) {
        return type("http-" + status);
    }

    /** A problem about the current request; {@code instance} is its raw path. */
    public static HttpProblem problem(URI type, String title, int status, String detail, UriInfo uri) {
        return problem(type, title, status, detail, uri == null ? null : uri.getRequestUri().getRawPath());
    }

    /** The same for a Vert.x route, given the raw path of its request. */
    public static HttpProblem problem(URI type, String title, int status, String detail, String rawPath) {
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
    public static Future<Void> send(HttpServerResponse response, HttpProblem problem) {
        problem.getHeaders().forEach((name, value) -> response.putHeader(name, String.valueOf(value)));
        return response.setStatusCode(problem.getStatusCode())
                .putHeader(HttpHeaders.CONTENT_TYPE, HttpProblem.MEDIA_TYPE.toString())
                .end(Buffer.buffer(json(problem)));
    }

    /** The problem as the extension writes it. */
    public static byte[] json(HttpProblem problem) {
        try {
            return JSON.writeValueAsBytes(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a problem document could not be written", e);
        }
    }
}
