package org.syndication.e2e;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.syndication.localstack.ProductProcesses;
import org.syndication.localstack.SmtpSink;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A corpus page posted to ingest reaches the Atom and RSS feeds through Kafka, catalog and PostgreSQL. */
class EndToEndIT {

    private static final Pattern ENTRY_ID = Pattern.compile("<entry>.*?<id>([^<]+)</id>", Pattern.DOTALL);
    private static final Pattern CONFIRM_LINK = Pattern.compile("http://\\S+/subscriptions/confirm\\?token=[A-Za-z0-9_-]+");
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
    void aPostedPageAppearsInTheFeeds() {
        Path page = ROOT.resolve("demo/004_0ef31894ef542dc6.txt");
        HttpResponse<String> accepted = post("ingest-service", "/api/documents?source=e2e-test",
                "text/plain; charset=utf-8", ofFile(page), null);
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

    @Test
    void aDigestGoesOutOnceAcrossARestartAndARepeatedTrigger() {
        Path page = ROOT.resolve("demo/001_ca76045d2c7af8ae.txt");
        HttpResponse<String> accepted = post("ingest-service", "/api/documents?source=e2e-digest", "text/plain; charset=utf-8",
                ofFile(page), null);
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        String lastTitle = titles(accepted.body()).get(titles(accepted.body()).size() - 1);
        await("items in /feeds/all.atom").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> product.get("feed-service", "/feeds/all.atom").body().contains(xmlEscaped(lastTitle)));

        String daily = "daily-" + UUID.randomUUID() + "@example.org";
        String weekly = "weekly-" + UUID.randomUUID() + "@example.org";
        subscribeAndConfirm(daily, "DAILY");
        subscribeAndConfirm(weekly, "WEEKLY");

        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        assertThat(issueDigest(today.toString()).statusCode()).isEqualTo(201);
        await("the daily digest").atMost(Duration.ofSeconds(30)).until(() -> digestMails(daily).size() == 1);

        product.restart("feed-service");
        HttpResponse<String> again = issueDigest(today.toString());
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).contains("\"alreadyIssued\":true");

        // the weekly digest is sent by the restarted service's sender after any leftover of the daily one would be:
        // once it has arrived, a second daily mail would have arrived too
        String week = String.format("%d-W%02d", today.get(IsoFields.WEEK_BASED_YEAR),
                today.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
        assertThat(issueDigest(week).statusCode()).isEqualTo(201);
        await("the weekly digest").atMost(Duration.ofSeconds(30)).until(() -> digestMails(weekly).size() == 1);
        assertThat(digestMails(daily)).hasSize(1);
        assertThat(digestMails(daily).get(0).subject()).contains(today.toString());
    }

    private void subscribeAndConfirm(String address, String frequency) {
        HttpResponse<String> subscribed = post("feed-service", "/api/subscriptions", "application/json",
                HttpRequest.BodyPublishers.ofString("{\"email\":\"" + address + "\",\"themes\":[\"all\"],"
                        + "\"frequency\":\"" + frequency + "\"}"), null);
        assertThat(subscribed.statusCode()).as(subscribed.body()).isEqualTo(202);
        await("confirmation mail").atMost(Duration.ofSeconds(30)).until(() -> !mails(address).isEmpty());
        Matcher confirm = CONFIRM_LINK.matcher(mails(address).get(0).text());
        assertThat(confirm.find()).as("confirmation link").isTrue();
        HttpResponse<String> confirmed = product.send(HttpRequest.newBuilder(URI.create(confirm.group()))
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        assertThat(confirmed.statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> issueDigest(String period) {
        return post("feed-service", "/api/digests/all/" + period, "application/json",
                HttpRequest.BodyPublishers.noBody(), "Bearer " + ProductProcesses.FEED_TOKEN);
    }

    private static HttpResponse<String> post(String service, String path, String contentType,
                                             HttpRequest.BodyPublisher body, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(product.url(service, path)))
                .header("Content-Type", contentType).POST(body);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return product.send(request.build());
    }

    private static HttpRequest.BodyPublisher ofFile(Path file) {
        try {
            return HttpRequest.BodyPublishers.ofFile(file);
        } catch (java.io.FileNotFoundException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<SmtpSink.ReceivedMessage> mails(String address) {
        return product.stack().smtp().messages().stream().filter(m -> m.to().contains(address)).toList();
    }

    private static List<SmtpSink.ReceivedMessage> digestMails(String address) {
        return mails(address).stream().filter(m -> m.headers().containsKey("List-Unsubscribe")).toList();
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
