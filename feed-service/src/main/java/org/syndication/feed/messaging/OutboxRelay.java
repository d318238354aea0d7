package org.syndication.feed.messaging;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.syndication.events.CeHeaders;
import org.syndication.events.DigestIssued;
import org.syndication.events.EventJson;
import org.syndication.feed.digest.OutboxEvent;
import org.syndication.feed.digest.OutboxRepository;

import java.time.Clock;
import java.util.List;

/**
 * Publishes outbox rows to news.digests in order, with CloudEvents headers whose {@code ce_id} is the row id (so
 * a resend after a crash carries the same id), and marks each row published after the broker acknowledged it.
 */
@ApplicationScoped
public class OutboxRelay {

    static final String SOURCE = "/feed-service";
    private static final int BATCH = 100;

    private final MutinyEmitter<DigestIssued> emitter;
    private final OutboxRepository outbox;
    private final Clock clock;

    public OutboxRelay(@Channel(Channels.NEWS_DIGESTS) MutinyEmitter<DigestIssued> emitter, OutboxRepository outbox,
                       Clock clock) {
        this.emitter = emitter;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Scheduled(every = "${feed.digest.relay-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            identity = "outbox-relay",
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    @Transactional
    public void relay() {
        List<OutboxEvent> rows = outbox.lockUnpublished(BATCH);
        for (OutboxEvent row : rows) {
            RecordHeaders headers = CeHeaders.of(row.id.toString(), row.type, SOURCE, row.createdAt.toString(),
                    row.aggregateId);
            DigestIssued event = EventJson.fromJson(row.payload, DigestIssued.class);
            emitter.sendMessageAndAwait(Message.of(event).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                    .withKey(row.aggregateId).withHeaders(headers).build()));
            row.publishedAt = clock.instant();
            Log.infof("published digest ceId=%s digestId=%s", row.id, row.aggregateId);
        }
    }
}
