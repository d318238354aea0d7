package org.syndication.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Monitoring (deploy/base/monitoring): every service is scraped on the port that serves /q/metrics and may be,
 * through the network policies; the dashboard has its rows; and every metric the alerts and the dashboard read is
 * one the services export, so a renamed meter fails here and not silently in Grafana.
 */
class MonitoringTest {

    /** Series that come from Prometheus itself, kube-state-metrics and Quarkus' HTTP binder, not from our meters. */
    private static final Set<String> FROM_ELSEWHERE = Set.of("up", "kube_deployment_status_replicas_ready",
            "kube_deployment_spec_replicas", "http_server_requests_seconds_count");
    private static final Pattern PROMQL_NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Set<String> PROMQL_WORDS = Set.of("and", "or", "unless", "by", "without", "on", "ignoring",
            "group_left", "group_right", "offset", "bool");
    private static final Pattern METER_NAME = Pattern.compile("\"([a-z]+(?:\\.[a-z]+)+)\"");

    @ParameterizedTest
    @MethodSource(Manifests.OVERLAYS)
    void everyServiceIsScrapedOnThePortThatServesMetrics(String overlay) {
        List<Resource> resources = Manifests.overlay(overlay);
        for (ServiceModule service : ServiceModule.all()) {
            Resource monitor = WorkloadRules.find(resources, "PodMonitor", service.name()).orElseThrow(
                    () -> new AssertionError("no PodMonitor " + service.name() + " in " + overlay));
            assertThat(monitor.at("/spec/selector/matchLabels/app.kubernetes.io~1name").asText()).isEqualTo(service.name());
            JsonNode endpoint = monitor.at("/spec/podMetricsEndpoints/0");
            assertThat(endpoint.path("path").asText()).isEqualTo("/q/metrics");
            Resource deployment = WorkloadRules.find(resources, "Deployment", service.name()).orElseThrow();
            List<Integer> named = new ArrayList<>();
            deployment.at("/spec/template/spec/containers/0/ports").forEach(port -> {
                if (port.path("name").asText().equals(endpoint.path("port").asText())) {
                    named.add(port.path("containerPort").asInt());
                }
            });
            assertThat(named).as("the port %s of %s", endpoint.path("port").asText(), deployment.id())
                    .containsExactly(service.httpPort());
        }
    }

    @ParameterizedTest
    @MethodSource(Manifests.OVERLAYS)
    void prometheusAloneMayReachTheMetricsPort(String overlay) {
        Resource policy = WorkloadRules.find(Manifests.overlay(overlay), "NetworkPolicy", "allow-prometheus-scrape").orElseThrow();
        assertThat(policy.at("/spec/podSelector/matchExpressions/0/values"))
                .extracting(JsonNode::asText).containsExactlyInAnyOrderElementsOf(ServiceModule.SERVICES);
        assertThat(policy.at("/spec/policyTypes").toString()).isEqualTo("[\"Ingress\"]");
        assertThat(policy.at("/spec/ingress")).hasSize(1);
        assertThat(policy.at("/spec/ingress/0/from")).hasSize(1);
        assertThat(policy.at("/spec/ingress/0/from/0/namespaceSelector/matchLabels/kubernetes.io~1metadata.name").asText())
                .isEqualTo("monitoring");
        assertThat(policy.at("/spec/ingress/0/from/0/podSelector/matchLabels/app.kubernetes.io~1name").asText())
                .isEqualTo("prometheus");
        assertThat(policy.at("/spec/ingress/0/ports").toString()).isEqualTo("[{\"port\":\"http\",\"protocol\":\"TCP\"}]");
    }

    @ParameterizedTest
    @MethodSource(Manifests.OVERLAYS)
    void productionLogsJsonAndTheLocalClusterText(String overlay) {
        for (String service : ServiceModule.SERVICES) {
            Resource config = WorkloadRules.find(Manifests.overlay(overlay), "ConfigMap", service + "-config").orElseThrow();
            JsonNode json = config.at("/data/QUARKUS_LOG_CONSOLE_JSON_ENABLED");
            if (overlay.equals("production")) {
                assertThat(json.asText()).as(config.id()).isEqualTo("true");
            } else {
                assertThat(json.isMissingNode()).as(config.id()).isTrue();
            }
        }
    }

    @Test
    void theDashboardHasOneRowPerServiceAndOneForKafka() {
        JsonNode dashboard = dashboard();
        List<String> rows = new ArrayList<>();
        dashboard.path("panels").forEach(p -> {
            if (p.path("type").asText().equals("row")) {
                rows.add(p.path("title").asText());
            }
        });
        assertThat(rows).containsExactly("ingest-service", "catalog-service", "feed-service", "Kafka");
        dashboard.path("panels").forEach(p -> {
            if (!p.path("type").asText().equals("row")) {
                assertThat(p.path("description").asText()).as(p.path("title").asText()).isNotBlank();
                assertThat(p.path("targets")).as(p.path("title").asText()).isNotEmpty()
                        .allSatisfy(t -> assertThat(t.path("expr").asText()).isNotBlank());
            }
        });
        List<Integer> ids = new ArrayList<>();
        dashboard.path("panels").forEach(p -> ids.add(p.path("id").asInt()));
        assertThat(ids).doesNotHaveDuplicates();
    }

    @Test
    void everyMetricTheAlertsAndTheDashboardReadIsExportedByAService() {
        Set<String> exported = exportedMeters();
        List<String> expressions = new ArrayList<>();
        dashboard().path("panels").forEach(p -> p.path("targets").forEach(t -> expressions.add(t.path("expr").asText())));
        Resource rule = WorkloadRules.find(Manifests.overlay("production"), "PrometheusRule", "syndication-alerts").orElseThrow();
        rule.at("/spec/groups").forEach(g -> g.path("rules").forEach(r -> expressions.add(r.path("expr").asText())));
        assertThat(expressions).hasSizeGreaterThan(20);

        Set<String> unknown = new TreeSet<>();
        for (String expr : expressions) {
            for (String metric : metricNames(expr)) {
                if (!FROM_ELSEWHERE.contains(metric) && !exported.contains(meterOf(metric))) {
                    unknown.add(metric + " (in " + expr.strip() + ")");
                }
            }
        }
        assertThat(unknown).as("series no service exports").isEmpty();
    }

    @Test
    void metricNamesAreReadOutOfPromQl() {
        assertThat(metricNames("max by (group, topic) (deriv(kafka_consumer_group_lag_records{namespace=\"$ns\"}[5m])) > 0"
                + " and sum(rate(feed_renders_seconds_sum[5m])) / up"))
                .containsExactlyInAnyOrder("kafka_consumer_group_lag_records", "feed_renders_seconds_sum", "up");
        assertThat(meterOf("feed_digest_mails_total")).isEqualTo("feed_digest_mails");
        assertThat(meterOf("outbox_unpublished_rows")).isEqualTo("outbox_unpublished");
        assertThat(meterOf("outbox_oldest_unpublished_seconds")).isEqualTo("outbox_oldest_unpublished_seconds");
        assertThat(meterOf("feed_renders_seconds_count")).isEqualTo("feed_renders");
        assertThat(meterOf("dlq_records_total")).isEqualTo("dlq_records");
    }

    /** The metric names of a PromQL expression: names that are neither functions, keywords nor labels. */
    static Set<String> metricNames(String expr) {
        String bare = expr.replaceAll("\\{[^}]*}", "").replaceAll("\\[[^]]*]", "")
                .replaceAll("\\b(by|without|on|ignoring)\\s*\\([^)]*\\)", " ");
        Set<String> names = new TreeSet<>();
        Matcher m = PROMQL_NAME.matcher(bare);
        while (m.find()) {
            String rest = bare.substring(m.end()).stripLeading();
            if (!rest.startsWith("(") && !PROMQL_WORDS.contains(m.group())) {
                names.add(m.group());
            }
        }
        return names;
    }

    /**
     * The Micrometer name (dots as underscores) of a Prometheus series: without the counter and timer suffixes, and
     * without the base unit Micrometer appends unless the name already ends with it.
     */
    static String meterOf(String series) {
        Matcher counterOrTimer = Pattern.compile("(.*)_(total|count|sum|max|bucket)$").matcher(series);
        if (counterOrTimer.matches()) {
            String name = counterOrTimer.group(1);
            return counterOrTimer.group(2).equals("total") ? name : name.replaceAll("_seconds$", "");
        }
        return series.replaceAll("_(rows|records)$", "");
    }

    /**
     * Every dotted lower-case string literal in the services' main code (with service-support's, the plumbing they
     * share: its meters are registered by each service), dots as underscores: a superset of the meter names.
     */
    private static Set<String> exportedMeters() {
        Set<String> names = new TreeSet<>();
        List<String> modules = new ArrayList<>(ServiceModule.SERVICES);
        modules.add("service-support");
        for (String service : modules) {
            Path sources = Manifests.moduleDir().resolveSibling(service).resolve("src/main/java");
            try (Stream<Path> files = Files.walk(sources)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    Matcher m = METER_NAME.matcher(Files.readString(file));
                    while (m.find()) {
                        names.add(m.group(1).replace('.', '_'));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return names;
    }

    private static JsonNode dashboard() {
        Resource map = WorkloadRules.find(Manifests.overlay("production"), "ConfigMap", "syndication-dashboard").orElseThrow();
        assertThat(map.label("grafana_dashboard")).as("the label Grafana's sidecar looks for").isEqualTo("1");
        try {
            return new ObjectMapper().readTree(map.at("/data/syndication-dashboard.json").asText());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
