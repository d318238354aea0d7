package org.syndication.e2e.faults;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The quick part of the fault-injection suite, run by {@code ./mvnw verify}: {@code kill -9} of ingest while
 * documents are posted, of the catalog twice in a row, and of the feed service while it projects; then the feeds are
 * compared with a fault-free projection. The whole suite is {@link FaultSuiteIT} ({@code benchmarks/run faults}).
 */
class QuickFaultsIT {

    private static final Path ROOT = Path.of(System.getProperty("syndication.root", "..")).toAbsolutePath();

    @TempDir
    static Path dataDir;

    private static FaultHarness harness;
    private static FaultScenarios scenarios;
    private static final List<Invariants.Outcome> outcomes = new ArrayList<>();

    @BeforeAll
    static void start() {
        harness = new FaultHarness(ROOT, dataDir);
        scenarios = new FaultScenarios(harness, 30);
    }

    @AfterAll
    static void stop() {
        System.out.println(FaultSuiteIT.table(outcomes));
        if (harness != null) {
            harness.close();
        }
    }

    @Test
    void nothingAcceptedIsLostOrDuplicatedWhenServicesAreKilled() {
        outcomes.add(scenarios.ingestKilled(false));
        outcomes.add(scenarios.catalogKilledTwice(false));
        outcomes.add(scenarios.feedKilledDuringProjection(false));
        List<String> feeds = new ArrayList<>();
        scenarios.invariants().compareWithReference(feeds);

        for (Invariants.Outcome outcome : outcomes) {
            assertThat(outcome.violations()).as(outcome.scenario()).isEmpty();
            assertThat(outcome.accepted()).as(outcome.scenario()).isEqualTo(outcome.posted());
            assertThat(outcome.inCatalog()).as(outcome.scenario()).isEqualTo(outcome.accepted());
            assertThat(outcome.lost()).as(outcome.scenario()).isZero();
            assertThat(outcome.duplicates()).as(outcome.scenario()).isZero();
        }
        assertThat(feeds).as("feed documents against a fault-free projection").isEmpty();
    }
}
