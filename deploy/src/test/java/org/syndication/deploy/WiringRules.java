package org.syndication.deploy;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The connections no model can check: each service's settings and secret references must meet what the Strimzi
 * and CloudNativePG resources create (bootstrap address and listener, user secret, cluster CA, database, its owner
 * role and that role's password secret).
 */
final class WiringRules {

    private WiringRules() {
    }

    static List<String> check(List<Resource> resources, List<ServiceModule> modules) {
        List<String> problems = new ArrayList<>();
        for (ServiceModule module : modules) {
            String name = module.name();
            Optional<Resource> deployment = WorkloadRules.find(resources, "Deployment", name);
            Optional<Resource> config = WorkloadRules.find(resources, "ConfigMap", name + "-config");
            if (deployment.isEmpty() || config.isEmpty()) {
                continue; // reported by WorkloadRules
            }
            JsonNode container = deployment.get().at("/spec/template/spec/containers/0");
            kafka(resources, name, deployment.get(), container, config.get().at("/data"), problems);
            database(resources, name, deployment.get(), container, config.get().at("/data"), problems);
        }
        return problems;
    }

    private static void kafka(List<Resource> resources, String name, Resource deployment, JsonNode container,
                              JsonNode config, List<String> problems) {
        Optional<Resource> kafka = Manifests.ofKind(resources, "Kafka").findFirst();
        if (kafka.isEmpty()) {
            problems.add("no Kafka resource");
            return;
        }
        String cluster = kafka.get().name();
        String bootstrap = config.path("KAFKA_BOOTSTRAP_SERVERS").asText();
        JsonNode listener = null;
        for (JsonNode candidate : kafka.get().at("/spec/kafka/listeners")) {
            if (bootstrap.equals(cluster + "-kafka-bootstrap:" + candidate.path("port").asInt())) {
                listener = candidate;
            }
        }
        if (listener == null) {
            problems.add(deployment.id() + ": KAFKA_BOOTSTRAP_SERVERS " + bootstrap + " is not a listener of Kafka " + cluster);
            return;
        }
        String protocol = listener.path("tls").asBoolean() ? "SASL_SSL" : "SASL_PLAINTEXT";
        expect(deployment, problems, "KAFKA_SECURITY_PROTOCOL", config.path("KAFKA_SECURITY_PROTOCOL").asText(), protocol);
        expect(deployment, problems, "KAFKA_SASL_MECHANISM", config.path("KAFKA_SASL_MECHANISM").asText(), "SCRAM-SHA-512");
        expect(deployment, problems, "listener authentication", listener.path("authentication").path("type").asText(), "scram-sha-512");
        expect(deployment, problems, "KAFKA_SASL_JAAS_CONFIG secret", secretRef(container, "KAFKA_SASL_JAAS_CONFIG"),
                name + "/sasl.jaas.config");
        if (WorkloadRules.find(resources, "KafkaUser", name).isEmpty()) {
            problems.add(deployment.id() + ": no KafkaUser " + name + ", so its secret never appears");
        }
        if (listener.path("tls").asBoolean()) {
            String truststore = config.path("KAFKA_SSL_TRUSTSTORE_LOCATION").asText();
            String mountedFrom = secretMountedAt(deployment, container, truststore);
            expect(deployment, problems, "secret behind KAFKA_SSL_TRUSTSTORE_LOCATION " + truststore, mountedFrom,
                    cluster + "-cluster-ca-cert/ca.crt");
            expect(deployment, problems, "KAFKA_SSL_TRUSTSTORE_TYPE", config.path("KAFKA_SSL_TRUSTSTORE_TYPE").asText(), "PEM");
        }
    }

    private static void database(List<Resource> resources, String name, Resource deployment, JsonNode container,
                                 JsonNode config, List<String> problems) {
        Optional<Resource> cluster = Manifests.ofKind(resources, "Cluster").findFirst();
        if (cluster.isEmpty()) {
            problems.add("no CloudNativePG Cluster");
            return;
        }
        URI url = URI.create(config.path("QUARKUS_DATASOURCE_JDBC_URL").asText("jdbc:").substring("jdbc:".length()));
        expect(deployment, problems, "QUARKUS_DATASOURCE_JDBC_URL host", url.getHost(), cluster.get().name() + "-rw");
        String database = url.getPath() == null ? "" : url.getPath().replaceFirst("^/", "");
        JsonNode initdb = cluster.get().at("/spec/bootstrap/initdb");
        String owner = null;
        if (database.equals(initdb.path("database").asText())) {
            owner = initdb.path("owner").asText();
        }
        for (Resource db : Manifests.ofKind(resources, "Database").toList()) {
            if (db.at("/spec/name").asText().equals(database)
                    && db.at("/spec/cluster/name").asText().equals(cluster.get().name())) {
                owner = db.at("/spec/owner").asText();
            }
        }
        if (owner == null) {
            problems.add(deployment.id() + ": database " + database + " is neither bootstrapped nor a Database resource");
            return;
        }
        String secret = null;
        if (owner.equals(initdb.path("owner").asText())) {
            secret = initdb.path("secret").path("name").asText(null);
        }
        for (JsonNode role : cluster.get().at("/spec/managed/roles")) {
            if (role.path("name").asText().equals(owner) && role.has("passwordSecret")) {
                secret = role.path("passwordSecret").path("name").asText();
            }
        }
        expect(deployment, problems, "QUARKUS_DATASOURCE_USERNAME secret (of role " + owner + ")",
                secretRef(container, "QUARKUS_DATASOURCE_USERNAME"), secret + "/username");
        expect(deployment, problems, "QUARKUS_DATASOURCE_PASSWORD secret (of role " + owner + ")",
                secretRef(container, "QUARKUS_DATASOURCE_PASSWORD"), secret + "/password");
    }

    private static void expect(Resource deployment, List<String> problems, String what, String actual, String expected) {
        if (!expected.equals(actual)) {
            problems.add(deployment.id() + ": " + what + " is " + actual + ", expected " + expected);
        }
    }

    /** {@code secret/key} of an env var read from a Secret, or null. */
    private static String secretRef(JsonNode container, String variable) {
        for (JsonNode env : container.path("env")) {
            JsonNode ref = env.path("valueFrom").path("secretKeyRef");
            if (env.path("name").asText().equals(variable) && !ref.isMissingNode()) {
                return ref.path("name").asText() + "/" + ref.path("key").asText();
            }
        }
        return null;
    }

    /** {@code secret/key} of the Secret volume item mounted at {@code file}, or null. */
    private static String secretMountedAt(Resource deployment, JsonNode container, String file) {
        for (JsonNode mount : container.path("volumeMounts")) {
            String dir = mount.path("mountPath").asText();
            if (!file.startsWith(dir + "/")) {
                continue;
            }
            String relative = file.substring(dir.length() + 1);
            for (JsonNode volume : deployment.at("/spec/template/spec/volumes")) {
                JsonNode secret = volume.path("secret");
                if (!volume.path("name").asText().equals(mount.path("name").asText()) || secret.isMissingNode()) {
                    continue;
                }
                if (!secret.has("items")) {
                    return secret.path("secretName").asText() + "/" + relative;
                }
                for (JsonNode item : secret.path("items")) {
                    if (item.path("path").asText().equals(relative)) {
                        return secret.path("secretName").asText() + "/" + item.path("key").asText();
                    }
                }
            }
        }
        return null;
    }
}
