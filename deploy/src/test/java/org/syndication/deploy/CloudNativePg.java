package org.syndication.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ResourceRequirements;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * CloudNativePG publishes no Java model on Maven Central, so its {@code Cluster} and {@code Database} are
 * checked by hand: the required fields, the allowed field names of every object deploy/ fills in (CloudNativePG
 * 1.27 API reference, postgresql.cnpg.io/v1) and the enumerations. Kubernetes types inside (metadata,
 * resources) go through the fabric8 model like everything else.
 */
final class CloudNativePg {

    static final String GROUP = "postgresql.cnpg.io";

    private static final Set<String> TOP_LEVEL = Set.of("apiVersion", "kind", "metadata", "spec");
    private static final Set<String> CLUSTER_SPEC = Set.of("affinity", "backup", "bootstrap", "certificates",
            "description", "enablePDB", "enableSuperuserAccess", "env", "envFrom", "ephemeralVolumeSource",
            "ephemeralVolumesSizeLimit", "externalClusters", "failoverDelay", "imageCatalogRef", "imageName",
            "imagePullPolicy", "imagePullSecrets", "inheritedMetadata", "instances", "livenessProbeTimeout",
            "logLevel", "managed", "maxSyncReplicas", "minSyncReplicas", "monitoring", "nodeMaintenanceWindow",
            "plugins", "podSecurityContext", "postgresGID", "postgresUID", "postgresql", "primaryUpdateMethod",
            "primaryUpdateStrategy", "priorityClassName", "probes", "projectedVolumeTemplate", "replica",
            "replicationSlots", "resources", "schedulerName", "seccompProfile", "securityContext",
            "serviceAccountName", "serviceAccountTemplate", "smartShutdownTimeout", "startDelay", "stopDelay",
            "storage", "superuserSecret", "switchoverDelay", "tablespaces", "topologySpreadConstraints",
            "walStorage");
    private static final Set<String> STORAGE = Set.of("pvcTemplate", "resizeInUseVolumes", "size", "storageClass");
    private static final Set<String> POSTGRESQL = Set.of("enableAlterSystem", "extensions", "ldap", "parameters",
            "pg_hba", "pg_ident", "promotionTimeout", "shared_preload_libraries", "syncReplicaElectionConstraint",
            "synchronous");
    private static final Set<String> BOOTSTRAP = Set.of("initdb", "pg_basebackup", "recovery");
    private static final Set<String> INITDB = Set.of("builtinLocale", "dataChecksums", "database", "encoding",
            "icuLocale", "icuRules", "import", "locale", "localeCType", "localeCollate", "localeProvider", "options",
            "owner", "postInitApplicationSQL", "postInitApplicationSQLRefs", "postInitSQL", "postInitSQLRefs",
            "postInitTemplateSQL", "postInitTemplateSQLRefs", "secret", "walSegmentSize");
    private static final Set<String> MANAGED = Set.of("roles", "services");
    private static final Set<String> ROLE = Set.of("bypassrls", "comment", "connectionLimit", "createdb",
            "createrole", "disablePassword", "ensure", "inRoles", "inherit", "login", "name", "passwordSecret",
            "replication", "superuser", "validUntil");
    private static final Set<String> SECRET_REF = Set.of("name");
    private static final Set<String> DATABASE_SPEC = Set.of("allowConnections", "builtinLocale", "cluster",
            "collationVersion", "connectionLimit", "databaseReclaimPolicy", "encoding", "ensure", "extensions",
            "fdws", "icuLocale", "icuRules", "isTemplate", "locale", "localeCType", "localeCollate",
            "localeProvider", "name", "owner", "schemas", "servers", "tablespace", "template");
    private static final Set<String> ENSURE = Set.of("present", "absent");

    private CloudNativePg() {
    }

    static List<String> check(Resource resource) {
        Problems problems = new Problems(resource);
        if (!resource.apiVersion().equals(GROUP + "/v1")) {
            problems.add("apiVersion must be " + GROUP + "/v1");
        }
        problems.onlyFields("", resource.tree(), TOP_LEVEL);
        problems.addAll(ApiModels.checkAs(resource, "metadata", ObjectMeta.class));
        if (resource.name().isEmpty()) {
            problems.add("metadata.name is required");
        }
        JsonNode spec = resource.at("/spec");
        if (!spec.isObject()) {
            problems.add("spec is required");
            return problems.list();
        }
        switch (resource.kind()) {
            case "Cluster" -> cluster(resource, spec, problems);
            case "Database" -> database(spec, problems);
            default -> problems.add("no API model for " + resource.apiVersion() + "/" + resource.kind());
        }
        return problems.list();
    }

    private static void cluster(Resource resource, JsonNode spec, Problems problems) {
        problems.onlyFields("spec", spec, CLUSTER_SPEC);
        JsonNode instances = spec.path("instances");
        if (!instances.isInt() || instances.asInt() < 1) {
            problems.add("spec.instances is required: an integer of at least 1");
        }
        JsonNode storage = spec.path("storage");
        problems.onlyFields("spec.storage", storage, STORAGE);
        if (!storage.has("size") && !storage.has("pvcTemplate")) {
            problems.add("spec.storage.size (or spec.storage.pvcTemplate) is required");
        }
        problems.quantity("spec.storage.size", storage.path("size"));
        if (spec.has("resources")) {
            problems.addAll(ApiModels.checkAs(resource, "spec.resources", ResourceRequirements.class));
        }
        problems.oneOf("spec.primaryUpdateStrategy", spec.path("primaryUpdateStrategy"), Set.of("unsupervised", "supervised"));
        problems.oneOf("spec.primaryUpdateMethod", spec.path("primaryUpdateMethod"), Set.of("switchover", "restart"));
        problems.bool("spec.enableSuperuserAccess", spec.path("enableSuperuserAccess"));

        JsonNode postgresql = spec.path("postgresql");
        problems.onlyFields("spec.postgresql", postgresql, POSTGRESQL);
        for (Iterator<String> it = postgresql.path("parameters").fieldNames(); it.hasNext(); ) {
            String parameter = it.next();
            if (!postgresql.path("parameters").path(parameter).isTextual()) {
                problems.add("spec.postgresql.parameters." + parameter + " must be a string (quote it)");
            }
        }

        JsonNode bootstrap = spec.path("bootstrap");
        problems.onlyFields("spec.bootstrap", bootstrap, BOOTSTRAP);
        if (bootstrap.size() > 1) {
            problems.add("spec.bootstrap takes one method only, not " + bootstrap.size());
        }
        JsonNode initdb = bootstrap.path("initdb");
        problems.onlyFields("spec.bootstrap.initdb", initdb, INITDB);
        if (initdb.has("owner") != initdb.has("database")) {
            problems.add("spec.bootstrap.initdb needs database and owner together");
        }
        problems.secretRef("spec.bootstrap.initdb.secret", initdb.path("secret"));

        JsonNode managed = spec.path("managed");
        problems.onlyFields("spec.managed", managed, MANAGED);
        int index = 0;
        for (JsonNode role : managed.path("roles")) {
            String at = "spec.managed.roles[" + index++ + "]";
            problems.onlyFields(at, role, ROLE);
            if (!role.path("name").isTextual() || role.path("name").asText().isEmpty()) {
                problems.add(at + ".name is required");
            }
            problems.oneOf(at + ".ensure", role.path("ensure"), ENSURE);
            for (String flag : List.of("login", "superuser", "createdb", "createrole", "inherit", "replication",
                    "bypassrls", "disablePassword")) {
                problems.bool(at + "." + flag, role.path(flag));
            }
            problems.secretRef(at + ".passwordSecret", role.path("passwordSecret"));
        }
    }

    private static void database(JsonNode spec, Problems problems) {
        problems.onlyFields("spec", spec, DATABASE_SPEC);
        for (String required : List.of("name", "owner")) {
            if (!spec.path(required).isTextual() || spec.path(required).asText().isEmpty()) {
                problems.add("spec." + required + " is required");
            }
        }
        if (!spec.path("cluster").path("name").isTextual()) {
            problems.add("spec.cluster.name is required");
        }
        problems.onlyFields("spec.cluster", spec.path("cluster"), SECRET_REF);
        problems.oneOf("spec.ensure", spec.path("ensure"), ENSURE);
        problems.oneOf("spec.databaseReclaimPolicy", spec.path("databaseReclaimPolicy"), Set.of("retain", "delete"));
    }

    /** Collects messages prefixed with the resource id. */
    private static final class Problems {
        private final Resource resource;
        private final List<String> list = new ArrayList<>();

        Problems(Resource resource) {
            this.resource = resource;
        }

        void add(String problem) {
            list.add(resource.id() + ": " + problem);
        }

        void addAll(List<String> problems) {
            list.addAll(problems);
        }

        List<String> list() {
            return List.copyOf(list);
        }

        void onlyFields(String at, JsonNode node, Set<String> allowed) {
            if (node.isMissingNode()) {
                return;
            }
            if (!node.isObject()) {
                add((at.isEmpty() ? "the document" : at) + " must be an object");
                return;
            }
            Set<String> unknown = new TreeSet<>();
            node.fieldNames().forEachRemaining(field -> {
                if (!allowed.contains(field)) {
                    unknown.add(field);
                }
            });
            for (String field : unknown) {
                add("unknown field '" + field + "' at " + (at.isEmpty() ? "the top level" : at)
                        + " (misspelt, or not in " + GROUP + "/v1)");
            }
        }

        void oneOf(String at, JsonNode node, Set<String> values) {
            if (!node.isMissingNode() && !values.contains(node.asText())) {
                add(at + " must be one of " + new TreeSet<>(values) + ", not " + node.asText());
            }
        }

        void bool(String at, JsonNode node) {
            if (!node.isMissingNode() && !node.isBoolean()) {
                add(at + " must be a boolean");
            }
        }

        void quantity(String at, JsonNode node) {
            if (!node.isMissingNode() && !node.asText().matches("[0-9]+(\\.[0-9]+)?(Ki|Mi|Gi|Ti|Pi|k|M|G|T|P)?")) {
                add(at + " is not a quantity: " + node.asText());
            }
        }

        void secretRef(String at, JsonNode node) {
            if (node.isMissingNode()) {
                return;
            }
            onlyFields(at, node, SECRET_REF);
            if (!node.path("name").isTextual()) {
                add(at + ".name is required");
            }
        }
    }
}
