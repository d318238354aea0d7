package org.syndication.ingest.feeds;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Per-host politeness: at most one request at a time per host (scheme, host and port), each started at least a
 * spacing after the previous one ended, and none before a time the host asked for ({@code Retry-After}). A wait
 * longer than {@code maxWait} is not slept through: the caller is told to come back later
 * ({@link HostDeferredException}), so a worker thread is never parked for minutes.
 */
public final class HostGate {

    private static final class Host {
        final ReentrantLock lock = new ReentrantLock(true);
        Instant lastRequestEnded = Instant.EPOCH;
        Instant notBefore = Instant.EPOCH;
    }

    /** The caller's turn on one host: held from {@link #enter} until {@link #close}. */
    public final class Turn implements AutoCloseable {

        private final Host host;

        private Turn(Host host) {
            this.host = host;
        }

        /**
         * Waits until a request may start: {@code spacing} after the last one and not before the host's pause.
         *
         * @throws HostDeferredException when that is more than {@code maxWait} away
         */
        public void await(Duration spacing) {
            Instant now = Instant.now();
            Instant ready = host.lastRequestEnded.plus(spacing);
            if (host.notBefore.isAfter(ready)) {
                ready = host.notBefore;
            }
            Duration wait = Duration.between(now, ready);
            if (wait.isNegative() || wait.isZero()) {
                return;
            }
            if (wait.compareTo(maxWait) > 0) {
                throw new HostDeferredException(ready);
            }
            try {
                Thread.sleep(wait.toMillis() + 1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new FetchException("interrupted", e);
            }
        }

        /** A request just ended; the next one is spaced from now. */
        public void requested() {
            host.lastRequestEnded = Instant.now();
        }

        /** The host asked us to wait ({@code Retry-After}): no request to it before then. */
        public void pause(Duration retryAfter) {
            Instant until = Instant.now().plus(retryAfter);
            if (until.isAfter(host.notBefore)) {
                host.notBefore = until;
            }
        }

        @Override
        public void close() {
            host.lock.unlock();
        }
    }

    private final Map<String, Host> hosts = new ConcurrentHashMap<>();
    private final Duration maxWait;

    public HostGate(Duration maxWait) {
        this.maxWait = maxWait;
    }

    /** Takes the host's turn, waiting while another request to it runs. */
    public Turn enter(String host) {
        Host state = hosts.computeIfAbsent(host, h -> new Host());
        state.lock.lock();
        return new Turn(state);
    }
}
