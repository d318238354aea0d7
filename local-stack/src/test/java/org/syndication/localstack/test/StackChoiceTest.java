package org.syndication.localstack.test;

import org.junit.jupiter.api.Test;
import org.syndication.localstack.test.StackChoice.Stack;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StackChoiceTest {

    private final AtomicInteger asked = new AtomicInteger();

    private BooleanSupplier daemon(boolean answers) {
        return () -> {
            asked.incrementAndGet();
            return answers;
        };
    }

    @Test
    void automaticChoiceFollowsTheDaemon() {
        assertThat(StackChoice.choose(null, daemon(true))).isEqualTo(Stack.CONTAINERS);
        assertThat(StackChoice.choose(null, daemon(false))).isEqualTo(Stack.LOCAL);
        assertThat(StackChoice.choose("auto", daemon(true))).isEqualTo(Stack.CONTAINERS);
        assertThat(StackChoice.choose(" ", daemon(false))).isEqualTo(Stack.LOCAL);
        assertThat(asked).hasValue(4);
    }

    @Test
    void forcedLocalNeverAsksTheDaemon() {
        assertThat(StackChoice.choose("local", daemon(true))).isEqualTo(Stack.LOCAL);
        assertThat(StackChoice.choose("LOCAL", daemon(false))).isEqualTo(Stack.LOCAL);
        assertThat(asked).hasValue(0);
    }

    @Test
    void forcedContainersNeedADaemon() {
        assertThat(StackChoice.choose("containers", daemon(true))).isEqualTo(Stack.CONTAINERS);
        assertThatThrownBy(() -> StackChoice.choose("containers", daemon(false)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("-Dstack=containers was given, but no Docker daemon answers")
                .hasMessageContaining("-Dstack=local");
    }

    @Test
    void anUnknownValueIsRefused() {
        assertThatThrownBy(() -> StackChoice.choose("docker", daemon(true)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-Dstack=docker is not one of containers, local, auto");
    }

    @Test
    void noEndpointMeansNoDaemonWithoutAskingTestcontainers() {
        Path home = Path.of("/home/someone");
        assertThat(DockerDaemon.endpoint(Map.of(), home, p -> false)).isEmpty();
        assertThat(DockerDaemon.endpoint(Map.of("DOCKER_HOST", "tcp://build-host:2375"), home, p -> false))
                .contains("DOCKER_HOST=tcp://build-host:2375");
        assertThat(DockerDaemon.endpoint(Map.of(), home, Set.of(Path.of("/var/run/docker.sock"))::contains))
                .contains("/var/run/docker.sock");
        assertThat(DockerDaemon.endpoint(Map.of("XDG_RUNTIME_DIR", "/run/user/1000"), home,
                Set.of(Path.of("/run/user/1000/docker.sock"))::contains)).contains("/run/user/1000/docker.sock");
        assertThat(DockerDaemon.endpoint(Map.of(), home, Set.of(home.resolve(".docker/run/docker.sock"))::contains))
                .isEqualTo(Optional.of("/home/someone/.docker/run/docker.sock"));
    }

    @Test
    void withoutDockerHereTheAnswerIsQuick() {
        // this machine has no Docker: the probe must say so fast (the automatic choice falls back to local-stack)
        long started = System.nanoTime();
        boolean answers = DockerDaemon.answers();
        long millis = (System.nanoTime() - started) / 1_000_000;
        if (DockerDaemon.endpoint(System.getenv(), Path.of(System.getProperty("user.home")), java.nio.file.Files::exists)
                .isEmpty()) {
            assertThat(answers).isFalse();
            assertThat(millis).isLessThan(500);
        }
    }
}
