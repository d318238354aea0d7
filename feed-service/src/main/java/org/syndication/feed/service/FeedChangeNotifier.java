package org.syndication.feed.service;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.syndication.support.persistence.Jdbc;

import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Tells every other feed-service instance which feeds a projection change touched: a PostgreSQL {@code NOTIFY}
 * on {@link #CHANNEL}, sent inside the transaction that changed the projection, so PostgreSQL delivers it only
 * when (and if) that transaction commits, and only after the rows are visible. The payload is
 * {@code <instance id> <feed key>,<feed key>...}, or {@code <instance id> *} for every feed; each instance's
 * {@link FeedChangeListener} re-renders those feeds, except for its own notifications (its own
 * {@link ProjectionChanged} observer already did).
 */
@ApplicationScoped
public class FeedChangeNotifier {

    /** The PostgreSQL notification channel. */
    public static final String CHANNEL = "feed_changed";
    /** Every feed, in place of the keys. */
    static final String EVERY_FEED = "*";
    /** NOTIFY payloads must stay under 8000 bytes; beyond this the change is announced as "every feed". */
    static final int MAX_PAYLOAD = 7000;

    private final AgroalDataSource dataSource;
    /** This instance, so its listener can skip what it sent itself. */
    private final String instanceId = UUID.randomUUID().toString();

    public FeedChangeNotifier(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public String instanceId() {
        return instanceId;
    }

    /** Synchronous observer: runs inside the projection's transaction, so the notification commits with it. */
    void onChange(@Observes ProjectionChanged change) {
        String payload = payload(instanceId, change.feedKeys());
        Jdbc.execute(dataSource, "cannot announce the feed change", connection -> {
            try (PreparedStatement notify = connection.prepareStatement("select pg_notify(?, ?)")) {
                notify.setString(1, CHANNEL);
                notify.setString(2, payload);
                notify.execute();
            }
        });
    }

    static String payload(String instanceId, Set<String> feedKeys) {
        String payload = instanceId + " " + String.join(",", new TreeSet<>(feedKeys));
        return payload.getBytes(StandardCharsets.UTF_8).length > MAX_PAYLOAD ? instanceId + " " + EVERY_FEED : payload;
    }

    /** The sender and the feed keys of a payload; the keys hold {@link #EVERY_FEED} for every feed. */
    record Notice(String instanceId, Set<String> feedKeys) {

        static Notice parse(String payload) {
            int space = payload.indexOf(' ');
            if (space < 0) {
                return new Notice("", Set.of(EVERY_FEED)); // not ours to read: render everything, to be safe
            }
            String keys = payload.substring(space + 1);
            return new Notice(payload.substring(0, space),
                    keys.isEmpty() ? Set.of() : Set.copyOf(Arrays.asList(keys.split(","))));
        }
    }
}
