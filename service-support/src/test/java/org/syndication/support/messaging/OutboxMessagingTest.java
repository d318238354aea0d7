package org.syndication.support.messaging;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import org.junit.jupiter.api.Test;
import org.syndication.events.Topics;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

class OutboxMessagingTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @Test
    void startRegistersTheBacklogGaugesOfTheServicesTopicsAndTheRelayCounter() {
        OutboxMessaging outbox = outbox();

        outbox.start();

        Gauge unpublished = meters.get(BacklogMetrics.OUTBOX_UNPUBLISHED).tag("topic", Topics.NEWS_DIGESTS).gauge();
        assertThat(unpublished.value()).as("NaN until the first refresh").isNaN();
        assertThat(meters.get(BacklogMetrics.OUTBOX_OLDEST).tag("topic", Topics.NEWS_DIGESTS).gauge().value()).isNaN();
        assertThat(meters.get(BacklogMetrics.LAG).tag("group", "feed-service").tag("topic", Topics.NEWS_CATALOGUED)
                .gauge().value()).isNaN();
        assertThat(meters.get("feed.outbox.published").counter().count()).isZero();
        assertThat(outbox.relay()).isNotNull();
        assertThat(outbox.table()).isNotNull();
        assertThat(outbox.backlog()).isNotNull();
        outbox.stop();
    }

    @Test
    void aStoppedOutboxIgnoresWakeUpsAndStopsTwiceWithoutError() {
        OutboxMessaging outbox = outbox();
        outbox.start();

        outbox.stop();

        // a commit's wake-up or a sweep after the stop finds the relay's thread gone: nothing runs, nothing throws
        assertThatCode(() -> {
            outbox.relayNow();
            outbox.sweep();
            outbox.stop();
            outbox.close();
        }).doesNotThrowAnyException();
        assertThat(meters.get("feed.outbox.published").counter().count()).isZero();
    }

    private OutboxMessaging outbox() {
        // no database and no Kafka: these tests never reach a drain (the ITs of catalog and feed do)
        return new OutboxMessaging(null, new OutboxRelay.Target(Topics.NEWS_DIGESTS, null, "/feed-service"),
                config(), Clock.systemUTC(), new KafkaSpans(OpenTelemetry.noop(), "test"), meters,
                "feed.outbox.published", Map.of(), "feed-service", Topics.NEWS_CATALOGUED);
    }

    private static OutboxConfig config() {
        return new OutboxConfig() {
            @Override
            public boolean enabled() {
                return true; // enabled: a wake-up would reach the relay thread if it still ran
            }

            @Override
            public int batchSize() {
                return 10;
            }

            @Override
            public Duration sendTimeout() {
                return Duration.ofSeconds(1);
            }

            @Override
            public Duration sweepInterval() {
                return Duration.ofSeconds(2);
            }

            @Override
            public Duration retention() {
                return Duration.ofDays(7);
            }
        };
    }
}
