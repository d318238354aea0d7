package org.syndication.deploy;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rules every service workload follows (style guide, section 10): one name everywhere, probes on the
 * Quarkus health endpoints, requests and limits, the restricted security context, graceful shutdown, and
 * credentials only from Secrets that are never part of deploy/.
 */
final class WorkloadRules {

    static final String NAME_LABEL = "app.kubernetes.io/name";

    private static final Map<String, String> PROBES = Map.of(
            "startupProbe", "/q/health/started",
            "readinessProbe", "/q/health/ready",
            "livenessProbe", "/q/health/live");

    /** Non-heap memory a Quarkus JVM needs besides the heap (metaspace, threads, code cache, direct buffers). */
    private static final long MIN_NON_HEAP_BYTES = 96L * 1024 * 1024;

    private WorkloadRules() {
    }

    static List<String> check(List<Resource> resources, List<ServiceModule> modules) {
        List<String> problems = new ArrayList<>();
        Manifests.ofKind(resources, "Secret").forEach(secret -> problems.add(
                secret.id() + ": Secrets are never committed; reference them by name and create them (README)"));
        for (ServiceModule module : modules) {
            Optional<Resource> deployment = find(resources, "Deployment", module.name());
            if (deployment.isEmpty()) {
                problems.add(module.name() + ": no Deployment named after the module in " + source(resources));
                continue;
            }
            problems.addAll(new Check(resources, module, deployment.get()).run());
        }
        Manifests.ofKind(resources, "Deployment")
                .filter(d -> modules.stream().noneMatch(m -> m.name().equals(d.name())))
                .forEach(d -> problems.add(d.id() + ": not named after a service module " + ServiceModule.SERVICES));
        return problems;
    }

    static Optional<Resource> find(List<Resource> resources, String kind, String name) {
        return Manifests.ofKind(resources, kind).filter(r -> r.name().equals(name)).findFirst();
    }

    private static String source(List<Resource> resources) {
        return resources.isEmpty() ? "(nothing rendered)" : resources.get(0).source();
    }

    /** The checks of one Deployment and the objects around it. */
    private static final class Check {
        private final List<Resource> resources;
        private final ServiceModule module;
        private final Resource deployment;
        private final String name;
        private final List<String> problems = new ArrayList<>();

        Check(List<Resource> resources, ServiceModule module, Resource deployment) {
            this.resources = resources;
            this.module = module;
            this.deployment = deployment;
            this.name = module.name();
        }

        List<String> run() {
            if (!name.equals(module.applicationName())) {
                problem("quarkus.application.name is '" + module.applicationName() + "', not the module name");
            }
            names();
            JsonNode pod = deployment.at("/spec/template/spec");
            JsonNode containers = pod.path("containers");
            if (containers.size() != 1) {
                problem("expected exactly one container, found " + containers.size());
                return problems;
            }
            JsonNode container = containers.get(0);
            image(container);
            probes(container);
            resources(container);
            security(pod, container);
            shutdown(pod, container);
            configuration(pod, container);
            service();
            return problems;
        }

        private void problem(String text) {
            problems.add(deployment.id() + ": " + text);
        }

        private void names() {
            if (!name.equals(deployment.label(NAME_LABEL))) {
                problem("label " + NAME_LABEL + " must be " + name);
            }
            JsonNode selector = deployment.at("/spec/selector/matchLabels");
            if (selector.size() != 1 || !name.equals(selector.path(NAME_LABEL).asText())) {
                problem("selector must be only " + NAME_LABEL + "=" + name + ", found " + selector);
            }
            if (!name.equals(deployment.at("/spec/template/metadata/labels").path(NAME_LABEL).asText())) {
                problem("pod template label " + NAME_LABEL + " must be " + name);
            }
        }

        private void image(JsonNode container) {
            if (!name.equals(container.path("name").asText())) {
                problem("container must be named " + name + ", not " + container.path("name").asText());
            }
            String image = container.path("image").asText();
            String repository = image.contains("@") ? image.substring(0, image.indexOf('@')) : image;
            String tag = "";
            int colon = repository.lastIndexOf(':');
            if (colon > repository.lastIndexOf('/')) {
                tag = repository.substring(colon + 1);
                repository = repository.substring(0, colon);
            }
            String imageName = repository.substring(repository.lastIndexOf('/') + 1);
            if (!imageName.equals(name)) {
                problem("image '" + image + "' does not match the service: its name must be " + name);
            }
            if (!image.contains("@") && (tag.isEmpty() || tag.equals("latest"))) {
                problem("image '" + image + "' needs a version tag or digest (not latest)");
            }
        }

        private void probes(JsonNode container) {
            PROBES.forEach((probe, path) -> {
                JsonNode http = container.path(probe).path("httpGet");
                if (http.isMissingNode()) {
                    problem("no " + probe + " (httpGet " + path + ")");
                    return;
                }
                if (!path.equals(http.path("path").asText())) {
                    problem(probe + " must GET " + path + ", not " + http.path("path").asText());
                }
                Integer port = containerPort(container, http.path("port"));
                if (port == null || port != module.httpPort()) {
                    problem(probe + " port " + http.path("port").asText() + " is not quarkus.http.port " + module.httpPort());
                }
            });
        }

        private void resources(JsonNode container) {
            JsonNode resources = container.path("resources");
            for (String kind : List.of("requests", "limits")) {
                for (String resource : List.of("cpu", "memory")) {
                    if (resources.path(kind).path(resource).isMissingNode()) {
                        problem("no resources." + kind + "." + resource);
                    }
                }
            }
            JsonNode limit = resources.path("limits").path("memory");
            JsonNode request = resources.path("requests").path("memory");
            if (limit.isMissingNode() || request.isMissingNode()) {
                return;
            }
            long limitBytes = Quantities.bytes(limit.asText());
            if (Quantities.bytes(request.asText()) > limitBytes) {
                problem("memory request " + request.asText() + " is above the limit " + limit.asText());
            }
            String ratio = env(container, "JAVA_MAX_MEM_RATIO");
            if (ratio == null) {
                problem("set JAVA_MAX_MEM_RATIO (run-java.sh turns it into -XX:MaxRAMPercentage)");
            } else if (limitBytes - limitBytes * Integer.parseInt(ratio) / 100 < MIN_NON_HEAP_BYTES) {
                problem("JAVA_MAX_MEM_RATIO " + ratio + "% of " + limit.asText() + " leaves under 96Mi for non-heap memory");
            }
        }

        private void security(JsonNode pod, JsonNode container) {
            JsonNode podContext = pod.path("securityContext");
            JsonNode context = container.path("securityContext");
            if (!podContext.path("runAsNonRoot").asBoolean(false) && !context.path("runAsNonRoot").asBoolean(false)) {
                problem("runAsNonRoot must be true");
            }
            String seccomp = context.path("seccompProfile").path("type").asText(podContext.path("seccompProfile").path("type").asText());
            if (!seccomp.equals("RuntimeDefault")) {
                problem("seccompProfile must be RuntimeDefault");
            }
            if (!context.path("allowPrivilegeEscalation").isBoolean() || context.path("allowPrivilegeEscalation").asBoolean()) {
                problem("allowPrivilegeEscalation must be false");
            }
            if (!context.path("readOnlyRootFilesystem").asBoolean(false)) {
                problem("readOnlyRootFilesystem must be true");
            }
            if (context.path("privileged").asBoolean(false)) {
                problem("must not be privileged");
            }
            boolean dropsAll = false;
            for (JsonNode dropped : context.path("capabilities").path("drop")) {
                dropsAll |= dropped.asText().equals("ALL");
            }
            if (!dropsAll || context.path("capabilities").path("add").size() > 0) {
                problem("capabilities must drop ALL and add none");
            }
            String tmpVolume = null;
            for (JsonNode mount : container.path("volumeMounts")) {
                if (mount.path("mountPath").asText().equals("/tmp")) {
                    tmpVolume = mount.path("name").asText();
                }
            }
            boolean tmpIsEmptyDir = false;
            for (JsonNode volume : pod.path("volumes")) {
                tmpIsEmptyDir |= volume.path("name").asText().equals(tmpVolume) && volume.has("emptyDir");
            }
            if (!tmpIsEmptyDir) {
                problem("/tmp must be an emptyDir volume (the root filesystem is read-only)");
            }
            if (!name.equals(pod.path("serviceAccountName").asText())) {
                problem("serviceAccountName must be " + name);
            } else if (find(resources, "ServiceAccount", name).isEmpty()) {
                problem("ServiceAccount " + name + " is missing");
            }
            if (pod.path("automountServiceAccountToken").asBoolean(true)) {
                problem("automountServiceAccountToken must be false (the services never call the Kubernetes API)");
            }
        }

        private void shutdown(JsonNode pod, JsonNode container) {
            String timeout = configMapValue("QUARKUS_SHUTDOWN_TIMEOUT");
            if (timeout == null) {
                problem("ConfigMap " + name + "-config must set QUARKUS_SHUTDOWN_TIMEOUT (graceful shutdown)");
                return;
            }
            long grace = pod.path("terminationGracePeriodSeconds").asLong(30);
            long preStop = container.path("lifecycle").path("preStop").path("sleep").path("seconds").asLong(0);
            if (preStop + Quantities.duration(timeout).getSeconds() >= grace) {
                problem("terminationGracePeriodSeconds " + grace + " must exceed the preStop pause (" + preStop
                        + " s) plus quarkus.shutdown.timeout " + timeout);
            }
        }

        private void configuration(JsonNode pod, JsonNode container) {
            boolean readsConfigMap = false;
            for (JsonNode from : container.path("envFrom")) {
                readsConfigMap |= from.path("configMapRef").path("name").asText().equals(name + "-config");
            }
            if (!readsConfigMap) {
                problem("must read the ConfigMap " + name + "-config (envFrom)");
            }
            Optional<Resource> configMap = find(resources, "ConfigMap", name + "-config");
            if (configMap.isEmpty()) {
                problem("ConfigMap " + name + "-config is missing");
            } else {
                for (Iterator<String> keys = configMap.get().at("/data").fieldNames(); keys.hasNext(); ) {
                    String key = keys.next();
                    if (!key.matches("[A-Z_][A-Z0-9_]*")) {
                        problem("ConfigMap key " + key + " is not an environment variable name");
                    }
                }
            }
            for (JsonNode env : container.path("env")) {
                if (env.path("valueFrom").has("configMapKeyRef")) {
                    problem(env.path("name").asText() + ": read settings through envFrom, not configMapKeyRef");
                }
            }
            for (JsonNode volume : pod.path("volumes")) {
                String configMapName = volume.path("configMap").path("name").asText(null);
                if (configMapName != null && find(resources, "ConfigMap", configMapName).isEmpty()) {
                    problem("volume " + volume.path("name").asText() + " mounts a missing ConfigMap " + configMapName);
                }
            }
        }

        private void service() {
            Optional<Resource> service = find(resources, "Service", name);
            if (service.isEmpty()) {
                problem("Service " + name + " is missing");
                return;
            }
            JsonNode selector = service.get().at("/spec/selector");
            if (selector.size() != 1 || !name.equals(selector.path(NAME_LABEL).asText())) {
                problems.add(service.get().id() + ": selector must be only " + NAME_LABEL + "=" + name);
            }
            JsonNode container = deployment.at("/spec/template/spec/containers/0");
            for (JsonNode port : service.get().at("/spec/ports")) {
                Integer target = containerPort(container, port.has("targetPort") ? port.path("targetPort") : port.path("port"));
                if (target == null || target != module.httpPort()) {
                    problems.add(service.get().id() + ": port " + port.path("name").asText()
                            + " does not reach quarkus.http.port " + module.httpPort());
                }
            }
        }

        /** Resolves a port given by number or by name against the container's ports. */
        private static Integer containerPort(JsonNode container, JsonNode port) {
            if (port.isInt()) {
                return port.asInt();
            }
            for (JsonNode declared : container.path("ports")) {
                if (declared.path("name").asText().equals(port.asText())) {
                    return declared.path("containerPort").asInt();
                }
            }
            return null;
        }

        private static String env(JsonNode container, String variable) {
            for (JsonNode env : container.path("env")) {
                if (env.path("name").asText().equals(variable)) {
                    return env.path("value").asText(null);
                }
            }
            return null;
        }

        private String configMapValue(String key) {
            return find(resources, "ConfigMap", name + "-config")
                    .map(c -> c.at("/data/" + key).asText(null))
                    .orElse(null);
        }
    }

    /** Kubernetes quantities and Quarkus durations, as far as deploy/ writes them. */
    static final class Quantities {
        private static final Map<String, Long> BINARY = Map.of("Ki", 1L << 10, "Mi", 1L << 20, "Gi", 1L << 30, "Ti", 1L << 40);
        private static final Map<String, Long> DECIMAL = Map.of("k", 1_000L, "M", 1_000_000L, "G", 1_000_000_000L);

        private Quantities() {
        }

        static long bytes(String quantity) {
            for (Map.Entry<String, Long> unit : BINARY.entrySet()) {
                if (quantity.endsWith(unit.getKey())) {
                    return Long.parseLong(quantity.substring(0, quantity.length() - 2)) * unit.getValue();
                }
            }
            for (Map.Entry<String, Long> unit : DECIMAL.entrySet()) {
                if (quantity.endsWith(unit.getKey())) {
                    return Long.parseLong(quantity.substring(0, quantity.length() - 1)) * unit.getValue();
                }
            }
            return Long.parseLong(quantity);
        }

        /** {@code 30s}, {@code 1m}, {@code PT30S} or a number of seconds, as Quarkus reads a Duration. */
        static Duration duration(String value) {
            String v = value.trim();
            if (v.startsWith("P") || v.startsWith("p")) {
                return Duration.parse(v);
            }
            if (v.matches("[0-9]+")) {
                return Duration.ofSeconds(Long.parseLong(v));
            }
            return Duration.parse("PT" + v.toUpperCase());
        }
    }
}
