package org.syndication.e2e;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.syndication.localstack.ProductProcesses;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A corpus page posted to ingest reaches the Atom and RSS feeds through Kafka, catalog and PostgreSQL. */
class EndToEndIT {

    private static final Pattern ENTRY_ID = Pattern.compile("<entry>.*?<id>([^<]+)</id>", Pattern.DOTALL);
    private static final Pattern TITLE = Pattern.compile("\"title\":\"((?:[^\"\\\\]|\\\\.)*)\"");

    @TempDir
    static Path dataDir;

    private static final Path ROOT = Path.of(System.getProperty("syndication.root", "..")).toAbsolutePath();

    private static ProductProcesses product;

    @BeforeAll
    static void start() {
        product = new ProductProcesses(ROOT, dataDir, List.of("-Xmx256m"));
    }

    @AfterAll
    static void stop() {
        if (product != null) {
            product.close();
        }
    }

    @Test
    void aPostedPageAppearsInTheFeeds() throws Exception {
        Path page = ROOT.resolve("demo/004_0ef31894ef542dc6.txt");
        HttpResponse<String> accepted = product.send(HttpRequest.newBuilder(
                        URI.create(product.url("ingest-service", "/api/documents?source=e2e-test")))
                .header("Content-Type", "text/plain; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofFile(page))
                .build());
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);

        List<String> titles = titles(accepted.body());
        assertThat(titles).isNotEmpty();

        await("items in /feeds/all.atom").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> {
                    HttpResponse<String> atom = product.get("feed-service", "/feeds/all.atom");
                    assertThat(atom.statusCode()).isEqualTo(200);
                    assertThat(atom.headers().firstValue("Content-Type")).hasValueSatisfying(
                            type -> assertThat(type).contains("atom+xml"));
                    titles.forEach(title -> assertThat(atom.body()).contains(xmlEscaped(title)));
                });

        HttpResponse<String> rss = product.get("feed-service", "/feeds/all.rss");
        assertThat(rss.statusCode()).isEqualTo(200);
        titles.forEach(title -> assertThat(rss.body()).contains(xmlEscaped(title)));

        for (String service : List.of("ingest-service", "catalog-service", "feed-service")) {
            assertThat(product.get(service, "/q/health/live").statusCode()).isEqualTo(200);
        }

        // a restart of the feed service changes neither the entry ids nor the bytes (same ETag)
        HttpResponse<String> before = product.get("feed-service", "/feeds/all.atom");
        product.restart("feed-service");
        HttpResponse<String> after = product.get("feed-service", "/feeds/all.atom");
        assertThat(entryIds(after.body())).isEqualTo(entryIds(before.body())).doesNotHaveDuplicates();
        assertThat(after.headers().firstValue("ETag")).isEqualTo(before.headers().firstValue("ETag"));
    }

    private static List<String> entryIds(String atom) {
        Matcher matcher = ENTRY_ID.matcher(atom);
        List<String> ids = new java.util.ArrayList<>();
        while (matcher.find()) {
            ids.add(matcher.group(1));
        }
        return ids;
    }

    /** The titles of the response's items (skipping the document's own fields, which have no title). */
    private static List<String> titles(String json) {
        Matcher matcher = TITLE.matcher(json);
        List<String> titles = new java.util.ArrayList<>();
        while (matcher.find()) {
            titles.add(matcher.group(1).replace("\\\"", "\"").replace("\\\\", "\\"));
        }
        return titles;
    }

    private static String xmlEscaped(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
