package org.syndication.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.syndication.events.Topics;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.syndication.deploy.ServiceModule.Access.READ;
import static org.syndication.deploy.ServiceModule.Access.WRITE;

/** Each rule fails on the mistake it exists for: one mistake is put into a copy of the rendered local overlay. */
class ValidationCatchesMistakesTest {

    private static final String CONTAINER = "/spec/template/spec/containers/0";

    private final List<Resource> local = Manifests.overlay("local");

    @Test
    void misspeltFieldInADeployment() {
        Resource deployment = mutate("Deployment", "ingest-service",
                tree -> rename(at(tree, CONTAINER), "livenessProbe", "livenesProbe"));

        assertThat(ApiModels.check(deployment)).singleElement().asString()
                .contains("unknown field 'livenesProbe'", "spec.template.spec.containers[0]");
    }

    @Test
    void unknownFieldsInStrimziResources() {
        Resource kafka = mutate("Kafka", "syndication", tree -> at(tree, "/spec/kafka").put("replica", 3));
        Resource topic = mutate("KafkaTopic", Topics.NEWS_DIGESTS, tree -> rename(at(tree, "/spec"), "partitions", "partitons"));
        Resource user = mutate("KafkaUser", "partner",
                tree -> at(tree, "/spec/authorization/acls/0/resource").put("patern", "literal"));

        assertThat(ApiModels.check(kafka)).singleElement().asString().contains("unknown field 'replica'");
        assertThat(ApiModels.check(topic)).singleElement().asString().contains("unknown field 'partitons'");
        assertThat(ApiModels.check(user)).singleElement().asString().contains("unknown field 'patern'");
    }

    @Test
    void strimziFieldsThatV1Removed() {
        Resource user = mutate("KafkaUser", "partner", tree -> at(tree, "/spec/authorization/acls/0").put("operation", "Read"));
        Resource kafka = mutate("Kafka", "syndication", tree -> {
            at(tree, "/spec/kafka").put("replicas", 3);
            at(tree, "/spec/kafka/config").put("listeners", "PLAINTEXT://:9092");
        });

        assertThat(ApiModels.check(user)).singleElement().asString()
                .contains("/spec/authorization/acls/0/operation does not exist in kafka.strimzi.io/v1");
        assertThat(ApiModels.check(kafka)).hasSize(2)
                .anySatisfy(p -> assertThat(p).contains("/spec/kafka/replicas does not exist"))
                .anySatisfy(p -> assertThat(p).contains("spec.kafka.config.listeners is managed by Strimzi"));
    }

    @Test
    void cloudNativePgClusterWithoutRequiredOrWithMisspeltFields() {
        Resource cluster = mutate("Cluster", "syndication-db", tree -> {
            at(tree, "/spec").remove("instances");
            rename(at(tree, "/spec/managed/roles/0"), "passwordSecret", "paswordSecret");
        });
        Resource database = mutate("Database", "syndication-db-feed", tree -> at(tree, "/spec").remove("owner"));

        assertThat(ApiModels.check(cluster)).hasSize(2).anySatisfy(p -> assertThat(p).contains("spec.instances is required"))
                .anySatisfy(p -> assertThat(p).contains("unknown field 'paswordSecret' at spec.managed.roles[0]"));
        assertThat(ApiModels.check(database)).singleElement().asString().contains("spec.owner is required");
    }

    @Test
    void numberWhereKubernetesWantsAString() {
        Resource config = mutate("ConfigMap", "feed-service-config", tree -> at(tree, "/data").put("QUARKUS_MAILER_PORT", 587));
        Resource deployment = mutate("Deployment", "ingest-service",
                tree -> at(tree, CONTAINER + "/env/0").put("value", 60));

        assertThat(ApiModels.check(config)).singleElement().asString().contains("data.QUARKUS_MAILER_PORT");
        assertThat(ApiModels.check(deployment)).singleElement().asString().contains("spec.template.spec.containers[0].env[0].value");
    }

    @Test
    void kindWithoutAModel() {
        Resource job = mutate("ConfigMap", "ingest-service-config", tree -> tree.put("apiVersion", "v2"));

        assertThat(ApiModels.check(job)).singleElement().asString().contains("no API model for v2/ConfigMap");
    }

    @Test
    void deploymentWithoutProbesOrLimits() {
        List<Resource> resources = replace(mutate("Deployment", "catalog-service", tree -> {
            at(tree, CONTAINER).remove("readinessProbe");
            at(tree, CONTAINER + "/resources").remove("limits");
        }));

        assertThat(WorkloadRules.check(resources, ServiceModule.all()))
                .anySatisfy(p -> assertThat(p).contains("catalog-service", "no readinessProbe"))
                .anySatisfy(p -> assertThat(p).contains("catalog-service", "no resources.limits.memory"));
    }

    @Test
    void imageThatDoesNotMatchTheService() {
        List<Resource> resources = replace(mutate("Deployment", "feed-service",
                tree -> at(tree, CONTAINER).put("image", "registry.example.org/syndication/feeds:1.0.0")));

        assertThat(WorkloadRules.check(resources, ServiceModule.all())).singleElement().asString()
                .contains("image 'registry.example.org/syndication/feeds:1.0.0' does not match the service");
    }

    @Test
    void weakenedSecurityContextAndCommittedSecret() {
        List<Resource> resources = new ArrayList<>(replace(mutate("Deployment", "ingest-service", tree -> {
            at(tree, CONTAINER + "/securityContext").put("readOnlyRootFilesystem", false);
            at(tree, CONTAINER + "/securityContext").remove("allowPrivilegeEscalation");
        })));
        resources.add(Resource.of("test", at(local.get(0).tree().deepCopy(), "").put("kind", "Secret")));

        assertThat(WorkloadRules.check(resources, ServiceModule.all())).hasSize(3)
                .anySatisfy(p -> assertThat(p).contains("readOnlyRootFilesystem must be true"))
                .anySatisfy(p -> assertThat(p).contains("allowPrivilegeEscalation must be false"))
                .anySatisfy(p -> assertThat(p).contains("Secrets are never committed"));
    }

    @Test
    void serviceWiredToAnotherServicesDatabaseOrAWrongListener() {
        List<Resource> resources = replace(mutate("ConfigMap", "ingest-service-config", tree -> at(tree, "/data")
                .put("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://syndication-db-rw:5432/catalog")
                .put("KAFKA_BOOTSTRAP_SERVERS", "syndication-kafka-bootstrap:9092")));

        assertThat(WiringRules.check(resources, ServiceModule.all())).containsExactly(
                "Deployment/ingest-service in overlays/local: KAFKA_BOOTSTRAP_SERVERS syndication-kafka-bootstrap:9092"
                        + " is not a listener of Kafka syndication",
                "Deployment/ingest-service in overlays/local: QUARKUS_DATASOURCE_USERNAME secret (of role catalog) is"
                        + " ingest-service-db/username, expected catalog-service-db/username",
                "Deployment/ingest-service in overlays/local: QUARKUS_DATASOURCE_PASSWORD secret (of role catalog) is"
                        + " ingest-service-db/password, expected catalog-service-db/password");
    }

    @Test
    void topicUsedInCodeButMissingInDeployAndTheReverse() {
        List<Resource> withoutDigests = local.stream()
                .filter(r -> !(r.kind().equals("KafkaTopic") && r.name().equals(Topics.NEWS_DIGESTS)))
                .toList();
        ServiceModule feed = new ServiceModule("feed-service", "feed-service", 8083, List.of(
                new ServiceModule.TopicBinding("news.digest", WRITE, null, "mp.messaging.outgoing.digests.topic")));
        List<String> withExtra = new ArrayList<>(Topics.ALL.subList(0, 4));

        assertThat(KafkaRules.checkTopics(withoutDigests, Topics.ALL, Topics.COMPACTED, List.of())).containsExactly(
                "topic news.digests is in org.syndication.events.Topics but has no KafkaTopic in deploy/");
        assertThat(KafkaRules.checkTopics(local, withExtra, Topics.COMPACTED, List.of())).containsExactly(
                "KafkaTopic news.digests in deploy/ is not a topic of org.syndication.events.Topics");
        assertThat(KafkaRules.checkTopics(local, Topics.ALL, Topics.COMPACTED, List.of(feed))).containsExactly(
                "topic news.digest is used by feed-service (mp.messaging.outgoing.digests.topic) but has no KafkaTopic in deploy/",
                "topic news.digest of feed-service (mp.messaging.outgoing.digests.topic) is not a constant of org.syndication.events.Topics");
    }

    @Test
    void compactionAndReplicationMistakes() {
        List<Resource> resources = replace(mutate("KafkaTopic", Topics.NEWS_CATALOGUED, tree -> {
            at(tree, "/spec/config").put("cleanup.policy", "delete");
            at(tree, "/spec").put("replicas", 3);
        }));

        assertThat(KafkaRules.checkTopics(resources, Topics.ALL, Topics.COMPACTED, List.of()))
                .anySatisfy(p -> assertThat(p).contains("news.catalogued", "cleanup.policy must be compact"))
                .anySatisfy(p -> assertThat(p).contains("3 replicas but only 1 brokers"));
    }

    @Test
    void moreConsumerReplicasThanPartitions() {
        List<Resource> resources = replace(mutate("HorizontalPodAutoscaler", "feed-service",
                tree -> at(tree, "/spec").put("maxReplicas", 40)));
        ServiceModule feed = new ServiceModule("feed-service", "feed-service", 8083, List.of(
                new ServiceModule.TopicBinding(Topics.NEWS_CATALOGUED, READ, "feed-service", "k1"),
                new ServiceModule.TopicBinding(Topics.NEWS_DIGESTS, WRITE, null, "k2")));

        assertThat(KafkaRules.checkPartitions(resources, List.of(feed))).singleElement()
                .satisfies(p -> assertThat(p).contains("news.catalogued", "feed-service", "up to 40 replicas"));
        assertThat(KafkaRules.checkPartitions(local, List.of(feed))).isEmpty();
    }

    @Test
    void aclsThatLackWhatTheCodeUses() {
        ServiceModule catalog = new ServiceModule("catalog-service", "catalog-service", 8082, List.of(
                new ServiceModule.TopicBinding(Topics.NEWS_INGESTED, READ, "catalog-service", "k1"),
                new ServiceModule.TopicBinding(Topics.NEWS_INGESTED_DLQ, WRITE, null, "k2"),
                new ServiceModule.TopicBinding(Topics.NEWS_DIGESTS, WRITE, null, "k3")));

        assertThat(KafkaRules.checkUsers(local, List.of(catalog))).containsExactly(
                "KafkaUser/catalog-service in overlays/local: catalog-service needs Write on topic news.digests"
                        + " (application.properties) but its ACLs lack it");
    }

    @Test
    void partnerThatMayWrite() {
        List<Resource> resources = replace(mutate("KafkaUser", "partner",
                tree -> ((ArrayNode) at(tree, "/spec/authorization/acls/0").withArray("operations")).add("Write")));

        assertThat(KafkaRules.checkUsers(resources, List.of())).singleElement().asString()
                .contains("partners are read-only, but it grants Write on topic news.catalogued");
    }

    @Test
    void ingressThatMissesAPublicPathOrPublishesTheOperatorApi() {
        List<ServiceEndpoints.Endpoint> endpoints = ServiceEndpoints.of(IngressRules.SERVICE);
        List<Resource> missing = replace(mutate("Ingress", "feed-service", tree -> {
            ArrayNode paths = (ArrayNode) tree.at("/spec/rules/0/http/paths");
            for (int i = paths.size() - 1; i >= 0; i--) {
                if (paths.get(i).path("path").asText().equals("/themes")) {
                    paths.remove(i);
                }
            }
        }));
        List<Resource> everything = replace(mutate("Ingress", "feed-service",
                tree -> at(tree, "/spec/rules/0/http/paths/0").put("path", "/").put("pathType", "Prefix")));

        assertThat(IngressRules.check(missing, endpoints)).singleElement().asString()
                .contains("public endpoint GET /themes/{slug} (PageResource) is not routed");
        assertThat(IngressRules.check(everything, endpoints)).isNotEmpty()
                .allSatisfy(p -> assertThat(p).startsWith("operator endpoint POST /api/digests/"));
    }

    private Resource mutate(String kind, String name, Consumer<ObjectNode> change) {
        Resource original = WorkloadRules.find(local, kind, name).orElseThrow();
        ObjectNode copy = original.tree().deepCopy();
        change.accept(copy);
        return original.withTree(copy);
    }

    /** The local overlay with {@code changed} in place of the original of the same kind and name. */
    private List<Resource> replace(Resource changed) {
        return local.stream()
                .map(r -> r.kind().equals(changed.kind()) && r.name().equals(changed.name()) ? changed : r)
                .toList();
    }

    private static ObjectNode at(ObjectNode tree, String pointer) {
        JsonNode node = pointer.isEmpty() ? tree : tree.at(pointer);
        if (!(node instanceof ObjectNode object)) {
            throw new IllegalArgumentException("no object at " + pointer);
        }
        return object;
    }

    private static void rename(ObjectNode node, String from, String to) {
        JsonNode value = node.remove(from);
        if (value == null) {
            throw new IllegalArgumentException("no field " + from);
        }
        node.set(to, value);
    }
}
