package org.syndication.feed.bench;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.syndication.feed.CataloguedRecords;
import org.syndication.feed.FeedChecks;
import org.syndication.feed.TestData;
import org.syndication.localstack.test.KafkaResource;
import org.syndication.localstack.test.PostgresResource;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Figure, not a test of the build: fills {@code /feeds/all.atom} with 50 entries, then runs
 * {@code bench/feed-bench.sh} (wrk against this service and against nginx/jwebserver serving the same bytes) and
 * prints its table. Needs {@code wrk}. Run alone:
 * {@code ./mvnw -B verify -pl feed-service -Dtest=none -Dit.test=FeedServeBench -Dsurefire.failIfNoSpecifiedTests=false}
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaResource.class, restrictToAnnotatedClass = true, parallel = true)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = true, parallel = true)
class FeedServeBench {

    @TestHTTPResource("/feeds/all.atom")
    URL feed;

    @Test
    void cachedFeedAndNotModifiedAgainstAStaticServer() throws IOException, InterruptedException {
        try (CataloguedRecords records = new CataloguedRecords()) {
            for (int i = 0; i < 50; i++) {
                records.send(TestData.item().title("Benchmark item " + i)
                        .body("Paragraph one of item " + i + ". ".repeat(40) + "\n\nParagraph two.").build());
            }
        }
        await().atMost(Duration.ofSeconds(30)).until(() ->
                FeedChecks.parse(given().get(feed).asByteArray()).getEntries().size() >= 50);
        Process bench = new ProcessBuilder("bash", Path.of("bench/feed-bench.sh").toAbsolutePath().toString(),
                feed.toString(), System.getProperty("bench.duration", "10s"), System.getProperty("bench.connections", "64"))
                .redirectErrorStream(true).start();
        // printed through System.out: a forked test JVM must not let a child write to its own stdout
        try (var output = new java.io.BufferedReader(new java.io.InputStreamReader(bench.getInputStream(),
                java.nio.charset.StandardCharsets.UTF_8))) {
            output.lines().forEach(line -> System.out.println("FEED BENCH: " + line));
        }
        assertThat(bench.waitFor()).isZero();
    }
}
