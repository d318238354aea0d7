package org.syndication.feed.messaging;

import io.quarkus.logging.Log;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.syndication.feed.config.FeedConfig;
import org.syndication.feed.service.ProjectionService;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * With {@code feed.rebuild-on-start=true}: clears the projection once and reads every assigned partition of
 * news.catalogued again from offset zero (the topic is compacted, so that is the latest state of every item).
 */
@ApplicationScoped
@Identifier(ProjectionRebuild.NAME)
public class ProjectionRebuild implements KafkaConsumerRebalanceListener {

    public static final String NAME = "feed-projection-rebuild";

    private final FeedConfig config;
    private final ProjectionService projection;
    private final Set<TopicPartition> rewound = new HashSet<>();
    private boolean cleared;

    public ProjectionRebuild(FeedConfig config, ProjectionService projection) {
        this.config = config;
        this.projection = projection;
    }

    @Override
    public synchronized void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        if (!config.rebuildOnStart()) {
            return;
        }
        if (!cleared) {
            projection.reset();
            cleared = true;
        }
        List<TopicPartition> fresh = partitions.stream().filter(p -> !rewound.contains(p)).toList();
        if (!fresh.isEmpty()) {
            consumer.seekToBeginning(fresh);
            rewound.addAll(fresh);
            Log.infof("rebuild: reading from offset zero partitions=%s", fresh);
        }
    }
}
