package org.syndication.ingest.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkiverse.resteasy.problem.HttpProblem;
import io.quarkiverse.resteasy.problem.jackson.JacksonProblemSerializer;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.syndication.ingest.DatabaseUnavailableException;
import org.syndication.ingest.DocumentTooLargeException;
import org.syndication.ingest.EmptyDocumentException;
import org.syndication.ingest.InvalidRequestException;
import org.syndication.ingest.NoItemsFoundException;
import org.syndication.ingest.PublishFailedException;
import org.syndication.ingest.SourceNotFoundException;
import org.syndication.ingest.UndecodableDocumentException;
import org.syndication.ingest.config.IngestConfig;
import org.syndication.ingest.feeds.UnsafeUrlException;

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

    private final IngestConfig config;

    public ProblemMappers(IngestConfig config) {
        this.config = config;
    }

    @ServerExceptionMapper
    public Response empty(EmptyDocumentException e, UriInfo uri) {
        return problem(ProblemTypes.EMPTY_DOCUMENT, "Empty document", 422, e.getMessage(), uri).toResponse();
    }

    @ServerExceptionMapper
    public Response noItems(NoItemsFoundException e, UriInfo uri) {
        return problem(ProblemTypes.NO_ITEMS_FOUND, "No news items found", 422, e.getMessage(), uri).toResponse();
    }

    @ServerExceptionMapper
    public Response tooLarge(DocumentTooLargeException e, UriInfo uri) {
        return problem(ProblemTypes.DOCUMENT_TOO_LARGE, "Document too large", 413, e.getMessage(), uri).toResponse();
    }

    @ServerExceptionMapper
    public Response undecodable(UndecodableDocumentException e, UriInfo uri) {
        return problem(ProblemTypes.UNDECODABLE_DOCUMENT, "Undecodable document", 400, e.getMessage(), uri).toResponse();
    }

    @ServerExceptionMapper
    public Response invalid(InvalidRequestException e, UriInfo uri) {
        return problem(ProblemTypes.INVALID_REQUEST, "Invalid request", 400, e.getMessage(), uri).toResponse();
    }

    @ServerExceptionMapper
    public Response unsafeUrl(UnsafeUrlException e, UriInfo uri) {
        return problem(ProblemTypes.SOURCE_URL_REFUSED, "Source URL refused", 400, e.getMessage(), uri).toResponse();
    }

    @ServerExceptionMapper
    public Response sourceNotFound(SourceNotFoundException e, UriInfo uri) {
        return problem(ProblemTypes.SOURCE_NOT_FOUND, "Source not found", 404, e.getMessage(), uri).toResponse();
    }

    @ServerExceptionMapper
    public Response unsupportedMediaType(NotSupportedException e, UriInfo uri) {
        return problem(ProblemTypes.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type", 415,
                "send the document as text/plain or text/html", uri).toResponse();
    }

    @ServerExceptionMapper
    public Response publishFailed(PublishFailedException e, UriInfo uri) {
        int retryAfter = config.publish().retryAfterSeconds();
        return HttpProblem.builder(problem(ProblemTypes.KAFKA_UNAVAILABLE, "Kafka unavailable", 503,
                        "the items could not be published; nothing was recorded, retry the same request later", uri))
                .withHeader("Retry-After", retryAfter)
                .build()
                .toResponse();
    }

    @ServerExceptionMapper
    public Response databaseUnavailable(DatabaseUnavailableException e, UriInfo uri) {
        return HttpProblem.builder(problem(ProblemTypes.DATABASE_UNAVAILABLE, "Database unavailable", 503,
                        "the database did not answer; retry the same request later (a retry never publishes twice)",
                        uri))
                .withHeader("Retry-After", config.publish().retryAfterSeconds())
                .build()
                .toResponse();
    }

    /** A problem about the current request; {@code instance} is its path. */
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
