package org.syndication.ingest.feeds;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The pieces of polite fetching that need no server: Retry-After, robot name, host key, the host gate. */
class PolitenessTest {

    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

    @Test
    void retryAfterIsReadAsSecondsOrAsAnHttpDateAndBounded() {
        assertThat(FeedFetcher.retryAfter("120", NOW)).isEqualTo(Duration.ofSeconds(120));
        assertThat(FeedFetcher.retryAfter("Mon, 23 Nov 2026 12:05:00 GMT", NOW)).isEqualTo(Duration.ofMinutes(5));
        assertThat(FeedFetcher.retryAfter("Mon, 23 Nov 2026 11:00:00 GMT", NOW)).isEqualTo(Duration.ZERO);
        assertThat(FeedFetcher.retryAfter("99999999999999", NOW)).isEqualTo(FeedFetcher.MAX_RETRY_AFTER);
        assertThat(FeedFetcher.retryAfter("soon", NOW)).isNull();
        assertThat(FeedFetcher.retryAfter(null, NOW)).isNull();
    }

    @Test
    void theRobotNameIsTheUserAgentsProductToken() {
        assertThat(RobotsRules.robotName("syndication-ingest/1.0 (+https://example.org)")).isEqualTo("syndication-ingest");
        assertThat(RobotsRules.robotName("Syndication (+https://example.org)")).isEqualTo("syndication");
    }

    @Test
    void aHostIsSchemeHostAndPort() {
        assertThat(PoliteFetcher.hostKey(URI.create("https://News.Example.org/a")))
                .isEqualTo(PoliteFetcher.hostKey(URI.create("https://news.example.org/b?c")));
        assertThat(PoliteFetcher.hostKey(URI.create("http://127.0.0.1:8001/")))
                .isNotEqualTo(PoliteFetcher.hostKey(URI.create("http://127.0.0.1:8002/")));
    }

    @Test
    void theGateSpacesRequestsAndDefersALongWait() {
        HostGate gate = new HostGate(Duration.ofSeconds(1));
        try (HostGate.Turn turn = gate.enter("h")) {
            turn.await(Duration.ofMillis(200));
            turn.requested();
        }
        long started = System.nanoTime();
        try (HostGate.Turn turn = gate.enter("h")) {
            turn.await(Duration.ofMillis(200));
            turn.requested();
        }
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(150));
        try (HostGate.Turn turn = gate.enter("h")) {
            turn.pause(Duration.ofMinutes(2));
        }
        try (HostGate.Turn turn = gate.enter("h")) {
            assertThatThrownBy(() -> turn.await(Duration.ZERO)).isInstanceOf(HostDeferredException.class);
        }
        try (HostGate.Turn other = gate.enter("other-host")) {
            other.await(Duration.ofMillis(200)); // another host is not held up
        }
    }
}
