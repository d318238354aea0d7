package org.syndication.catalog.service;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.syndication.catalog.ItemSource;
import org.syndication.catalog.ItemSourceRepository;
import org.syndication.catalog.mapping.StoryKeys;

import java.util.List;

/**
 * Computes the story keys of the items stored before sources were kept (V20 gives each its own source row without
 * keys: the normalisation is Java's, not SQL's). Runs at start, 1,000 rows per transaction, until none is left; a
 * new database has none. Until then such an item is not matched by a later source.
 */
@ApplicationScoped
public class StoryKeyBackfill {

    private static final int BATCH = 1000;

    private final ItemSourceRepository sources;

    public StoryKeyBackfill(ItemSourceRepository sources) {
        this.sources = sources;
    }

    void onStart(@Observes StartupEvent event) {
        int total = 0;
        int done;
        do {
            done = QuarkusTransaction.requiringNew().call(this::backfillBatch);
            total += done;
        } while (done == BATCH);
        if (total > 0) {
            Log.infof("story keys computed for items stored before sources were kept count=%d", total);
        }
    }

    private int backfillBatch() {
        List<ItemSource> rows = sources.withoutKeys(BATCH);
        for (ItemSource row : rows) {
            row.linkKey = StoryKeys.linkKey(row.link, row.sourceUrl);
            // withoutKeys carries the item's title in titleKey
            row.titleKey = StoryKeys.titleKey(row.titleKey);
        }
        sources.setKeys(rows);
        return rows.size();
    }
}
