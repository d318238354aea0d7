package org.syndication.ingest.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.jboss.logmanager.ExtHandler;
import org.jboss.logmanager.ExtLogRecord;
import org.jboss.logmanager.LogContext;
import org.jboss.logmanager.Logger;
import org.jboss.logmanager.handlers.ConsoleHandler;
import org.junit.jupiter.api.Test;
import org.syndication.localstack.test.KafkaResource;
import org.syndication.localstack.test.PostgresResource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * With the one setting the production overlay sets ({@code quarkus.log.console.json.enabled=true}), the console writes
 * one JSON object per line, and a post's lines carry its document id and each item's id as fields.
 */
@QuarkusTest
@TestProfile(JsonLogsIT.JsonLogs.class)
@WithTestResource(value = KafkaResource.class, parallel = true)
@WithTestResource(value = PostgresResource.class, parallel = true)
class JsonLogsIT {

    public static class JsonLogs implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.log.console.json.enabled", "true");
        }
    }

    @Test
    void aPostsLinesAreJsonWithTheDocumentAndItemIds() throws IOException {
        Formatter console = consoleFormatter();
        assertThat(console.getClass().getName()).isEqualTo("io.quarkus.logging.json.runtime.JsonFormatter");

        Queue<String> lines = new ConcurrentLinkedQueue<>();
        Handler capture = new ExtHandler() {
            @Override
            protected void doPublish(ExtLogRecord record) {
                lines.add(console.format(record));
            }
        };
        Logger service = LogContext.getLogContext().getLogger("org.syndication.ingest.service");
        service.addHandler(capture);
        String documentId;
        try {
            documentId = given().contentType("text/plain")
                    .body("News\n\n20 April 2017: Pilots train at night\nTen pilots took part.\n".getBytes(StandardCharsets.UTF_8))
                    .queryParam("source", "json-" + UUID.randomUUID().toString().substring(0, 8))
                    .when().post("/api/documents").then().statusCode(202).extract().path("documentId");
        } finally {
            service.removeHandler(capture);
        }

        ObjectMapper json = new ObjectMapper();
        List<JsonNode> records = lines.stream().map(line -> {
            try {
                return json.readTree(line);
            } catch (IOException e) {
                throw new AssertionError("not one JSON object: " + line, e);
            }
        }).toList();
        JsonNode accepted = records.stream().filter(r -> r.path("message").asText().startsWith("document accepted"))
                .findFirst().orElseThrow(() -> new AssertionError("no 'document accepted' line in " + lines));
        assertThat(accepted.at("/mdc/documentId").asText()).isEqualTo(documentId);
        assertThat(accepted.path("level").asText()).isEqualTo("INFO");
        JsonNode item = records.stream().filter(r -> r.path("message").asText().startsWith("item itemId="))
                .findFirst().orElseThrow(() -> new AssertionError("no per-item line in " + lines));
        assertThat(item.at("/mdc/itemId").asText()).isNotBlank();
        assertThat(item.path("message").asText()).contains("itemId=" + item.at("/mdc/itemId").asText());
        assertThat(item.at("/mdc/documentId").asText()).isEqualTo(documentId);
    }

    /** The formatter of the console handler Quarkus installed on the root logger. */
    private static Formatter consoleFormatter() {
        Handler[] handlers = LogContext.getLogContext().getLogger("").getHandlers();
        return Arrays.stream(handlers).flatMap(JsonLogsIT::andNested)
                .filter(h -> h instanceof ConsoleHandler).map(Handler::getFormatter).findFirst()
                .orElseThrow(() -> new AssertionError("no console handler among " + Arrays.toString(handlers)));
    }

    private static Stream<Handler> andNested(Handler handler) {
        if (handler instanceof ExtHandler ext && ext.getHandlers().length > 0) {
            return Stream.concat(Stream.of(handler),
                    Arrays.stream(ext.getHandlers()).flatMap(JsonLogsIT::andNested));
        }
        return Stream.of(handler);
    }
}
