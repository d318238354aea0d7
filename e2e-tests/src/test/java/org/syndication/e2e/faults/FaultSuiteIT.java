package org.syndication.e2e.faults;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole fault-injection suite ({@code benchmarks/run faults}, or {@code -Pfaults}; left out of a plain
 * {@code ./mvnw verify}, which runs {@link QuickFaultsIT}): every scenario of issue 14 against one product, each
 * followed by every invariant including the comparison with a fault-free projection. Prints the table and writes it
 * to {@code e2e-tests/target/faults.txt}.
 */
class FaultSuiteIT {

    private static final Path ROOT = Path.of(System.getProperty("syndication.root", "..")).toAbsolutePath();
    private static final int DOCUMENTS = Integer.getInteger("faults.documents", 150);
    /** {@code each}: a fault-free reference projection after every scenario; {@code end}: once, after the last. */
    private static final boolean COMPARE_EACH = !"end".equals(System.getProperty("faults.compare", "each"));
    /** Comma-separated scenario names to run (ingest, catalog, feed, digest, kafka-kill, kafka-stop, postgres); all when empty. */
    private static final String ONLY = System.getProperty("faults.only", "");

    @TempDir
    static Path dataDir;

    private static FaultHarness harness;
    private static FaultScenarios scenarios;
    private static final List<Invariants.Outcome> outcomes = new ArrayList<>();
    private static final List<RuntimeException> failures = new ArrayList<>();

    @BeforeAll
    static void start() {
        harness = new FaultHarness(ROOT, dataDir);
        scenarios = new FaultScenarios(harness, DOCUMENTS);
    }

    @AfterAll
    static void stop() {
        String table = table(outcomes);
        System.out.println(table);
        try {
            Path out = ROOT.resolve("e2e-tests/target/faults.txt");
            Files.createDirectories(out.getParent());
            Files.writeString(out, table);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (harness != null) {
                harness.close();
            }
        }
    }

    @Test
    void nothingAcceptedIsLostOrDuplicatedUnderAnyFault() {
        Map<String, Supplier<Invariants.Outcome>> suite = new LinkedHashMap<>();
        suite.put("ingest", () -> scenarios.ingestKilled(COMPARE_EACH));
        suite.put("catalog", () -> scenarios.catalogKilledTwice(COMPARE_EACH));
        suite.put("feed", () -> scenarios.feedKilledDuringProjection(COMPARE_EACH));
        suite.put("digest", () -> scenarios.feedKilledDuringDigest(COMPARE_EACH, 1000));
        suite.put("kafka-kill", () -> scenarios.kafkaKilled(COMPARE_EACH));
        suite.put("kafka-stop", () -> scenarios.kafkaStopped(COMPARE_EACH, Duration.ofSeconds(30)));
        suite.put("postgres", () -> scenarios.postgresKilled(COMPARE_EACH));
        List<String> only = ONLY.isBlank() ? List.copyOf(suite.keySet()) : List.of(ONLY.split(","));
        assertThat(suite.keySet()).as("scenarios named in faults.only").containsAll(only);
        for (String name : only) {
            try {
                outcomes.add(suite.get(name).get());
            } catch (RuntimeException e) {
                // a scenario that could not run is a failure too, but the others still run and show in the table;
                // said at once (a whole run takes long), and a service it left stopped is started for the next one
                System.out.println("scenario " + name + " could not run: " + e);
                e.printStackTrace(System.out);
                failures.add(e);
                harness.startStoppedServices();
            }
        }
        List<String> feeds = new ArrayList<>();
        if (!COMPARE_EACH) {
            scenarios.invariants().compareWithReference(feeds);
        }
        assertThat(failures).as("scenarios that could not run").isEmpty();
        assertThat(feeds).as("feed documents against a fault-free projection").isEmpty();
        // every scenario runs before the first failure is reported: the table shows them all
        for (Invariants.Outcome outcome : outcomes) {
            assertThat(outcome.violations()).as(outcome.scenario()).isEmpty();
            assertThat(outcome.accepted()).as(outcome.scenario()).isEqualTo(outcome.posted());
            assertThat(outcome.lost() + outcome.duplicates()).as(outcome.scenario()).isZero();
        }
    }

    /** The suite's table, then each scenario's client figures and violations. */
    static String table(List<Invariants.Outcome> outcomes) {
        StringBuilder text = new StringBuilder("\nFault-injection suite\n").append(Invariants.Outcome.header()).append('\n');
        outcomes.forEach(o -> text.append(o.row()).append('\n'));
        text.append('\n');
        for (Invariants.Outcome o : outcomes) {
            text.append(o.scenario()).append(": client ").append(o.client()).append('\n');
            o.violations().stream().limit(20).forEach(v -> text.append("  VIOLATION ").append(v).append('\n'));
            if (o.violations().size() > 20) {
                text.append("  ... ").append(o.violations().size() - 20).append(" more\n");
            }
        }
        failures.forEach(e -> text.append("SCENARIO FAILED: ").append(e).append('\n'));
        FaultScenarios.DIGEST_SUMMARY.forEach((k, v) -> text.append("digest ").append(k).append(": ").append(v).append('\n'));
        return text.toString();
    }
}
