package org.syndication.deploy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every object of every overlay matches its API model: unknown or misspelt fields fail here, not at apply time. */
class OverlayModelTest {

    @ParameterizedTest
    @MethodSource(Manifests.OVERLAYS)
    void everyResourceMatchesItsApiModel(String overlay) {
        List<Resource> resources = Manifests.overlay(overlay);

        assertThat(resources).extracting(Resource::kind)
                .contains("Namespace", "Deployment", "Service", "ConfigMap", "ServiceAccount", "Ingress",
                        "HorizontalPodAutoscaler", "PodDisruptionBudget", "NetworkPolicy", "Kafka", "KafkaNodePool",
                        "KafkaTopic", "KafkaUser", "Cluster", "Database");
        assertThat(resources.stream().flatMap(r -> ApiModels.check(r).stream()).toList()).isEmpty();
    }

    @ParameterizedTest
    @MethodSource(Manifests.OVERLAYS)
    void everythingLivesInTheSyndicationNamespace(String overlay) {
        assertThat(Manifests.overlay(overlay))
                .filteredOn(r -> !r.kind().equals("Namespace"))
                .allSatisfy(r -> assertThat(r.at("/metadata/namespace").asText()).as(r.id()).isEqualTo("syndication"));
    }

    @ParameterizedTest
    @MethodSource(Manifests.OVERLAYS)
    void namesAreUniquePerKind(String overlay) {
        assertThat(Manifests.overlay(overlay)).extracting(r -> r.kind() + "/" + r.name()).doesNotHaveDuplicates();
    }
}
