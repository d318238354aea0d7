package org.syndication.localstack.test;

import org.jboss.logging.Logger;
import org.testcontainers.DockerClientFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Whether a Docker daemon answers. Testcontainers' own search tries several strategies and logs an error for each
 * when there is none, so the usual places are looked at first: when none of them exists (no {@code DOCKER_HOST},
 * no socket file, no {@code docker.host} in {@code ~/.testcontainers.properties}) the answer is "no" at once,
 * without loading Testcontainers. Otherwise Testcontainers decides (it pings the daemon).
 */
final class DockerDaemon {

    /** Where a daemon is looked for, for messages. */
    static final String WHERE = "DOCKER_HOST, /var/run/docker.sock, ~/.docker, $XDG_RUNTIME_DIR, "
            + "~/.testcontainers.properties";

    private static final Logger LOG = Logger.getLogger(DockerDaemon.class);

    private DockerDaemon() {
    }

    /** True when a daemon answers a ping. */
    static boolean answers() {
        Optional<String> hint = endpoint(System.getenv(), Path.of(System.getProperty("user.home")), Files::exists);
        if (hint.isEmpty()) {
            return false;
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            LOG.debugf("Docker found at %s does not answer: %s", hint.get(), e.toString());
            return false;
        }
    }

    /**
     * The first configured daemon endpoint or existing socket, if any. A hint only: the daemon behind it may be down.
     */
    static Optional<String> endpoint(Map<String, String> env, Path home, Predicate<Path> exists) {
        for (String variable : List.of("DOCKER_HOST", "TESTCONTAINERS_DOCKER_SOCKET_OVERRIDE")) {
            String value = env.get(variable);
            if (value != null && !value.isBlank()) {
                return Optional.of(variable + "=" + value);
            }
        }
        List<Path> candidates = new ArrayList<>(List.of(
                Path.of("/var/run/docker.sock"),
                home.resolve(".docker/run/docker.sock"),
                home.resolve(".docker/desktop/docker.sock"),
                home.resolve(".colima/default/docker.sock"),
                home.resolve(".rd/docker.sock"),
                home.resolve(".testcontainers.properties")));
        String runtimeDir = env.get("XDG_RUNTIME_DIR");
        if (runtimeDir != null && !runtimeDir.isBlank()) {
            candidates.add(Path.of(runtimeDir, "docker.sock"));
            candidates.add(Path.of(runtimeDir, "podman/podman.sock"));
        }
        return candidates.stream().filter(exists).findFirst().map(Path::toString);
    }
}
