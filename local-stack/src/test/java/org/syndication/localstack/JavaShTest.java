package org.syndication.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * The services' default JVM options of {@code bin/java.sh} ({@code ./syndicate} and {@code benchmarks/run} take them
 * from there) for each Java: the Java 25 options only on Java 25 or newer, and each set accepted by a real JVM of its
 * release, since a JVM refuses to start on an option it does not know; and a service's own options
 * ({@code export_service_java_opts}).
 */
class JavaShTest {

    private static final Path SCRIPT = Path.of("bin/java.sh").toAbsolutePath();

    @Test
    void java17GetsTheCommonOptionsOnly() throws Exception {
        List<String> options = defaults(17);
        assertThat(options).contains("-Xmx128m", "-Djdk.nio.maxCachedBufferSize=262144")
                .noneMatch(option -> option.contains("UseCompactObjectHeaders") || option.contains("TrimNativeHeap"))
                .as("the collector is each service's own").noneMatch(JavaShTest::choosesACollector);
        assertThat(defaults(21)).isEqualTo(options);
    }

    @Test
    void java25AndNewerAddCompactHeadersAndNativeHeapTrimming() throws Exception {
        List<String> options = defaults(25);
        assertThat(options).containsAll(defaults(17))
                .contains("-XX:+UseCompactObjectHeaders", "-XX:TrimNativeHeapInterval=10000");
        assertThat(defaults(26)).isEqualTo(options);
    }

    @Test
    void ingestAndTheCatalogRunACollectorThatGivesMemoryBackAndTheFeedTheSerialOne() throws Exception {
        for (String service : List.of("ingest-service", "catalog-service")) {
            assertThat(ownOptions(service)).as(service)
                    .contains("-XX:+UseG1GC", "-XX:G1PeriodicGCInterval=10000", "-XX:MaxHeapFreeRatio=30");
        }
        assertThat(ownOptions("feed-service")).containsExactly("-XX:+UseSerialGC");
        for (String service : ProductProcesses.SERVICES) {
            assertThat(ownOptions(service)).as(service + " names one collector").filteredOn(JavaShTest::choosesACollector)
                    .hasSize(1);
        }
    }

    @Test
    void theCatalogRunsOnC1OnlyUnlessItsOwnOptionsAreSet() throws Exception {
        assertThat(ownOptions("catalog-service")).contains("-XX:TieredStopAtLevel=1");
        assertThat(bash("source \"$1\"; export SERVICE_JAVA_OPTS_CATALOG_SERVICE=; export_service_java_opts;"
                + " echo \"[$SERVICE_JAVA_OPTS_CATALOG_SERVICE]\"", SCRIPT.toString()).trim())
                .as("set empty by hand: no options of its own").isEqualTo("[]");
    }

    @Test
    void eachJvmOnThisMachineStartsWithItsOptions() throws Exception {
        List<Path> javas = new ArrayList<>();
        javas.add(Path.of(System.getProperty("java.home"), "bin", "java"));
        Path jvms = Path.of("/usr/lib/jvm");
        if (Files.isDirectory(jvms)) {
            try (var stream = Files.list(jvms)) {
                stream.map(home -> home.resolve("bin/java")).filter(Files::isExecutable).forEach(javas::add);
            }
        }
        for (Path java : javas) {
            int feature = Integer.parseInt(bash("source \"$1\"; java_feature \"$2\"", SCRIPT.toString(), java.toString())
                    .trim());
            for (String service : ProductProcesses.SERVICES) {
                List<String> command = new ArrayList<>(List.of(java.toString()));
                command.addAll(defaults(feature));
                command.addAll(ownOptions(service));
                command.add("-version");
                Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
                String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
                assertThat(process.exitValue()).as(java + " with " + command + ":\n" + output).isZero();
            }
        }
    }

    /** {@code -XX:+UseSerialGC}, {@code -XX:+UseG1GC}...: a JVM refuses to start with two. */
    private static boolean choosesACollector(String option) {
        return option.matches("-XX:\\+Use\\w+GC");
    }

    /** A service's own options as {@code export_service_java_opts} sets them by default. */
    private static List<String> ownOptions(String service) throws IOException, InterruptedException {
        String variable = ServiceJavaOptions.variable(service);
        String value = bash("source \"$1\"; unset " + variable + "; export_service_java_opts; echo \"${" + variable
                + "}\"", SCRIPT.toString()).trim();
        return value.isEmpty() ? List.of() : List.of(value.split("\\s+"));
    }

    private static List<String> defaults(int feature) throws IOException, InterruptedException {
        return List.of(bash("source \"$1\"; service_java_opts_default \"$2\"", SCRIPT.toString(),
                String.valueOf(feature)).trim().split("\\s+"));
    }

    private static String bash(String script, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", "-c", script, "java.sh-test"));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }
}
