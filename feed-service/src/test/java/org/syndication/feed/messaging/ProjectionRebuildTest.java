package org.syndication.feed.messaging;

import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.syndication.events.Topics;
import org.syndication.feed.config.FeedConfig;
import org.syndication.feed.service.ProjectionService;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ProjectionRebuildTest {

    private final TopicPartition p0 = new TopicPartition(Topics.NEWS_CATALOGUED, 0);
    private final TopicPartition p1 = new TopicPartition(Topics.NEWS_CATALOGUED, 1);

    private static FeedConfig config(boolean rebuild) {
        return (FeedConfig) Proxy.newProxyInstance(FeedConfig.class.getClassLoader(), new Class<?>[] {FeedConfig.class},
                (proxy, method, args) -> method.getName().equals("rebuildOnStart") ? rebuild : null);
    }

    private static final class CountingProjection extends ProjectionService {
        int resets;

        CountingProjection() {
            super(null, null, null, null, null);
        }

        @Override
        public void reset() {
            resets++;
        }
    }

    private MockConsumer<String, String> consumerAt(long offset) {
        MockConsumer<String, String> consumer = new MockConsumer<>(OffsetResetStrategy.EARLIEST);
        consumer.assign(List.of(p0, p1));
        consumer.updateBeginningOffsets(Map.of(p0, 0L, p1, 0L));
        consumer.seek(p0, offset);
        consumer.seek(p1, offset);
        return consumer;
    }

    @Test
    void rebuildClearsOnceAndRewindsEveryPartitionOnce() {
        CountingProjection projection = new CountingProjection();
        ProjectionRebuild rebuild = new ProjectionRebuild(config(true), projection);
        MockConsumer<String, String> consumer = consumerAt(42);

        rebuild.onPartitionsAssigned(consumer, List.of(p0));
        rebuild.onPartitionsAssigned(consumer, List.of(p0, p1));

        assertThat(projection.resets).isEqualTo(1);
        assertThat(consumer.position(p0)).isZero();
        assertThat(consumer.position(p1)).isZero();
        consumer.seek(p0, 7);
        rebuild.onPartitionsAssigned(consumer, List.of(p0));
        assertThat(consumer.position(p0)).as("a later rebalance keeps the position").isEqualTo(7);
    }

    @Test
    void withoutTheFlagNothingHappens() {
        CountingProjection projection = new CountingProjection();
        MockConsumer<String, String> consumer = consumerAt(42);
        new ProjectionRebuild(config(false), projection).onPartitionsAssigned(consumer, List.of(p0, p1));
        assertThat(projection.resets).isZero();
        assertThat(consumer.position(p0)).isEqualTo(42);
    }
}
