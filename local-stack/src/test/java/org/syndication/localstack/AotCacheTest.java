package org.syndication.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;

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
        recorded(new AotCache(application, 26));

        assertThat(new AotCache(application, 26).jvmOptions())
                .containsExactly("-XX:AOTCache=" + application.resolve("service.aot"));
    }

    @Test
    void aCacheIsUsedWithTheOptionsItWasRecordedWith() throws IOException {
        recorded(new AotCache(application, 25, List.of("-Xmx128m", "-XX:+UseSerialGC")));

        assertThat(new AotCache(application, 25, List.of("-Xmx128m", "-XX:+UseSerialGC")).jvmOptions())
                .containsExactly("-XX:AOTCache=" + application.resolve("service.aot"));
    }

    @Test
    void otherOptionsMakeTheCacheStaleAndItIsRecordedAgain() throws IOException {
        Path cache = recorded(new AotCache(application, 25, List.of("-Xmx192m", "-XX:+UseSerialGC")));
        AotCache withASmallerHeap = new AotCache(application, 25, List.of("-Xmx128m", "-XX:+UseSerialGC"));

        assertThat(withASmallerHeap.isFresh()).isFalse();
        assertThat(withASmallerHeap.jvmOptions()).containsExactly("-XX:AOTCacheOutput=" + cache);
        assertThat(cache).doesNotExist();
        Files.writeString(cache, "cache recorded again"); // as the JVM writes it when the service stops
        assertThat(withASmallerHeap.jvmOptions()).containsExactly("-XX:AOTCache=" + cache);
    }

    @Test
    void aCacheWithoutItsOptionsIsRecordedAgain() throws IOException {
        // as one recorded before the options were kept next to it
        Path cache = Files.writeString(application.resolve("service.aot"), "cache");

        assertThat(new AotCache(application, 25).jvmOptions()).containsExactly("-XX:AOTCacheOutput=" + cache);
    }

    @Test
    void aRebuiltLibraryMakesTheCacheStaleAndItIsRecordedAgain() throws IOException {
        Path cache = recorded(new AotCache(application, 25));
        age(cache, 60);
        Files.writeString(application.resolve("lib/main/kafka-clients.jar"), "newer lib");

        assertThat(new AotCache(application, 25).jvmOptions()).containsExactly("-XX:AOTCacheOutput=" + cache);
        assertThat(cache).doesNotExist();
    }

    /** Records a cache as a service does: the options say record, the JVM writes the file when it stops. */
    private static Path recorded(AotCache cache) throws IOException {
        assertThat(cache.jvmOptions()).singleElement().asString().startsWith("-XX:AOTCacheOutput=");
        return Files.writeString(cache.file(), "cache");
    }

    private static void age(Path file, long seconds) throws IOException {
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minusSeconds(seconds)));
    }
}
