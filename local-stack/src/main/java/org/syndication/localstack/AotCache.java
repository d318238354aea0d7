package org.syndication.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;

/**
 * The ahead-of-time cache of a service's JVM (JEP 483 and 514, Java 25): the classes the service loads and links
 * while it starts, stored once and mapped at every later start, which takes a good part of the start-up off the
 * critical path.
 *
 * <p>The cache is made in one step (JEP 514's {@code -XX:AOTCacheOutput}): the first start of a service whose cache
 * is missing or older than its application records what it loads and writes the cache when the service stops
 * normally ({@code ./syndicate down} or a restart by hand; a {@code kill -9} writes nothing and the next start records
 * again). Later starts use it ({@code -XX:AOTCache}); a cache the JVM finds unusable is ignored with a warning, never
 * an error ({@code -XX:AOTMode=auto}, the default). Before Java 25 there is no cache and nothing changes.
 *
 * <p>The JVM links ahead of time only the classes of its own class loaders, so the services are packaged as Quarkus'
 * {@code aot-jar} (the root {@code pom.xml}): every class on the application class path. With the default
 * {@code fast-jar}, which loads the application through Quarkus' own class loader, the cache held those classes but
 * not linked, and their lambdas were spun again at every start.
 *
 * <p>A cache also belongs to the JVM options it was recorded with: the JVM refuses a cache recorded with other
 * object-layout settings (compact object headers, compressed pointers), and would then start without one every time,
 * silently slow; with another collector or heap size it may leave parts of it (the archived heap objects) unused. So
 * the options are kept next to the cache ({@code service.aot.options}) and a change of them makes the cache stale like
 * a rebuild does.
 */
public final class AotCache {

    /** The first Java with one-step cache creation (JEP 514). */
    public static final int FIRST_JAVA = 25;

    private static final String FILE_NAME = "service.aot";
    private static final String OPTIONS_FILE_NAME = FILE_NAME + ".options";

    private final Path application;
    private final int javaFeature;
    private final String serviceOptions;

    /**
     * @param application the service's {@code target/quarkus-app} folder
     * @param javaFeature the feature release of the JVM that runs the service ({@code Runtime.version().feature()})
     */
    public AotCache(Path application, int javaFeature) {
        this(application, javaFeature, List.of());
    }

    /**
     * @param serviceOptions the service's other JVM options ({@code -Xmx128m ...}): a cache recorded with others is stale
     */
    public AotCache(Path application, int javaFeature, List<String> serviceOptions) {
        this.application = application;
        this.javaFeature = javaFeature;
        this.serviceOptions = String.join("\n", serviceOptions) + "\n";
    }

    /** Where the cache lives: inside the application folder, so a rebuild ({@code mvn clean}) removes it too. */
    public Path file() {
        return application.resolve(FILE_NAME);
    }

    /** The JVM options for the next start: use a fresh cache, else record one; none before Java 25. */
    public List<String> jvmOptions() {
        if (javaFeature < FIRST_JAVA) {
            return List.of();
        }
        Path cache = file();
        if (isFresh()) {
            return List.of("-XX:AOTCache=" + cache);
        }
        try {
            Files.deleteIfExists(cache); // stale: made for an older build of the service or with other options
            Files.writeString(optionsFile(), serviceOptions);
        } catch (IOException e) {
            return List.of(); // cannot replace it: start without a cache rather than not at all
        }
        return List.of("-XX:AOTCacheOutput=" + cache);
    }

    /**
     * Whether a cache exists, was recorded with the same JVM options, and no file of the application (jars, generated
     * classes) is newer than it.
     */
    public boolean isFresh() {
        Path cache = file();
        if (!Files.isRegularFile(cache) || !recordedWithTheseOptions()) {
            return false;
        }
        try (Stream<Path> files = Files.walk(application)) {
            FileTime made = Files.getLastModifiedTime(cache);
            return files.filter(Files::isRegularFile)
                    .filter(path -> !path.getFileName().toString().startsWith(FILE_NAME))
                    .noneMatch(path -> lastModified(path).compareTo(made) > 0);
        } catch (IOException | UncheckedIOException e) {
            return false;
        }
    }

    private Path optionsFile() {
        return application.resolve(OPTIONS_FILE_NAME);
    }

    private boolean recordedWithTheseOptions() {
        try {
            return Files.isRegularFile(optionsFile()) && Files.readString(optionsFile()).equals(serviceOptions);
        } catch (IOException e) {
            return false;
        }
    }

    private static FileTime lastModified(Path path) {
        try {
            return Files.getLastModifiedTime(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
