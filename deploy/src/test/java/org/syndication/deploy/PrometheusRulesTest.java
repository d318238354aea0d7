package org.syndication.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The alerting rules of the rendered PrometheusRule pass {@code promtool check rules} and the unit tests in
 * src/test/promtool/alerts-test.yaml ({@code promtool test rules}); each alert has its runbook in deploy/README.md.
 */
class PrometheusRulesTest {

    private static final List<String> ALERTS = List.of("KafkaConsumerLagGrowing", "OutboxRowsNotPublished",
            "DeadLetterRecords", "DigestMailsFailing", "SourceFailingForAnHour", "ServiceNotReady");

    @ParameterizedTest
    @MethodSource(Manifests.OVERLAYS)
    void rulesPassPromtoolAndTheirUnitTests(String overlay, @TempDir Path dir) throws IOException {
        Optional<Path> promtool = Promtool.find();
        assumeTrue(promtool.isPresent(), () -> "promtool is missing and could not be installed, so the alerting rules "
                + "were not run through it: " + Promtool.whyMissing());

        ObjectNode rules = JsonNodeFactory.instance.objectNode();
        rules.set("groups", rule(overlay).at("/spec/groups"));
        new YAMLMapper().writeValue(dir.resolve("rules.yaml").toFile(), rules);
        Files.copy(Manifests.moduleDir().resolve("src/test/promtool/alerts-test.yaml"), dir.resolve("alerts-test.yaml"));

        Promtool.Result check = Promtool.run(promtool.get(), dir, "check", "rules", "rules.yaml");
        assertThat(check.exit()).as(check.output()).isZero();
        assertThat(check.output()).contains("SUCCESS: " + ALERTS.size() + " rules found");
        Promtool.Result test = Promtool.run(promtool.get(), dir, "test", "rules", "alerts-test.yaml");
        assertThat(test.exit()).as(test.output()).isZero();
        assertThat(test.output()).contains("SUCCESS");
    }

    @Test
    void theUnitTestsCoverEveryAlertFiringAndStayingQuiet() throws IOException {
        JsonNode tests = new YAMLMapper().readTree(Manifests.moduleDir().resolve("src/test/promtool/alerts-test.yaml").toFile());
        List<String> firing = new ArrayList<>();
        List<String> quiet = new ArrayList<>();
        tests.path("tests").forEach(t -> t.path("alert_rule_test").forEach(a ->
                (a.path("exp_alerts").isEmpty() ? quiet : firing).add(a.path("alertname").asText())));
        assertThat(firing).containsAll(ALERTS);
        assertThat(quiet).containsAll(ALERTS);
    }

    @Test
    void everyAlertHasARunbookParagraph() throws IOException {
        String readme = Files.readString(Manifests.moduleDir().resolve("README.md"));
        List<String> names = new ArrayList<>();
        rule("production").at("/spec/groups").forEach(g -> g.path("rules").forEach(r -> {
            String alert = r.path("alert").asText();
            names.add(alert);
            assertThat(r.at("/annotations/runbook").asText()).isEqualTo("deploy/README.md#" + alert.toLowerCase(Locale.ROOT));
            assertThat(r.at("/labels/severity").asText()).isIn("warning", "critical");
            assertThat(readme).as("runbook of " + alert).containsPattern("(?m)^#### " + alert + "\\n\\n\\S");
        }));
        assertThat(names).containsExactlyElementsOf(ALERTS);
    }

    private static Resource rule(String overlay) {
        return WorkloadRules.find(Manifests.overlay(overlay), "PrometheusRule", "syndication-alerts").orElseThrow();
    }
}
