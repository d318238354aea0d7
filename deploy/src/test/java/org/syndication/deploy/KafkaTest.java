package org.syndication.deploy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.syndication.events.Topics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Kafka in deploy/ matches the code: topics both ways, and each KafkaUser's ACLs against the channel bindings. */
class KafkaTest {

    @ParameterizedTest
    @MethodSource(Manifests.OVERLAYS)
    void kafkaTopicsAreExactlyTheTopicsOfTheCode(String overlay) {
        List<Resource> resources = Manifests.overlay(overlay);

        assertThat(KafkaRules.checkTopics(resources, Topics.ALL, Topics.COMPACTED, ServiceModule.all())).isEmpty();
        assertThat(KafkaRules.topics(resources).keySet()).containsExactlyInAnyOrderElementsOf(Topics.ALL);
    }

    /** Two of everything: no replica of a consuming service idles for want of a partition. */
    @ParameterizedTest
    @MethodSource(Manifests.OVERLAYS)
    void consumedTopicsHaveAPartitionForEveryReplica(String overlay) {
        List<Resource> resources = Manifests.overlay(overlay);

        assertThat(KafkaRules.checkPartitions(resources, ServiceModule.all())).isEmpty();
    }

    @ParameterizedTest
    @MethodSource(Manifests.OVERLAYS)
    void everyServiceMayUseEveryTopicItBinds(String overlay) {
        assertThat(KafkaRules.checkUsers(Manifests.overlay(overlay), ServiceModule.all())).isEmpty();
    }

    /** Least privilege: each user holds exactly the grants of the flow in the design, nothing more. */
    @ParameterizedTest
    @MethodSource(Manifests.OVERLAYS)
    void everyUserHoldsExactlyTheGrantsOfTheContract(String overlay) {
        Map<String, Set<String>> contract = Map.of(
                "ingest-service", Set.of("Write on topic news.ingested",
                        "Write on transactionalId ingest-service-*", "Describe on transactionalId ingest-service-*"),
                "catalog-service", Set.of("Read on topic news.ingested", "Read on group catalog-service",
                        "Write on topic news.ingested.dlq", "Write on topic news.catalogued"),
                "feed-service", Set.of("Read on topic news.catalogued", "Read on group feed-service",
                        "Write on topic news.catalogued.dlq", "Write on topic news.digests"),
                KafkaRules.PARTNER, Set.of("Read on topic news.catalogued", "Read on topic news.digests",
                        "Read on group partner-*"));
        List<Resource> users = Manifests.ofKind(Manifests.overlay(overlay), "KafkaUser").toList();

        assertThat(users).extracting(Resource::name).containsExactlyInAnyOrderElementsOf(contract.keySet());
        List<String> problems = new ArrayList<>();
        for (Resource user : users) {
            assertThat(KafkaRules.grants(user, problems)).extracting(KafkaRules.Grant::toString).as(user.id())
                    .containsExactlyInAnyOrderElementsOf(contract.get(user.name()));
        }
        assertThat(problems).isEmpty();
    }
}
