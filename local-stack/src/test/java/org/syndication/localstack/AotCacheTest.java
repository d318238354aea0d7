package org.syndication.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When a service starts from its ahead-of-time cache, records a new one, or runs without. */
class AotCacheTest {

    @TempDir
    Path application;

    private Path jar;

    @BeforeEach
    void anApplication() throws IOException {
        jar = Files.writeString(application.resolve("quarkus-run.jar"), "jar");
        Files.createDirectories(application.resolve("lib/main"));
        Files.writeString(application.resolve("lib/main/kafka-clients.jar"), "lib");
        age(jar, 3600);
        age(application.resolve("lib/main/kafka-clients.jar"), 3600);
    }

    @Test
    void beforeJava25ThereIsNoCache() {
        assertThat(new AotCache(application, 17).jvmOptions()).isEmpty();
        assertThat(new AotCache(application, 21).jvmOptions()).isEmpty();
    }

    @Test
    void withoutACacheTheFirstStartRecordsOne() {
        AotCache cache = new AotCache(application, 25);

        assertThat(cache.jvmOptions()).containsExactly("-XX:AOTCacheOutput=" + application.resolve("service.aot"));
    }

    @Test
    void aCacheNewerThanEveryFileOfTheApplicationIsUsed() throws IOException {
        Files.writeString(application.resolve("service.aot"), "cache");

        assertThat(new AotCache(application, 26).jvmOptions())
                .containsExactly("-XX:AOTCache=" + application.resolve("service.aot"));
    }

    @Test
    void aRebuiltLibraryMakesTheCacheStaleAndItIsRecordedAgain() throws IOException {
        Path cache = Files.writeString(application.resolve("service.aot"), "cache");
        age(cache, 60);
        Files.writeString(application.resolve("lib/main/kafka-clients.jar"), "newer lib");

        assertThat(new AotCache(application, 25).jvmOptions()).containsExactly("-XX:AOTCacheOutput=" + cache);
        assertThat(cache).doesNotExist();
    }

    private static void age(Path file, long seconds) throws IOException {
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minusSeconds(seconds)));
    }
}
