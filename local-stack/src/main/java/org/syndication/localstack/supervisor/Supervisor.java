package org.syndication.localstack.supervisor;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Keeps a set of processes running, as Kubernetes keeps a pod's containers: a process that exits without being
 * asked to is reported (exit status and the last lines of its log) and started again after the backoff of its
 * {@link RestartPolicy}; one that keeps failing (a crash loop) is left stopped and reported, and the others keep
 * running. It also probes readiness every second, restarts a process on request, and lists each process's state.
 *
 * <p>Every operation on one process (start, exit, restart by hand, stop) runs on that process's own single thread,
 * so they never interleave; the status is read under the supervisor's lock.
 */
public final class Supervisor implements AutoCloseable {

    /**
     * A safety net only: each child enforces its own grace and kills itself past it (a service writing its
     * ahead-of-time cache at the stop gets minutes), so this must be longer than any child's grace, or the wait is
     * cut short and the child's stop interrupted, which kills it.
     */
    private static final Duration STOP_WAIT = Duration.ofMinutes(4);

    /** Where a process is in its life. */
    public enum State {
        STARTING("starting"), RUNNING("running"), BACKOFF("restarting"), CRASH_LOOP("stopped: crash loop"),
        STOPPING("stopping"), STOPPED("stopped");

        private final String label;

        State(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** One line of {@code ./syndicate status}. */
    public record ProcessStatus(String name, State state, Optional<Long> pid, Optional<Instant> upSince, int restarts,
                                Optional<String> lastExit, Optional<Instant> lastExitAt, boolean ready) {
    }

    private static final int LOG_LINES = 15;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final RestartPolicy.Settings policySettings;
    private final Clock clock;
    private final Consumer<String> events;
    private final Map<String, Slot> slots = new LinkedHashMap<>();
    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(
            daemon("supervisor-timer"));
    private final ScheduledExecutorService probes = Executors.newSingleThreadScheduledExecutor(
            daemon("supervisor-probe"));
    private volatile boolean closing;

    /**
     * @param events receives every event worth telling the operator (exits, restarts, crash loops), one message
     *               each, possibly over several lines; the caller prints and logs them
     */
    public Supervisor(RestartPolicy.Settings policySettings, Clock clock, Consumer<String> events,
                      Duration probeInterval) {
        this.policySettings = policySettings;
        this.clock = clock;
        this.events = events;
        probes.scheduleWithFixedDelay(this::probeAll, probeInterval.toMillis(), probeInterval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** Adds a process and starts it (in the background; see {@link #awaitReady}). */
    public void start(Child child) {
        Slot slot;
        synchronized (this) {
            if (slots.containsKey(child.name())) {
                throw new IllegalArgumentException(child.name() + " is already supervised");
            }
            slot = new Slot(child, new RestartPolicy(policySettings, clock));
            slots.put(child.name(), slot);
        }
        slot.worker.execute(() -> startNow(slot));
    }

    /** The state of one process. */
    public synchronized State state(String name) {
        return slot(name).state;
    }

    /** Waits until the process is ready; false when it is not within {@code timeout}, or was given up. */
    public boolean awaitReady(String name, Duration timeout) throws InterruptedException {
        Slot slot = slot(name);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline && !closing) {
            synchronized (this) {
                if (slot.state == State.CRASH_LOOP || slot.state == State.STOPPED) {
                    return false;
                }
            }
            if (slot.state == State.RUNNING && probe(slot)) {
                return true;
            }
            Thread.sleep(250);
        }
        return false;
    }

    /**
     * Stops the process (if it runs) and starts it again at once, with a fresh restart policy: this also brings
     * back a process stopped for a crash loop. Completes when the new process has started.
     */
    public CompletableFuture<Void> restart(String name) {
        Slot slot = slot(name);
        return CompletableFuture.runAsync(() -> {
            if (closing) {
                return;
            }
            cancelPendingRestart(slot);
            stopNow(slot);
            events.accept(name + " restarted by hand");
            synchronized (this) {
                slot.policy.reset();
                slot.restarts++;
            }
            startNow(slot);
        }, slot.worker);
    }

    /** Every process's state, in the order they were added. */
    public synchronized List<ProcessStatus> status() {
        List<ProcessStatus> lines = new ArrayList<>();
        for (Slot slot : slots.values()) {
            boolean up = slot.running != null && (slot.state == State.RUNNING || slot.state == State.STOPPING);
            lines.add(new ProcessStatus(slot.child.name(), slot.state,
                    up ? Optional.of(slot.running.pid()) : Optional.empty(),
                    up ? Optional.ofNullable(slot.upSince) : Optional.empty(), slot.restarts,
                    Optional.ofNullable(slot.lastExit), Optional.ofNullable(slot.lastExitAt), up && slot.ready));
        }
        return lines;
    }

    /** {@link #status()} as the table {@code ./syndicate status} prints. */
    public String statusTable() {
        ZoneId zone = clock.getZone();
        StringBuilder table = new StringBuilder(String.format("%-16s %-20s %-8s %-20s %-8s %-5s %s%n",
                "PROCESS", "STATE", "PID", "UP SINCE", "RESTARTS", "READY", "LAST EXIT"));
        for (ProcessStatus line : status()) {
            table.append(String.format("%-16s %-20s %-8s %-20s %-8d %-5s %s%n", line.name(), line.state().label(),
                    line.pid().map(String::valueOf).orElse("-"),
                    line.upSince().map(t -> TIME.format(LocalDateTime.ofInstant(t, zone))).orElse("-"),
                    line.restarts(), line.ready() ? "yes" : "no",
                    line.lastExit().map(exit -> exit + line.lastExitAt()
                            .map(t -> " at " + TIME.format(LocalDateTime.ofInstant(t, zone))).orElse(""))
                            .orElse("-")));
        }
        return table.toString();
    }

    /** Stops every process, the last added first (services before the servers they use). */
    @Override
    public void close() {
        closing = true;
        probes.shutdownNow();
        timers.shutdownNow();
        List<Slot> reversed;
        synchronized (this) {
            reversed = new ArrayList<>(slots.values());
        }
        java.util.Collections.reverse(reversed);
        for (Slot slot : reversed) {
            try {
                CompletableFuture.runAsync(() -> {
                    stopNow(slot);
                    synchronized (this) {
                        slot.state = State.STOPPED;
                    }
                }, slot.worker).get(STOP_WAIT.toSeconds(), TimeUnit.SECONDS);
            } catch (Exception e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                events.accept("could not stop " + slot.child.name() + " cleanly: " + e);
            }
            slot.worker.shutdownNow();
        }
    }

    // ---- on the process's own thread ----

    private void startNow(Slot slot) {
        if (closing) {
            return;
        }
        synchronized (this) {
            slot.state = State.STARTING;
            slot.ready = false;
        }
        Running running;
        try {
            running = slot.child.start();
        } catch (IOException | RuntimeException e) {
            exited(slot, slot.generation, "failed to start: " + e.getMessage());
            return;
        }
        long generation;
        synchronized (this) {
            generation = ++slot.generation;
            slot.running = running;
            slot.upSince = clock.instant();
            slot.state = State.RUNNING;
            slot.policy.started();
        }
        running.exit().thenAccept(status -> slot.worker.execute(() -> exited(slot, generation, describe(status))));
    }

    private void exited(Slot slot, long generation, String exit) {
        RestartPolicy.Decision decision;
        synchronized (this) {
            if (closing || generation != slot.generation || slot.state == State.STOPPING
                    || slot.state == State.STOPPED) {
                return; // asked to stop, or an exit of an earlier run already handled
            }
            slot.running = null;
            slot.ready = false;
            slot.lastExit = exit;
            slot.lastExitAt = clock.instant();
            slot.generation++;
            decision = slot.policy.exited();
            slot.state = decision instanceof RestartPolicy.Restart ? State.BACKOFF : State.CRASH_LOOP;
        }
        String name = slot.child.name();
        String tail = lastLines(slot.child.log());
        if (decision instanceof RestartPolicy.Restart restart) {
            events.accept(String.format("%s exited unexpectedly (%s); restarting it in %s (attempt %d)%s",
                    name, exit, human(restart.delay()), restart.attempt(), tail));
            slot.pendingRestart = timers.schedule(() -> slot.worker.execute(() -> {
                synchronized (this) {
                    if (slot.state != State.BACKOFF) {
                        return;
                    }
                    slot.restarts++;
                }
                startNow(slot);
            }), restart.delay().toMillis(), TimeUnit.MILLISECONDS);
        } else {
            RestartPolicy.GiveUp giveUp = (RestartPolicy.GiveUp) decision;
            events.accept(String.format("%s STOPPED: it exited %d times within %s (a crash loop; last: %s). It stays"
                    + " stopped and the other processes keep running. Fix the cause (see %s), then"
                    + " './syndicate restart %s'.%s", name, giveUp.exits(), human(giveUp.window()), exit,
                    slot.child.log(), name, tail));
        }
    }

    private void stopNow(Slot slot) {
        Running running;
        synchronized (this) {
            running = slot.running;
            slot.state = State.STOPPING;
            slot.ready = false;
        }
        if (running != null) {
            slot.child.stop(running);
        }
        synchronized (this) {
            slot.running = null;
            slot.generation++;
        }
    }

    private void cancelPendingRestart(Slot slot) {
        ScheduledFuture<?> pending = slot.pendingRestart;
        if (pending != null) {
            pending.cancel(false);
        }
    }

    // ---- readiness ----

    private void probeAll() {
        List<Slot> all;
        synchronized (this) {
            all = new ArrayList<>(slots.values());
        }
        for (Slot slot : all) {
            boolean wasReady = slot.ready;
            boolean ready = slot.state == State.RUNNING && probe(slot);
            if (ready && !wasReady && slot.restarts > 0) {
                events.accept(slot.child.name() + " is ready again (pid " + pidOf(slot) + ")");
            }
        }
    }

    private boolean probe(Slot slot) {
        boolean ready;
        try {
            ready = slot.child.ready();
        } catch (RuntimeException e) {
            ready = false;
        }
        synchronized (this) {
            slot.ready = ready && slot.state == State.RUNNING;
            return slot.ready;
        }
    }

    private synchronized String pidOf(Slot slot) {
        return slot.running == null ? "-" : String.valueOf(slot.running.pid());
    }

    // ---- helpers ----

    private synchronized Slot slot(String name) {
        Slot slot = slots.get(name);
        if (slot == null) {
            throw new UnknownProcessException(name, List.copyOf(slots.keySet()));
        }
        return slot;
    }

    /** Exit status in words; Java reports a process killed by signal N as 128 + N. */
    static String describe(OptionalInt status) {
        if (status.isEmpty()) {
            return "exit status unknown: not a direct child";
        }
        int code = status.getAsInt();
        if (code > 128 && code < 160) {
            return "exit status " + code + ", killed by signal " + (code - 128) + signalName(code - 128);
        }
        return "exit status " + code;
    }

    private static String signalName(int signal) {
        return switch (signal) {
            case 1 -> " (SIGHUP)";
            case 2 -> " (SIGINT)";
            case 6 -> " (SIGABRT)";
            case 9 -> " (SIGKILL)";
            case 11 -> " (SIGSEGV)";
            case 15 -> " (SIGTERM)";
            default -> "";
        };
    }

    /** The last lines of a log, read from its end (logs grow large). */
    static String lastLines(Path log) {
        if (log == null || !Files.isReadable(log)) {
            return "";
        }
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            long length = file.length();
            int size = (int) Math.min(length, 16_384);
            byte[] bytes = new byte[size];
            file.seek(length - size);
            file.readFully(bytes);
            List<String> lines = Arrays.asList(new String(bytes, StandardCharsets.UTF_8).split("\r?\n"));
            if (size < length && !lines.isEmpty()) {
                lines = lines.subList(1, lines.size()); // the first line is likely cut
            }
            List<String> last = lines.subList(Math.max(0, lines.size() - LOG_LINES), lines.size());
            if (last.stream().allMatch(String::isBlank)) {
                return "";
            }
            return "\n    last lines of " + log + ":\n" + last.stream().map(line -> "    | " + line)
                    .collect(Collectors.joining("\n"));
        } catch (IOException e) {
            return "\n    (cannot read " + log + ": " + e.getMessage() + ")";
        }
    }

    private static String human(Duration duration) {
        if (duration.toMillis() % 1000 != 0) {
            return duration.toMillis() + " ms";
        }
        long seconds = duration.toSeconds();
        return seconds % 60 == 0 && seconds >= 60 ? seconds / 60 + " min" : seconds + " s";
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    /** No process of that name is supervised. */
    public static final class UnknownProcessException extends IllegalArgumentException {
        public UnknownProcessException(String name, List<String> known) {
            super("no process named '" + name + "'; known: " + String.join(", ", known));
        }
    }

    /** The supervisor's view of one process. Fields are guarded by the supervisor's lock. */
    private static final class Slot {
        final Child child;
        final RestartPolicy policy;
        final ExecutorService worker;
        volatile State state = State.STARTING;
        Running running;
        Instant upSince;
        int restarts;
        String lastExit;
        Instant lastExitAt;
        volatile boolean ready;
        long generation;
        volatile ScheduledFuture<?> pendingRestart;

        Slot(Child child, RestartPolicy policy) {
            this.child = child;
            this.policy = policy;
            this.worker = Executors.newSingleThreadExecutor(daemon("supervise-" + child.name()));
        }
    }
}
