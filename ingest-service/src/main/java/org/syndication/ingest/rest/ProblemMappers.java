package org.syndication.ingest.rest;

import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.ws.rs.NotSupportedException;
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
import org.syndication.support.rest.Problems;

import static org.syndication.support.rest.Problems.problem;

/**
 * Domain exceptions as RFC 9457 problem documents, each with its stable {@link ProblemTypes type}; resources never
 * build error bodies. The same shape in every service:
 * {@link Problems#problem} builds an {@link HttpProblem}, JAX-RS answers it with {@code toResponse()}, a Vert.x
 * route with {@link Problems#send}.
 */
public class ProblemMappers {

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
}
