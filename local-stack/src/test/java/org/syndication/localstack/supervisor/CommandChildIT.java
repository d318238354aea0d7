package org.syndication.localstack.supervisor;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Stopping a child waits for it as long as its owner allows: a service writing its ahead-of-time cache as it exits
 * must not be killed half-way, while one that ignores the stop is killed once the grace has passed.
 */
class CommandChildIT {

    @TempDir
    Path logs;

    private CommandChild shell(String name, String script, Duration grace) {
        return new CommandChild(name, () -> new ProcessBuilder("sh", "-c", script), logs.resolve(name + ".log"),
                () -> true, false, grace);
    }

    @Test
    void aChildThatTakesItsTimeToExitIsLeftToFinishWithinTheGrace() throws Exception {
        // like a JVM writing a cache at exit: SIGTERM starts two seconds of work, then a clean exit
        CommandChild child = shell("slow-exit",
                "trap 'sleep 2; echo finished cleanly; exit 0' TERM; echo up; while true; do sleep 0.1; done",
                Duration.ofSeconds(20));
        Running running = child.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.readString(logs.resolve("slow-exit.log")).contains("up"));

        child.stop(running);

        assertThat(running.handle().isAlive()).isFalse();
        assertThat(Files.readString(logs.resolve("slow-exit.log"))).contains("finished cleanly");
    }

    @Test
    void aChildThatIgnoresTheStopIsKilledWhenTheGraceHasPassed() throws Exception {
        CommandChild child = shell("stubborn", "trap '' TERM; echo up; while true; do sleep 0.1; done",
                Duration.ofSeconds(1));
        Running running = child.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.readString(logs.resolve("stubborn.log")).contains("up"));
        long before = System.nanoTime();

        child.stop(running);

        assertThat(running.handle().isAlive()).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - before)).isLessThan(Duration.ofSeconds(15));
    }
}
