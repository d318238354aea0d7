package org.syndication.deploy;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Renders a Kustomize directory with {@code kubectl kustomize}, the same command an operator applies with {@code -k}. */
final class Kustomize {

    private static final long TIMEOUT_SECONDS = 60;

    private Kustomize() {
    }

    /** The rendered multi-document YAML of {@code dir}; fails with kubectl's own message when it cannot render. */
    static String render(Path dir) {
        Path kubectl = kubectl();
        try {
            Path stderr = Files.createTempFile("kustomize", ".err");
            try {
                Process process = new ProcessBuilder(kubectl.toString(), "kustomize", dir.toString())
                        .redirectError(stderr.toFile())
                        .start();
                process.getOutputStream().close();
                String yaml = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new IllegalStateException("kubectl kustomize " + dir + " did not finish in " + TIMEOUT_SECONDS + " s");
                }
                if (process.exitValue() != 0) {
                    throw new IllegalStateException("kubectl kustomize " + dir + " failed (exit " + process.exitValue() + "):\n"
                            + Files.readString(stderr));
                }
                return yaml;
            } finally {
                Files.deleteIfExists(stderr);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + kubectl, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while rendering " + dir, e);
        }
    }

    /** $KUBECTL, /usr/bin/kubectl or the first kubectl on the PATH. */
    static Path kubectl() {
        List<Path> candidates = new ArrayList<>();
        String configured = System.getenv("KUBECTL");
        if (configured != null && !configured.isBlank()) {
            candidates.add(Path.of(configured));
        }
        candidates.add(Path.of("/usr/bin/kubectl"));
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(File.pathSeparator)) {
                if (!dir.isBlank()) {
                    candidates.add(Path.of(dir, "kubectl"));
                }
            }
        }
        return candidates.stream()
                .filter(Files::isExecutable)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(
                        "kubectl not found (looked at $KUBECTL, /usr/bin/kubectl and the PATH). The deploy tests render "
                                + "every overlay with `kubectl kustomize`: install kubectl 1.27 or newer, or set KUBECTL."));
    }
}
