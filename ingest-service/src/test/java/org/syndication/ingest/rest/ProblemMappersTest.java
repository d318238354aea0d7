package org.syndication.ingest.rest;

import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;
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
import org.syndication.support.rest.ProblemTypeDefaults;
import org.syndication.support.rest.Problems;

import java.lang.reflect.Proxy;
import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemMappersTest {

    private final ProblemMappers mappers = new ProblemMappers(config());

    /** Only {@code ingest.publish.retry-after-seconds} is read by the mappers. */
    private static IngestConfig config() {
        IngestConfig.Publish publish = proxy(IngestConfig.Publish.class, "retryAfterSeconds", 7);
        return proxy(IngestConfig.class, "publish", publish);
    }

    private static <T> T proxy(Class<T> type, String method, Object value) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (p, m, args) -> {
            if (m.getName().equals(method)) {
                return value;
            }
            throw new UnsupportedOperationException(m.getName());
        }));
    }

    private static void assertProblem(Response response, int status, URI type) {
        assertThat(response.getStatus()).isEqualTo(status);
        HttpProblem problem = (HttpProblem) response.getEntity();
        assertThat(problem.getType()).isEqualTo(type);
        assertThat(problem.getStatusCode()).isEqualTo(status);
        assertThat(problem.getTitle()).isNotBlank();
        assertThat(problem.getDetail()).isNotBlank();
    }

    @Test
    void everyDomainExceptionHasItsStatusAndStableType() {
        assertProblem(mappers.empty(new EmptyDocumentException("the body is empty"), null), 422, ProblemTypes.EMPTY_DOCUMENT);
        assertProblem(mappers.noItems(new NoItemsFoundException("none"), null), 422, ProblemTypes.NO_ITEMS_FOUND);
        assertProblem(mappers.tooLarge(new DocumentTooLargeException("big"), null), 413, ProblemTypes.DOCUMENT_TOO_LARGE);
        assertProblem(mappers.undecodable(new UndecodableDocumentException("bad"), null), 400, ProblemTypes.UNDECODABLE_DOCUMENT);
        assertProblem(mappers.invalid(new InvalidRequestException("source"), null), 400, ProblemTypes.INVALID_REQUEST);
        assertProblem(mappers.unsafeUrl(new UnsafeUrlException("private"), null), 400, ProblemTypes.SOURCE_URL_REFUSED);
        assertProblem(mappers.sourceNotFound(new SourceNotFoundException(7), null), 404, ProblemTypes.SOURCE_NOT_FOUND);
        assertProblem(mappers.unsupportedMediaType(new NotSupportedException(), null), 415, ProblemTypes.UNSUPPORTED_MEDIA_TYPE);
    }

    @Test
    void kafkaUnavailableIs503WithRetryAfterAndNoInternals() {
        Response response = mappers.publishFailed(
                new PublishFailedException("Kafka did not acknowledge 3 record(s): TimeoutException", null), null);
        assertProblem(response, 503, ProblemTypes.KAFKA_UNAVAILABLE);
        assertThat(response.getHeaderString("Retry-After")).isEqualTo("7");
        assertThat(((HttpProblem) response.getEntity()).getDetail()).doesNotContain("TimeoutException");
    }

    @Test
    void databaseUnavailableIs503WithRetryAfterAndNoInternals() {
        Response response = mappers.databaseUnavailable(new DatabaseUnavailableException(
                new java.sql.SQLTransientConnectionException("Connection refused to host 10.0.0.5", "08001")), null);
        assertProblem(response, 503, ProblemTypes.DATABASE_UNAVAILABLE);
        assertThat(response.getHeaderString("Retry-After")).isEqualTo("7");
        assertThat(((HttpProblem) response.getEntity()).getDetail()).doesNotContain("10.0.0.5").doesNotContain("SQL");
    }

    @Test
    void problemsWithoutAKindGetAStatusType() {
        HttpProblem bare = HttpProblem.builder().withStatus(405).withTitle("Method Not Allowed").build();
        assertThat(new ProblemTypeDefaults().apply(bare, null).getType())
                .isEqualTo(URI.create("https://syndication.example.org/problems/http-405"));
        HttpProblem typed = HttpProblem.builder().withType(ProblemTypes.NO_ITEMS_FOUND).withStatus(422).build();
        assertThat(new ProblemTypeDefaults().apply(typed, null).getType()).isEqualTo(ProblemTypes.NO_ITEMS_FOUND);
    }

    @Test
    void aProblemAnsweredOutsideJaxRsIsWrittenByTheExtensionsSerializer() {
        io.restassured.path.json.JsonPath problem = io.restassured.path.json.JsonPath.from(new String(
                Problems.json(Problems.problem(ProblemTypes.DOCUMENT_TOO_LARGE, "Document too large", 413,
                        "too long", "/api/documents")), java.nio.charset.StandardCharsets.UTF_8));

        assertThat(problem.getString("type")).isEqualTo(ProblemTypes.DOCUMENT_TOO_LARGE.toString());
        assertThat(problem.getString("title")).isEqualTo("Document too large");
        assertThat(problem.getInt("status")).isEqualTo(413);
        assertThat(problem.getString("detail")).isEqualTo("too long");
        assertThat(problem.getString("instance")).isEqualTo("/api/documents");
    }
}
