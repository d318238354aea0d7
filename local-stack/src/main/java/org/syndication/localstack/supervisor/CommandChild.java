package org.syndication.localstack.supervisor;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A child process started from a command line, its output appended to its log. Stopped with SIGTERM, or, for a
 * child that watches its standard input ({@code KafkaBrokerMain}, {@code SmtpSinkMain}), by closing that input: such
 * a child also stops by itself when the supervisor dies, even by {@code kill -9}.
 */
public final class CommandChild implements Child {

    /** How long a stopped child may take to exit before it is killed, unless its owner says otherwise. */
    public static final Duration DEFAULT_STOP_GRACE = Duration.ofSeconds(30);

    private final String name;
    private final Callable<ProcessBuilder> command;
    private final Path log;
    private final BooleanSupplier readiness;
    private final boolean stopsWhenInputCloses;
    private final Duration stopGrace;
    private Process process;

    /**
     * @param command              builds the command of one start (called before each start, so it can prepare
     *                             files or vary a setting between the first start and restarts)
     * @param stopsWhenInputCloses the child exits at end of file on its standard input
     */
    public CommandChild(String name, Callable<ProcessBuilder> command, Path log, BooleanSupplier readiness,
                        boolean stopsWhenInputCloses) {
        this(name, command, log, readiness, stopsWhenInputCloses, DEFAULT_STOP_GRACE);
    }

    /**
     * @param stopGrace how long the child may take to exit after it was asked to stop before it is killed
     */
    public CommandChild(String name, Callable<ProcessBuilder> command, Path log, BooleanSupplier readiness,
                        boolean stopsWhenInputCloses, Duration stopGrace) {
        this.name = name;
        this.command = command;
        this.log = log;
        this.readiness = readiness;
        this.stopsWhenInputCloses = stopsWhenInputCloses;
        this.stopGrace = stopGrace;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Path log() {
        return log;
    }

    @Override
    public Running start() throws IOException {
        ProcessBuilder builder;
        try {
            builder = command.call();
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException("cannot prepare " + name + ": " + e.getMessage(), e);
        }
        Files.createDirectories(log.toAbsolutePath().getParent());
        // a marker between runs, so the log shows where one run ended and the next began
        try (OutputStream out = Files.newOutputStream(log, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
            out.write(("---- " + name + " started by the supervisor at " + Instant.now() + " ----\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        process = builder.redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        return Running.of(process);
    }

    @Override
    public boolean ready() {
        Process current = process;
        return current != null && current.isAlive() && readiness.getAsBoolean();
    }

    @Override
    public void stop(Running running) {
        Process current = process;
        if (current == null || current.pid() != running.pid()) {
            running.handle().destroy();
            awaitExit(running.handle(), stopGrace);
            return;
        }
        if (stopsWhenInputCloses) {
            try {
                current.getOutputStream().close();
            } catch (IOException e) {
                current.destroy();
            }
        } else {
            current.destroy();
        }
        awaitExit(current.toHandle(), stopGrace);
    }

    private static void awaitExit(ProcessHandle handle, Duration grace) {
        try {
            handle.onExit().get(grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception notStopped) {
            handle.destroyForcibly();
            try {
                handle.onExit().get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }
}
