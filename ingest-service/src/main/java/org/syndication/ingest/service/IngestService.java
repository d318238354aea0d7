package org.syndication.ingest.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.MDC;
import org.syndication.events.NewsItemIngested;
import org.syndication.events.SourceRef;
import org.syndication.ingest.DatabaseUnavailableException;
import org.syndication.ingest.IngestedItem;
import org.syndication.ingest.ItemCandidate;
import org.syndication.ingest.ItemOutcome;
import org.syndication.ingest.ItemOutcome.Status;
import org.syndication.ingest.mapping.ItemMapper;
import org.syndication.ingest.messaging.NewsItemPublisher;
import org.syndication.support.messaging.TransientDatabaseError;
import org.syndication.ingest.parse.ItemIdentity;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Dedup and publish: decides per item NEW, CORRECTED (text changed: version + 1) or UNCHANGED, publishes the
 * first two kinds and waits for Kafka's acknowledgements, and only then records them in the ledger. A failed
 * publish records nothing, so posting the document again publishes everything again (consumers dedupe by item
 * id and version).
 */
@ApplicationScoped
public class IngestService {

    private final ItemLedger ledger;
    private final NewsItemPublisher publisher;
    private final MeterRegistry metrics;
    private final Clock clock;

    public IngestService(ItemLedger ledger, NewsItemPublisher publisher, MeterRegistry metrics, Clock clock) {
        this.ledger = ledger;
        this.publisher = publisher;
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * @param items candidates in document order; a repeated id gets an occurrence suffix (two equal items on one
     *              page stay two items)
     * @return one outcome per candidate, in order
     * @throws org.syndication.ingest.PublishFailedException when Kafka did not acknowledge every record
     * @throws DatabaseUnavailableException when the ledger's database did not answer
     */
    public List<ItemOutcome> ingest(SourceRef source, String language, List<ItemCandidate> items) {
        List<ItemCandidate> unique = withUniqueIds(items);
        Map<String, IngestedItem> known = withDatabase(
                () -> ledger.lookup(unique.stream().map(ItemCandidate::itemId).toList()));
        List<ItemOutcome> outcomes = new ArrayList<>(unique.size());
        for (ItemCandidate item : unique) {
            outcomes.add(decide(item, known.get(item.itemId())));
        }
        List<ItemOutcome> toPublish = outcomes.stream().filter(ItemOutcome::published).toList();
        Instant now = clock.instant();
        List<NewsItemIngested> events = toPublish.stream()
                .map(outcome -> ItemMapper.toEvent(outcome, source, language, now))
                .toList();
        try {
            metrics.timer("ingest.publish").record(() -> publisher.publishAll(events));
        } catch (RuntimeException e) {
            metrics.counter("ingest.publish.failures").increment();
            toPublish.forEach(o -> countItem(source.name(), false, "publish-failed"));
            throw e;
        }
        withDatabase(() -> {
            ledger.record(source.name(), toPublish);
            return null;
        });
        for (ItemOutcome outcome : outcomes) {
            metrics.counter("ingest.items", "status", outcome.status().name().toLowerCase(Locale.ROOT)).increment();
            countItem(source.name(), outcome.published(), outcome.status().name().toLowerCase(Locale.ROOT));
            MDC.put("itemId", outcome.item().itemId());
            Log.debugf("item itemId=%s version=%d status=%s", outcome.item().itemId(), outcome.version(), outcome.status());
            MDC.remove("itemId");
        }
        return outcomes;
    }

    /** Runs a ledger step; a database that does not answer becomes {@link DatabaseUnavailableException} (503). */
    static <T> T withDatabase(Supplier<T> step) {
        try {
            return step.get();
        } catch (RuntimeException e) {
            if (TransientDatabaseError.isTransient(e)) {
                throw new DatabaseUnavailableException(e);
            }
            throw e;
        }
    }

    /**
     * {@code ingest_items_accepted_total} (published: new or corrected) and {@code ingest_items_refused_total}
     * (unchanged, or Kafka did not acknowledge), by source name and reason.
     */
    private void countItem(String source, boolean accepted, String reason) {
        Counter.builder(accepted ? "ingest.items.accepted" : "ingest.items.refused")
                .description(accepted ? "Items published to news.ingested, by source and reason (new, corrected)"
                        : "Items not published, by source and reason (unchanged, publish-failed)")
                .tag("source", source)
                .tag("reason", reason)
                .register(metrics)
                .increment();
    }

    static ItemOutcome decide(ItemCandidate item, IngestedItem known) {
        String hash = ItemIdentity.contentHash(item.title(), item.body());
        if (known == null) {
            return new ItemOutcome(item, hash, 1, Status.NEW);
        }
        if (known.contentHash.equals(hash)) {
            return new ItemOutcome(item, hash, known.version, Status.UNCHANGED);
        }
        return new ItemOutcome(item, hash, known.version + 1, Status.CORRECTED);
    }

    static List<ItemCandidate> withUniqueIds(List<ItemCandidate> items) {
        Map<String, Integer> seen = new HashMap<>();
        List<ItemCandidate> unique = new ArrayList<>(items.size());
        for (ItemCandidate item : items) {
            int n = seen.merge(item.itemId(), 1, Integer::sum);
            unique.add(n == 1 ? item : item.withItemId(ItemIdentity.occurrence(item.itemId(), n)));
        }
        return unique;
    }
}
