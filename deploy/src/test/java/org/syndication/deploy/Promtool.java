package org.syndication.deploy;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Prometheus' own rule checker, {@code promtool}: $PROMTOOL, or on the PATH, or installed from Debian's
 * {@code prometheus} package with apt-get when missing (the test setup; CI and the development machines run as root
 * with Debian's package lists reachable).
 */
final class Promtool {

    private static final long TIMEOUT_SECONDS = 300;
    private static volatile Optional<Path> found;
    private static volatile String whyMissing = "";

    private Promtool() {
    }

    /** The promtool binary, installing it once if needed; empty (see {@link #whyMissing()}) when impossible. */
    static synchronized Optional<Path> find() {
        if (found == null) {
            Optional<Path> present = lookUp();
            if (present.isEmpty()) {
                install();
                present = lookUp();
            }
            found = present;
        }
        return found;
    }

    /** Why promtool could not be had: the installer's last lines. */
    static String whyMissing() {
        return whyMissing;
    }

    /** Runs promtool in {@code dir}; the result holds the exit code and the combined output. */
    static Result run(Path promtool, Path dir, String... args) {
        List<String> command = new ArrayList<>();
        command.add(promtool.toString());
        command.addAll(List.of(args));
        Outcome outcome = exec(command, dir, 60);
        return new Result(outcome.exit(), outcome.output());
    }

    record Result(int exit, String output) {
    }

    private static Optional<Path> lookUp() {
        List<Path> candidates = new ArrayList<>();
        String configured = System.getenv("PROMTOOL");
        if (configured != null && !configured.isBlank()) {
            candidates.add(Path.of(configured));
        }
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(File.pathSeparator)) {
                if (!dir.isBlank()) {
                    candidates.add(Path.of(dir, "promtool"));
                }
            }
        }
        candidates.add(Path.of("/usr/bin/promtool"));
        return candidates.stream().filter(Files::isExecutable).findFirst();
    }

    private static void install() {
        if (lookUpApt().isEmpty()) {
            whyMissing = "apt-get is not available to install Debian's prometheus package";
            return;
        }
        // the package lists may be missing or stale on a fresh machine: update once, then install
        Outcome update = exec(List.of("apt-get", "update", "-q"), null, TIMEOUT_SECONDS);
        Outcome install = exec(List.of("apt-get", "install", "-y", "-q", "--no-install-recommends", "prometheus"),
                null, TIMEOUT_SECONDS);
        if (install.exit() != 0) {
            whyMissing = "apt-get install prometheus failed (exit " + install.exit() + "): "
                    + tail(update.output() + install.output());
        }
    }

    private static Optional<Path> lookUpApt() {
        Path apt = Path.of("/usr/bin/apt-get");
        return Files.isExecutable(apt) ? Optional.of(apt) : Optional.empty();
    }

    private record Outcome(int exit, String output) {
    }

    private static Outcome exec(List<String> command, Path dir, long timeoutSeconds) {
        try {
            Path log = Files.createTempFile("promtool", ".log");
            try {
                ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                        .redirectOutput(log.toFile());
                builder.environment().put("DEBIAN_FRONTEND", "noninteractive");
                if (dir != null) {
                    builder.directory(dir.toFile());
                }
                Process process = builder.start();
                process.getOutputStream().close();
                if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    return new Outcome(-1, String.join(" ", command) + " did not finish in " + timeoutSeconds + " s");
                }
                return new Outcome(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(log);
            }
        } catch (IOException e) {
            return new Outcome(-1, "cannot run " + command.get(0) + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command, e);
        }
    }

    private static String tail(String output) {
        List<String> lines = output.lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
    }
}
