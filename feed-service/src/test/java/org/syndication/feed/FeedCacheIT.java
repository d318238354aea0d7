package org.syndication.feed;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.syndication.events.NewsItemCatalogued;
import org.syndication.feed.config.FeedConfig;
import org.syndication.feed.mapping.EntryMapper;
import org.syndication.feed.messaging.EventTracing;
import org.syndication.feed.service.FeedCache;
import org.syndication.feed.service.FeedRenderService;
import org.syndication.feed.service.ProjectionService;
import org.syndication.localstack.test.KafkaResource;
import org.syndication.localstack.test.PostgresResource;
import org.syndication.localstack.test.SmtpResource;

import java.net.URL;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What a change re-renders: every format of {@code all}, and of a theme the documents read since their last render;
 * a theme document nobody read is dropped and rendered from the current projection on its next request. A second
 * {@link FeedCache} on the application's database, rendered by hand ({@code renderNow}), so that nothing depends on
 * the render thread's timing; the application's own cache serves the HTTP requests.
 */
@QuarkusTest
@WithTestResource(value = KafkaResource.class, parallel = true)
@WithTestResource(value = PostgresResource.class, parallel = true)
@WithTestResource(value = SmtpResource.class, parallel = true)
class FeedCacheIT {

    private static final Set<String> CHANGED = Set.of(FeedItemRepository.ALL, TestData.CORRUPTION.slug());

    @TestHTTPResource("/")
    URL base;

    @Inject
    ProjectionService projection;

    @Inject
    FeedRenderService renderer;

    @Inject
    FeedConfig config;

    @Inject
    EventTracing tracing;

    @Inject
    FeedCache applicationCache;

    private FeedCache cache;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void freshCache() {
        cache = new FeedCache(renderer, config, Clock.systemUTC(), new SimpleMeterRegistry(), tracing);
    }

    @Test
    void aChangeRerendersAllAndTheThemeDocumentsReadSinceTheLastRenderOnly() {
        NewsItemCatalogued first = apply("Rendered when asked for");
        cache.renderNow(null);
        assertThat(cache.cached("all.atom").text()).contains(EntryMapper.uri(first.itemId()));
        assertThat(cache.cached("all.rss")).as("every format of all").isNotNull();
        assertThat(cache.cached("corruption.atom")).as("a theme document nobody asked for").isNull();

        // asked for: rendered from the projection as it is now, and kept
        assertThat(cache.document("corruption.atom").text()).contains(EntryMapper.uri(first.itemId()));
        assertThat(cache.cached("corruption.atom")).isNotNull();

        // a change re-renders the document that was read, not the formats nobody read
        NewsItemCatalogued second = apply("Rendered with the change");
        cache.renderNow(CHANGED);
        assertThat(cache.cached("corruption.atom").text()).contains(EntryMapper.uri(second.itemId()));
        assertThat(cache.cached("corruption.rss")).isNull();
        assertThat(cache.cached("all.json").text()).contains(second.itemId());

        // reading it above counts as read since that render, so the next render keeps it up to date; nobody reads
        // it after that one, so the change after drops it, and the next request renders the current projection
        cache.renderNow(CHANGED);
        NewsItemCatalogued third = apply("Rendered on the next request");
        cache.renderNow(CHANGED);
        assertThat(cache.cached("corruption.atom")).as("dropped, not re-rendered").isNull();
        assertThat(cache.document("corruption.atom").text()).contains(EntryMapper.uri(third.itemId()));
        assertThat(cache.document("corruption.rss").text()).contains(third.itemId());
    }

    @Test
    void aFileNameIsADocumentOnlyForAKnownFeedAndFormat() {
        cache.renderNow(null);

        assertThat(cache.isDocument("corruption.json")).isTrue();
        assertThat(cache.isDocument("all.rss")).isTrue();
        assertThat(cache.isDocument("no-such-theme.rss")).isFalse();
        assertThat(cache.isDocument("corruption.html")).isFalse();
        assertThat(cache.isDocument("corruption")).isFalse();
        assertThat(cache.document("no-such-theme.atom")).isNull();
    }

    /** Over HTTP, a theme document the application's cache does not hold is rendered for the request. */
    @Test
    void aThemeDocumentIsServedFreshOnItsFirstRequest() throws Exception {
        NewsItemCatalogued item = apply("Served on request");

        // the application's render thread drops the document a few milliseconds after the commit (or re-renders it,
        // had another class read it since): either way the item is served as soon as that happened
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            HttpResponse<String> response = get("feeds/corruption.rss");
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("ETag")).isPresent();
            assertThat(response.body()).contains(item.itemId());
        });
        assertThat(get("feeds/no-such-theme.rss").statusCode()).isEqualTo(404);
    }

    /**
     * A theme document that is not in memory and cannot be read (the database refuses connections) is a {@code 503}
     * problem with {@code Retry-After}, never a {@code 500}; once the database is back it is served again.
     */
    @Test
    void aDocumentThatCannotBeReadIsA503WithRetryAfter() throws Exception {
        // two changes the application's render thread handles: the first re-renders the document if it was read since
        // its last render (by another class), the second drops it, nobody having read it since
        for (String title : List.of("Changed before the outage", "Changed again before the outage")) {
            NewsItemCatalogued item = TestData.item().themes(TestData.TRAFFICKING).title(title).build();
            projection.applyBatch(List.of(new ProjectionService.Change(item.itemId(), item)));
            await().atMost(Duration.ofSeconds(15)).until(applicationCache::idle);
        }
        String url = ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class);
        String database = url.substring(url.lastIndexOf('/') + 1).replaceAll("\\?.*", "");
        try (Connection admin = DriverManager.getConnection(url.substring(0, url.lastIndexOf('/') + 1) + "postgres",
                ConfigProvider.getConfig().getValue("quarkus.datasource.username", String.class),
                ConfigProvider.getConfig().getValue("quarkus.datasource.password", String.class));
             Statement sql = admin.createStatement()) {
            try {
                sql.execute("alter database \"" + database + "\" allow_connections false");
                sql.execute("select pg_terminate_backend(pid) from pg_stat_activity where datname = '" + database + "'");
                await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                    HttpResponse<String> refused = get("feeds/trafficking-in-persons.json");
                    assertThat(refused.statusCode()).isEqualTo(503);
                    assertThat(refused.headers().firstValue("Retry-After")).contains("5");
                    assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                            type -> assertThat(type).startsWith("application/problem+json"));
                    assertThat(refused.body()).contains("unavailable");
                });
            } finally {
                sql.execute("alter database \"" + database + "\" allow_connections true");
            }
        }
        await().atMost(Duration.ofSeconds(30))
                .until(() -> get("feeds/trafficking-in-persons.json").statusCode() == 200);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(base.toURI().resolve(path)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private NewsItemCatalogued apply(String title) {
        NewsItemCatalogued item = TestData.item().date(LocalDate.now(ZoneOffset.UTC)).title(title).build();
        projection.applyBatch(List.of(new ProjectionService.Change(item.itemId(), item)));
        return item;
    }
}
