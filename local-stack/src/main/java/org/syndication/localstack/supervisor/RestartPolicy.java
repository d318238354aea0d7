package org.syndication.localstack.supervisor;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * When to restart a process that exited unexpectedly, as Kubernetes does for a pod: after a backoff that doubles
 * with each exit (1 s, 2 s, 4 s … up to 30 s), back to the first step once the process has stayed up for a whole
 * crash-loop window, and not at all once it has exited {@code crashLoopExits} times within that window (a crash
 * loop: restarting it again would only repeat the failure and hide it). One instance per supervised process; the
 * clock is injected so the policy is tested without waiting.
 */
public final class RestartPolicy {

    /** The policy's numbers; tests shorten the backoff so a crash loop takes a second, not half a minute. */
    public record Settings(Duration initialBackoff, Duration maxBackoff, int crashLoopExits, Duration crashLoopWindow) {

        public Settings {
            if (initialBackoff.isNegative() || initialBackoff.isZero() || maxBackoff.compareTo(initialBackoff) < 0
                    || crashLoopExits < 1 || crashLoopWindow.isNegative() || crashLoopWindow.isZero()) {
                throw new IllegalArgumentException("not a restart policy: " + this);
            }
        }

        /** 1 s doubling up to 30 s; 5 exits within 2 minutes is a crash loop. */
        public static Settings defaults() {
            return new Settings(Duration.ofSeconds(1), Duration.ofSeconds(30), 5, Duration.ofMinutes(2));
        }

        /** The defaults with another first backoff step (and the cap scaled with it), for tests. */
        public Settings withInitialBackoff(Duration initial) {
            return new Settings(initial, initial.multipliedBy(30), crashLoopExits, crashLoopWindow);
        }
    }

    /** What to do about one exit. */
    public sealed interface Decision {
    }

    /** Start the process again after {@code delay}; {@code attempt} counts the exits since it last ran well. */
    public record Restart(Duration delay, int attempt) implements Decision {
    }

    /** Leave the process stopped: it exited {@code exits} times within {@code window}. */
    public record GiveUp(int exits, Duration window) implements Decision {
    }

    private final Settings settings;
    private final Clock clock;
    private final Deque<Instant> recentExits = new ArrayDeque<>();
    private Instant startedAt;
    private int failuresInARow;

    public RestartPolicy(Settings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    public Settings settings() {
        return settings;
    }

    /** The process was (re)started now. */
    public void started() {
        startedAt = clock.instant();
    }

    /** The process exited without being asked to; says whether and when to start it again. */
    public Decision exited() {
        Instant now = clock.instant();
        if (startedAt != null && !now.isBefore(startedAt.plus(settings.crashLoopWindow()))) {
            failuresInARow = 0; // it ran well for a whole window: this exit starts a new series
        }
        failuresInARow++;
        recentExits.addLast(now);
        while (!recentExits.isEmpty() && !recentExits.peekFirst().isAfter(now.minus(settings.crashLoopWindow()))) {
            recentExits.removeFirst();
        }
        if (recentExits.size() >= settings.crashLoopExits()) {
            return new GiveUp(recentExits.size(), settings.crashLoopWindow());
        }
        return new Restart(backoff(failuresInARow), failuresInARow);
    }

    /** Forgets every exit: an operator restarted the process by hand, so it gets a fresh start. */
    public void reset() {
        recentExits.clear();
        failuresInARow = 0;
    }

    private Duration backoff(int attempt) {
        Duration delay = settings.initialBackoff();
        for (int i = 1; i < attempt && delay.compareTo(settings.maxBackoff()) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(settings.maxBackoff()) > 0 ? settings.maxBackoff() : delay;
    }
}
