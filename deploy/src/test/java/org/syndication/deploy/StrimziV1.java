package org.syndication.deploy;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What Strimzi's Java model cannot tell: its classes serve v1beta2 and v1 at once, and the version annotations
 * ({@code io.strimzi.crdgenerator}) are not published. deploy/ uses {@code kafka.strimzi.io/v1} (Strimzi 0.49+),
 * so this checks the fields and values that v1 removed or requires, taken from the Strimzi v1 API migration.
 */
final class StrimziV1 {

    static final String GROUP = "kafka.strimzi.io";

    /** Fields of v1beta2 that v1 no longer has (JSON pointers; {@code *} is any array element). */
    private static final Map<String, List<String>> REMOVED = Map.of(
            "Kafka", List.of("/spec/zookeeper", "/spec/jmxTrans", "/spec/kafka/replicas", "/spec/kafka/storage",
                    "/spec/kafka/resources", "/spec/entityOperator/tlsSidecar", "/spec/cruiseControl/tlsSidecar",
                    "/spec/entityOperator/topicOperator/reconciliationIntervalSeconds",
                    "/spec/entityOperator/topicOperator/zookeeperSessionTimeoutSeconds",
                    "/spec/entityOperator/topicOperator/topicMetadataMaxAttempts",
                    "/spec/entityOperator/userOperator/reconciliationIntervalSeconds",
                    "/spec/entityOperator/userOperator/zookeeperSessionTimeoutSeconds"),
            "KafkaNodePool", List.of("/spec/storage/overrides", "/spec/storage/volumes/*/overrides"),
            "KafkaUser", List.of("/spec/authorization/acls/*/operation"));

    /** Fields v1 requires (the model accepts their absence). */
    private static final Map<String, List<String>> REQUIRED = Map.of(
            "Kafka", List.of("/spec/kafka/listeners"),
            "KafkaNodePool", List.of("/spec/replicas", "/spec/roles", "/spec/storage/type"),
            "KafkaTopic", List.of(),
            "KafkaUser", List.of());

    /**
     * Broker options Strimzi sets itself and ignores in spec.kafka.config (Strimzi's documentation, "Kafka
     * configuration"): listeners, security and node identity belong to the listeners and node pools.
     */
    private static final List<String> FORBIDDEN_CONFIG_PREFIXES = List.of("listeners", "advertised.", "broker.",
            "listener.", "host.name", "port", "inter.broker.listener.name", "sasl.", "ssl.", "security.",
            "password.", "log.dir", "zookeeper.", "authorizer.", "super.user", "node.id", "process.roles",
            "controller.", "metadata.log.dir");

    private static final Set<String> AUTHORIZATION_TYPES = Set.of("simple", "custom");
    private static final Set<String> LISTENER_AUTHENTICATION_TYPES = Set.of("tls", "scram-sha-512", "custom");

    private StrimziV1() {
    }

    static List<String> check(Resource resource) {
        List<String> problems = new ArrayList<>();
        if (!resource.apiVersion().equals(GROUP + "/v1")) {
            problems.add(resource.id() + ": use apiVersion " + GROUP + "/v1 (" + resource.apiVersion() + " is deprecated)");
        }
        if (resource.at("/spec").isMissingNode()) {
            problems.add(resource.id() + ": spec is required in v1");
        }
        for (String pointer : REMOVED.getOrDefault(resource.kind(), List.of())) {
            for (String found : present(resource.tree(), pointer)) {
                problems.add(resource.id() + ": " + found + " does not exist in " + GROUP + "/v1");
            }
        }
        for (String pointer : REQUIRED.getOrDefault(resource.kind(), List.of())) {
            if (resource.at(pointer).isMissingNode()) {
                problems.add(resource.id() + ": " + pointer + " is required in " + GROUP + "/v1");
            }
        }
        if (!resource.kind().equals("Kafka") && resource.label("strimzi.io/cluster") == null) {
            problems.add(resource.id() + ": label strimzi.io/cluster is missing (the operators ignore it)");
        }
        if (resource.kind().equals("Kafka")) {
            JsonNode authorization = resource.at("/spec/kafka/authorization/type");
            if (!authorization.isMissingNode() && !AUTHORIZATION_TYPES.contains(authorization.asText())) {
                problems.add(resource.id() + ": authorization type " + authorization.asText() + " is not in v1 " + AUTHORIZATION_TYPES);
            }
            resource.at("/spec/kafka/config").fieldNames().forEachRemaining(option -> {
                if (FORBIDDEN_CONFIG_PREFIXES.stream().anyMatch(option::startsWith)) {
                    problems.add(resource.id() + ": spec.kafka.config." + option + " is managed by Strimzi and ignored");
                }
            });
            for (JsonNode listener : resource.at("/spec/kafka/listeners")) {
                JsonNode type = listener.path("authentication").path("type");
                if (!type.isMissingNode() && !LISTENER_AUTHENTICATION_TYPES.contains(type.asText())) {
                    problems.add(resource.id() + ": listener " + listener.path("name").asText() + " authentication "
                            + type.asText() + " is not in v1 " + LISTENER_AUTHENTICATION_TYPES);
                }
            }
        }
        return problems;
    }

    /** The concrete pointers matching {@code pattern} that are present in {@code tree}. */
    private static List<String> present(JsonNode tree, String pattern) {
        List<String> found = new ArrayList<>();
        collect(tree, pattern.substring(1).split("/"), 0, "", found);
        return found;
    }

    private static void collect(JsonNode node, String[] steps, int step, String at, List<String> found) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return;
        }
        if (step == steps.length) {
            found.add(at);
            return;
        }
        if (steps[step].equals("*")) {
            for (int i = 0; i < node.size(); i++) {
                collect(node.get(i), steps, step + 1, at + "/" + i, found);
            }
        } else {
            collect(node.get(steps[step]), steps, step + 1, at + "/" + steps[step], found);
        }
    }
}
