package org.syndication.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The options {@link AotCache} gives are accepted by a real Java 25 JVM: the first run writes the cache when the
 * program ends normally, the second one maps it. Runs with the newest JDK under {@code /usr/lib/jvm} or
 * {@code JAVA_HOME}; a machine with Java 17 only has no cache to test (the supervisor gives it no options).
 */
class AotCacheIT {

    @TempDir
    Path application;

    @Test
    void theFirstRunRecordsTheCacheAndTheNextOneUsesIt() throws IOException, InterruptedException {
        Optional<Path> java = newestJava();
        assumeTrue(java.isPresent(), "no JDK 25 or newer on this machine: the services run without a cache");
        Path classes = traineeJar(); // the cache takes jars only, as quarkus-run.jar and its lib/ are
        AotCache cache = new AotCache(application, AotCache.FIRST_JAVA);

        List<String> first = cache.jvmOptions();
        assertThat(first).singleElement().asString().startsWith("-XX:AOTCacheOutput=");
        assertThat(run(java.get(), first, classes)).contains("trained");
        assertThat(cache.file()).isRegularFile();
        assertThat(Files.size(cache.file())).isPositive();

        List<String> second = cache.jvmOptions();
        assertThat(second).containsExactly("-XX:AOTCache=" + cache.file());
        String output = run(java.get(), List.of(second.get(0), "-Xlog:aot=info"), classes);
        assertThat(output).contains("trained").doesNotContainIgnoringCase("unable to use");
        assertThat(output).containsIgnoringCase("aot cache");
    }

    /** A short program: loads a few classes and ends normally, which is when the one-step cache is written. */
    public static final class Trainee {
        public static void main(String[] args) {
            List<String> words = new ArrayList<>(List.of("harbour", "ferry", "pier"));
            words.sort(Comparator.naturalOrder());
            System.out.println("trained " + String.join(",", words));
        }
    }

    private Path traineeJar() throws IOException {
        Path jar = application.resolve("trainee.jar");
        String entry = Trainee.class.getName().replace('.', '/') + ".class";
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
                InputStream in = Trainee.class.getClassLoader().getResourceAsStream(entry)) {
            out.putNextEntry(new JarEntry(entry));
            in.transferTo(out);
            out.closeEntry();
        }
        return jar;
    }

    private static String run(Path java, List<String> options, Path classes) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(options);
        command.addAll(List.of("-cp", classes.toString(), Trainee.class.getName()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }

    private static Optional<Path> newestJava() throws IOException {
        List<Path> homes = new ArrayList<>();
        Optional.ofNullable(System.getenv("JAVA_HOME")).map(Path::of).ifPresent(homes::add);
        Path jvms = Path.of("/usr/lib/jvm");
        if (Files.isDirectory(jvms)) {
            try (Stream<Path> children = Files.list(jvms)) {
                children.forEach(homes::add);
            }
        }
        return homes.stream().map(home -> home.resolve("bin/java")).filter(Files::isExecutable)
                .filter(java -> feature(java) >= AotCache.FIRST_JAVA)
                .max(Comparator.comparingInt(AotCacheIT::feature));
    }

    private static int feature(Path java) {
        try {
            Process process = new ProcessBuilder(java.toString(), "-XshowSettings:properties", "-version")
                    .redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            process.waitFor(60, TimeUnit.SECONDS);
            return output.lines().filter(line -> line.contains("java.specification.version"))
                    .map(line -> line.substring(line.indexOf('=') + 1).strip())
                    .map(version -> Integer.parseInt(version.split("\\.")[0])).findFirst().orElse(0);
        } catch (IOException | RuntimeException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }
}
