package org.syndication.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Only the feed service is reachable from outside; only the services reach Kafka and PostgreSQL. */
class NetworkTest {

    private static final List<String> SERVICES = ServiceModule.SERVICES;

    @ParameterizedTest
    @MethodSource(Manifests.OVERLAYS)
    void everyPodDeniesIncomingTrafficUnlessAllowed(String overlay) {
        Resource deny = WorkloadRules.find(Manifests.overlay(overlay), "NetworkPolicy", "default-deny-ingress").orElseThrow();

        assertThat(deny.at("/spec/podSelector").isEmpty()).isTrue();
        assertThat(deny.at("/spec/policyTypes").toString()).contains("Ingress");
        assertThat(deny.at("/spec/ingress").isMissingNode() || deny.at("/spec/ingress").isEmpty()).isTrue();
    }

    @ParameterizedTest
    @MethodSource(Manifests.OVERLAYS)
    void onlyTheFeedServiceIsReachableFromOutside(String overlay) {
        List<Resource> resources = Manifests.overlay(overlay);

        assertThat(Manifests.ofKind(resources, "Ingress").toList())
                .allSatisfy(ingress -> assertThat(backends(ingress)).as(ingress.id()).containsOnly("feed-service"));
        assertThat(Manifests.ofKind(resources, "Ingress").flatMap(i -> paths(i).stream()))
                .noneMatch(path -> path.startsWith("/q"));
        assertThat(Manifests.ofKind(resources, "Service").toList())
                .allSatisfy(service -> assertThat(service.at("/spec/type").asText("ClusterIP")).as(service.id()).isEqualTo("ClusterIP"));
        for (String service : SERVICES) {
            Resource policy = WorkloadRules.find(resources, "NetworkPolicy", service).orElseThrow();
            assertThat(policy.at("/spec/podSelector/matchLabels/" + escape(WorkloadRules.NAME_LABEL)).asText()).isEqualTo(service);
            assertThat(policy.at("/spec/policyTypes").toString()).contains("Ingress", "Egress");
            if (service.equals("feed-service")) {
                assertThat(policy.at("/spec/ingress")).hasSize(1);
                assertThat(policy.at("/spec/ingress/0/from/0/namespaceSelector/matchLabels").toString()).contains("ingress-nginx");
            } else {
                assertThat(policy.at("/spec/ingress")).as(policy.id()).isEmpty();
            }
        }
    }

    @ParameterizedTest
    @MethodSource(Manifests.OVERLAYS)
    void onlyTheServicesReachKafkaAndPostgres(String overlay) {
        List<Resource> resources = Manifests.overlay(overlay);

        JsonNode listeners = WorkloadRules.find(resources, "Kafka", "syndication").orElseThrow().at("/spec/kafka/listeners");
        assertThat(listeners).allSatisfy(listener -> {
            assertThat(listener.path("tls").asBoolean()).isTrue();
            assertThat(listener.path("authentication").path("type").asText()).isEqualTo("scram-sha-512");
            assertThat(podNames(listener.path("networkPolicyPeers"))).containsExactlyInAnyOrderElementsOf(SERVICES);
        });

        Resource postgres = WorkloadRules.find(resources, "NetworkPolicy", "syndication-db").orElseThrow();
        List<String> clients = podNames(postgres.at("/spec/ingress/0/from"));
        assertThat(clients).containsExactlyInAnyOrderElementsOf(SERVICES);
        assertThat(postgres.at("/spec/ingress")).hasSize(2);
        assertThat(postgres.at("/spec/ingress/1/from/0/namespaceSelector/matchLabels").toString()).contains("cnpg-system");
    }

    private static List<String> podNames(JsonNode peers) {
        List<String> names = new ArrayList<>();
        for (JsonNode peer : peers) {
            String name = peer.path("podSelector").path("matchLabels").path(WorkloadRules.NAME_LABEL).asText(null);
            if (name != null) {
                names.add(name);
            }
        }
        return names;
    }

    private static List<String> backends(Resource ingress) {
        List<String> names = new ArrayList<>();
        for (JsonNode rule : ingress.at("/spec/rules")) {
            for (JsonNode path : rule.path("http").path("paths")) {
                names.add(path.path("backend").path("service").path("name").asText());
            }
        }
        return names;
    }

    private static List<String> paths(Resource ingress) {
        List<String> paths = new ArrayList<>();
        for (JsonNode rule : ingress.at("/spec/rules")) {
            for (JsonNode path : rule.path("http").path("paths")) {
                paths.add(path.path("path").asText());
            }
        }
        return paths;
    }

    private static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }
}
