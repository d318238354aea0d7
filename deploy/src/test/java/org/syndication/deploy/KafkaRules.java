package org.syndication.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import org.syndication.events.Topics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Kafka in deploy/ against the code: the KafkaTopics are exactly {@link Topics#ALL}, every topic bound in a
 * service's application.properties exists, and every KafkaUser grants its service what the code uses (that it
 * grants no more is checked against the contract in KafkaTest: a topic the code has not wired yet is not an error).
 */
final class KafkaRules {

    static final String PARTNER = "partner";

    private KafkaRules() {
    }

    /** Topic name to its KafkaTopic (spec.topicName, else metadata.name). */
    static Map<String, Resource> topics(List<Resource> resources) {
        Map<String, Resource> topics = new LinkedHashMap<>();
        Manifests.ofKind(resources, "KafkaTopic")
                .forEach(t -> topics.put(t.at("/spec/topicName").asText(t.name()), t));
        return topics;
    }

    static List<String> checkTopics(List<Resource> resources, List<String> codeTopics, List<String> compacted,
                                    List<ServiceModule> modules) {
        List<String> problems = new ArrayList<>();
        Map<String, Resource> declared = topics(resources);
        for (String topic : codeTopics) {
            if (!declared.containsKey(topic)) {
                problems.add("topic " + topic + " is in org.syndication.events.Topics but has no KafkaTopic in deploy/");
            }
        }
        for (String topic : declared.keySet()) {
            if (!codeTopics.contains(topic)) {
                problems.add("KafkaTopic " + topic + " in deploy/ is not a topic of org.syndication.events.Topics");
            }
        }
        for (ServiceModule module : modules) {
            for (ServiceModule.TopicBinding binding : module.bindings()) {
                if (!declared.containsKey(binding.topic())) {
                    problems.add("topic " + binding.topic() + " is used by " + module.name() + " (" + binding.key()
                            + ") but has no KafkaTopic in deploy/");
                }
                if (!codeTopics.contains(binding.topic())) {
                    problems.add("topic " + binding.topic() + " of " + module.name() + " (" + binding.key()
                            + ") is not a constant of org.syndication.events.Topics");
                }
            }
        }
        int brokers = brokers(resources);
        declared.forEach((topic, resource) -> {
            boolean isCompacted = resource.at("/spec/config/cleanup.policy").asText("delete").contains("compact");
            if (isCompacted != compacted.contains(topic)) {
                problems.add(resource.id() + ": cleanup.policy must " + (isCompacted ? "not " : "") + "be compact (Topics.COMPACTED)");
            }
            int replicas = resource.at("/spec/replicas").asInt(0);
            int minInSync = resource.at("/spec/config/min.insync.replicas").asInt(1);
            if (replicas < 1 || resource.at("/spec/partitions").asInt(0) < 1) {
                problems.add(resource.id() + ": set partitions and replicas explicitly");
            }
            if (replicas > brokers) {
                problems.add(resource.id() + ": " + replicas + " replicas but only " + brokers + " brokers");
            }
            if (minInSync > replicas || (replicas > 1 && minInSync >= replicas)) {
                problems.add(resource.id() + ": min.insync.replicas " + minInSync + " with " + replicas
                        + " replicas (acks=all would stop with one broker down)");
            }
        });
        return problems;
    }

    /**
     * Every topic a service consumes in a consumer group has at least as many partitions as the service can have
     * replicas (its HorizontalPodAutoscaler's maxReplicas, else its Deployment's replicas): a replica beyond the
     * partition count gets no partition and idles.
     */
    static List<String> checkPartitions(List<Resource> resources, List<ServiceModule> modules) {
        List<String> problems = new ArrayList<>();
        Map<String, Resource> declared = topics(resources);
        for (ServiceModule module : modules) {
            int replicas = maxReplicas(resources, module.name());
            for (ServiceModule.TopicBinding binding : module.bindings()) {
                Resource topic = declared.get(binding.topic());
                if (binding.access() != ServiceModule.Access.READ || binding.group() == null || topic == null) {
                    continue;
                }
                int partitions = topic.at("/spec/partitions").asInt(0);
                if (partitions < replicas) {
                    problems.add(topic.id() + ": " + partitions + " partitions but " + module.name() + " (group "
                            + binding.group() + ") runs up to " + replicas + " replicas");
                }
            }
        }
        return problems;
    }

    /** The most replicas a service runs: its HPA's maxReplicas, else its Deployment's replicas (default 1). */
    static int maxReplicas(List<Resource> resources, String service) {
        return Manifests.ofKind(resources, "HorizontalPodAutoscaler")
                .filter(h -> service.equals(h.at("/spec/scaleTargetRef/name").asText()))
                .mapToInt(h -> h.at("/spec/maxReplicas").asInt(1))
                .max()
                .orElseGet(() -> Manifests.ofKind(resources, "Deployment")
                        .filter(d -> service.equals(d.name()))
                        .mapToInt(d -> d.at("/spec/replicas").asInt(1))
                        .max().orElse(1));
    }

    /** Broker count over all node pools with the broker role. */
    static int brokers(List<Resource> resources) {
        return Manifests.ofKind(resources, "KafkaNodePool")
                .filter(pool -> pool.at("/spec/roles").toString().contains("\"broker\""))
                .mapToInt(pool -> pool.at("/spec/replicas").asInt())
                .sum();
    }

    /** A permission: {@code topic:news.ingested:Read}. */
    record Grant(String resourceType, String name, String operation) {
        @Override
        public String toString() {
            return operation + " on " + resourceType + " " + name;
        }
    }

    static List<String> checkUsers(List<Resource> resources, List<ServiceModule> modules) {
        List<String> problems = new ArrayList<>();
        Set<String> topicNames = topics(resources).keySet();
        for (ServiceModule module : modules) {
            Resource user = WorkloadRules.find(resources, "KafkaUser", module.name()).orElse(null);
            if (user == null) {
                problems.add(module.name() + ": no KafkaUser named after the service");
                continue;
            }
            if (!user.at("/spec/authentication/type").asText().equals("scram-sha-512")) {
                problems.add(user.id() + ": authentication must be scram-sha-512 (KAFKA_SASL_MECHANISM SCRAM-SHA-512)");
            }
            Set<Grant> granted = grants(user, problems);
            Set<Grant> needed = new TreeSet<>(Comparator.comparing(Grant::toString));
            for (ServiceModule.TopicBinding binding : module.bindings()) {
                if (binding.access() == ServiceModule.Access.READ) {
                    needed.add(new Grant("topic", binding.topic(), "Read"));
                    needed.add(new Grant("group", binding.group(), "Read"));
                } else {
                    needed.add(new Grant("topic", binding.topic(), "Write"));
                }
            }
            for (Grant grant : needed) {
                if (!granted.contains(grant)) {
                    problems.add(user.id() + ": " + module.name() + " needs " + grant + " (application.properties) but its ACLs lack it");
                }
            }
        }
        Resource partner = WorkloadRules.find(resources, "KafkaUser", PARTNER).orElse(null);
        if (partner == null) {
            problems.add("no KafkaUser " + PARTNER + " (read-only access for partners)");
        } else {
            Set<Grant> granted = grants(partner, problems);
            Set<String> partnerTopics = new TreeSet<>();
            for (Grant grant : granted) {
                if (!grant.operation().equals("Read") && !grant.operation().equals("Describe")) {
                    problems.add(partner.id() + ": partners are read-only, but it grants " + grant);
                }
                if (grant.resourceType().equals("topic")) {
                    partnerTopics.add(grant.name());
                }
            }
            if (!partnerTopics.equals(new TreeSet<>(List.of(Topics.NEWS_CATALOGUED, Topics.NEWS_DIGESTS)))) {
                problems.add(partner.id() + ": partners read exactly news.catalogued and news.digests, not " + partnerTopics);
            }
        }
        Manifests.ofKind(resources, "KafkaUser").forEach(user -> {
            for (JsonNode acl : user.at("/spec/authorization/acls")) {
                JsonNode resource = acl.path("resource");
                if (resource.path("type").asText().equals("topic") && !topicNames.contains(resource.path("name").asText())) {
                    problems.add(user.id() + ": ACL on topic " + resource.path("name").asText() + ", which has no KafkaTopic");
                }
            }
        });
        return problems;
    }

    /** The allow-ACLs of a user as grants (prefix patterns keep their prefix as name and are marked with *). */
    static Set<Grant> grants(Resource user, List<String> problems) {
        Set<Grant> grants = new TreeSet<>(Comparator.comparing(Grant::toString));
        for (JsonNode acl : user.at("/spec/authorization/acls")) {
            if (acl.path("type").asText("allow").equals("deny")) {
                continue;
            }
            JsonNode resource = acl.path("resource");
            String type = resource.path("type").asText();
            if (type.equals("cluster") || resource.path("name").asText().equals("*")) {
                problems.add(user.id() + ": no cluster-wide or wildcard ACLs");
            }
            String name = resource.path("name").asText()
                    + (resource.path("patternType").asText("literal").equals("prefix") ? "*" : "");
            for (JsonNode operation : acl.path("operations")) {
                if (operation.asText().equals("All")) {
                    problems.add(user.id() + ": operation All on " + type + " " + name + " is too wide");
                }
                grants.add(new Grant(type, name, operation.asText()));
            }
        }
        return grants;
    }
}
