package org.syndication.feed.service;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.postgresql.Driver;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.syndication.feed.digest.SendLogRepository;
import org.syndication.support.concurrent.DaemonThreads;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashSet;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Keeps this instance's rendered feeds equal to the projection whichever instance projected a change: listens on
 * {@link FeedChangeNotifier#CHANNEL} with a connection of its own (outside the pool, which hands connections to
 * whoever asks) and re-renders the feeds each notification names. A lost connection is opened again with backoff
 * (0.1 s doubling to 5 s); each (re)connect re-renders every feed once LISTEN is in place, because notifications
 * sent while nobody listened are gone, and a missed one must not leave a feed stale until the next change.
 * An idle connection is checked every {@link #IDLE_CHECK}, so a silently dead one is noticed too.
 * <p>
 * The same connection holds this instance's presence lock ({@link SendLogRepository#PRESENCE_LOCK}): while it is held, the
 * digest mails this instance claimed are being sent; once the process dies, PostgreSQL ends its session and frees
 * the lock, and the next sweep of any instance reports those mails UNKNOWN ({@link SendLogRepository#abandonInterrupted}).
 */
@ApplicationScoped
public class FeedChangeListener {

    static final Duration IDLE_CHECK = Duration.ofSeconds(10);
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(100);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    private final FeedCache cache;
    private final String instanceId;
    private final String url;
    private final Properties connectionProperties = new Properties();
    /** Successful LISTENs so far (1 after start, more after reconnects). */
    private final AtomicLong connects = new AtomicLong();
    /** Changes of other instances received so far. */
    private final AtomicLong received = new AtomicLong();
    private volatile boolean running;
    private volatile Thread thread;
    private volatile Connection current;
    private volatile boolean present;

    @Inject
    public FeedChangeListener(FeedCache cache, FeedChangeNotifier notifier,
                              @ConfigProperty(name = "quarkus.datasource.jdbc.url") String url,
                              @ConfigProperty(name = "quarkus.datasource.username") Optional<String> username,
                              @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this(cache, notifier.instanceId(), url, username, password);
    }

    /** A listener for {@code cache} on behalf of instance {@code instanceId} (a second instance in tests). */
    public FeedChangeListener(FeedCache cache, String instanceId, String url, Optional<String> username,
                              Optional<String> password) {
        this.cache = cache;
        this.instanceId = instanceId;
        this.url = url;
        username.ifPresent(u -> connectionProperties.setProperty("user", u));
        password.ifPresent(p -> connectionProperties.setProperty("password", p));
        connectionProperties.setProperty("ApplicationName", "feed-service feed-change-listener");
        connectionProperties.setProperty("tcpKeepAlive", "true");
        connectionProperties.setProperty("connectTimeout", "10");
        connectionProperties.setProperty("logServerErrorDetail", "false");
    }

    /** After the first render (FeedCache starts at priority 10). */
    void onStart(@Observes @Priority(20) StartupEvent event) {
        start();
    }

    void onStop(@Observes ShutdownEvent event) {
        stop();
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        thread = DaemonThreads.start("feed-change-listener", this::run);
    }

    public synchronized void stop() {
        running = false;
        Thread listener = thread;
        if (listener != null) {
            listener.interrupt();
            closeQuietly(current);
            try {
                listener.join(TimeUnit.SECONDS.toMillis(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** This instance's id: in its notifications, and the claimant of the digest mails it sends. */
    public String instanceId() {
        return instanceId;
    }

    /** How many times LISTEN was established (for health and tests). */
    public long connects() {
        return connects.get();
    }

    /** How many changes of other instances arrived so far. */
    public long received() {
        return received.get();
    }

    /** The PostgreSQL backend process of the listening connection, or -1 while there is none (tests end it). */
    public int backendPid() {
        Connection connection = current;
        try {
            return connection == null ? -1 : connection.unwrap(PGConnection.class).getBackendPID();
        } catch (SQLException e) {
            return -1;
        }
    }

    private void run() {
        Duration backoff = FIRST_BACKOFF;
        while (running) {
            try (Connection connection = connect()) {
                current = connection;
                try (Statement listen = connection.createStatement()) {
                    listen.execute("LISTEN " + FeedChangeNotifier.CHANNEL);
                }
                present = holdPresence(connection);
                long n = connects.incrementAndGet();
                backoff = FIRST_BACKOFF;
                // whatever changed while nobody listened (before the first LISTEN too) is rendered now
                cache.invalidateAll();
                Log.infof("listening for feed changes of other instances connects=%d", n);
                listen(connection);
            } catch (SQLException | RuntimeException e) {
                current = null;
                present = false;
                if (!running) {
                    break;
                }
                Log.warnf("feed change listener lost its connection, reconnecting in %d ms: %s", backoff.toMillis(),
                        e.toString());
                LockSupport.parkNanos(backoff.toNanos());
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
        current = null;
        present = false;
    }

    /** Whether this instance's presence lock is held now (its digest claims are then not taken for abandoned). */
    public boolean present() {
        return present;
    }

    private boolean holdPresence(Connection connection) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("select pg_try_advisory_lock(?, hashtext(?))")) {
            lock.setInt(1, SendLogRepository.PRESENCE_LOCK);
            lock.setString(2, instanceId);
            try (ResultSet result = lock.executeQuery()) {
                boolean held = result.next() && result.getBoolean(1);
                if (!held) {
                    // another live instance id hashes to the same key: its mails and ours fall back to the age rule
                    Log.warnf("presence lock of instance %s is taken by another instance", instanceId);
                }
                return held;
            }
        }
    }

    private Connection connect() throws SQLException {
        Connection connection = new Driver().connect(url, connectionProperties);
        if (connection == null) {
            throw new SQLException("not a PostgreSQL URL: " + url);
        }
        connection.setAutoCommit(true);
        return connection;
    }

    /** Waits for notifications until the connection fails (throws) or the listener stops. */
    private void listen(Connection connection) throws SQLException {
        PGConnection pg = connection.unwrap(PGConnection.class);
        while (running) {
            PGNotification[] notifications = pg.getNotifications((int) IDLE_CHECK.toMillis());
            if (notifications == null || notifications.length == 0) {
                if (!connection.isValid(5)) {
                    throw new SQLException("listening connection is no longer valid");
                }
                continue;
            }
            Set<String> keys = new HashSet<>();
            for (PGNotification notification : notifications) {
                FeedChangeNotifier.Notice notice = FeedChangeNotifier.Notice.parse(notification.getParameter());
                if (!instanceId.equals(notice.instanceId())) {
                    keys.addAll(notice.feedKeys());
                    received.incrementAndGet();
                }
            }
            if (keys.contains(FeedChangeNotifier.EVERY_FEED)) {
                cache.invalidateAll();
            } else if (!keys.isEmpty()) {
                Log.debugf("feeds changed by another instance feeds=%s", keys);
                cache.invalidate(keys);
            }
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                // closing a connection that is going away anyway
            }
        }
    }
}
