package org.syndication.deploy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The three services follow the workload rules in every overlay; the overlays differ only where intended. */
class WorkloadTest {

    @ParameterizedTest
    @MethodSource(Manifests.OVERLAYS)
    void everyServiceFollowsTheWorkloadRules(String overlay) {
        assertThat(WorkloadRules.check(Manifests.overlay(overlay), ServiceModule.all())).isEmpty();
    }

    @ParameterizedTest
    @MethodSource(Manifests.OVERLAYS)
    void everyServiceIsWiredToWhatTheOperatorsCreate(String overlay) {
        assertThat(WiringRules.check(Manifests.overlay(overlay), ServiceModule.all())).isEmpty();
    }

    @Test
    void localRunsOneReplicaOfEachService() {
        List<Resource> local = Manifests.overlay("local");

        assertThat(Manifests.ofKind(local, "Deployment").filter(d -> d.at("/spec/replicas").isInt()))
                .allSatisfy(d -> assertThat(d.at("/spec/replicas").asInt()).as(d.id()).isEqualTo(1));
        Resource hpa = WorkloadRules.find(local, "HorizontalPodAutoscaler", "feed-service").orElseThrow();
        assertThat(hpa.at("/spec/maxReplicas").asInt()).isEqualTo(1);
        assertThat(KafkaRules.brokers(local)).isEqualTo(1);
        assertThat(WorkloadRules.find(local, "Cluster", "syndication-db").orElseThrow().at("/spec/instances").asInt()).isEqualTo(1);
    }

    @Test
    void productionServesTheFeedsOverTlsAndScalesThem() {
        List<Resource> production = Manifests.overlay("production");

        Resource ingress = WorkloadRules.find(production, "Ingress", "feed-service").orElseThrow();
        assertThat(ingress.at("/spec/tls/0/hosts/0").asText()).isEqualTo(ingress.at("/spec/rules/0/host").asText());
        assertThat(ingress.at("/spec/tls/0/secretName").asText()).isEqualTo("feed-service-tls");
        Resource config = WorkloadRules.find(production, "ConfigMap", "feed-service-config").orElseThrow();
        assertThat(config.at("/data/FEED_PUBLIC_BASE_URL").asText()).isEqualTo("https://" + ingress.at("/spec/rules/0/host").asText());

        Resource hpa = WorkloadRules.find(production, "HorizontalPodAutoscaler", "feed-service").orElseThrow();
        assertThat(hpa.at("/spec/minReplicas").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(hpa.at("/spec/maxReplicas").asInt()).isGreaterThan(hpa.at("/spec/minReplicas").asInt());
        // the HPA owns the count: a replicas field would fight it on every apply
        assertThat(WorkloadRules.find(production, "Deployment", "feed-service").orElseThrow().at("/spec/replicas").isMissingNode()).isTrue();
        assertThat(WorkloadRules.find(production, "PodDisruptionBudget", "feed-service")).isPresent();
        assertThat(KafkaRules.brokers(production)).isGreaterThanOrEqualTo(3);
    }
}
