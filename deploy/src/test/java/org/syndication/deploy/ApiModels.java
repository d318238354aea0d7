package org.syndication.deploy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.openshift.api.model.monitoring.v1.PodMonitor;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Checks a rendered object against the published Java models of its API: fabric8's Kubernetes model for the
 * built-in kinds, Strimzi's {@code io.strimzi:api} for the Kafka kinds, {@link CloudNativePg} (by hand, no
 * Maven artifact exists) for PostgreSQL. A kind without a model is an error, so nothing goes unchecked.
 */
final class ApiModels {

    /** {@code apiVersion/kind} to model class, for the kinds deploy/ uses. A new kind needs an entry here. */
    private static final Map<String, Class<? extends HasMetadata>> MODELS = Map.ofEntries(
            model("v1", "Namespace", Namespace.class),
            model("v1", "ServiceAccount", ServiceAccount.class),
            model("v1", "ConfigMap", ConfigMap.class),
            model("v1", "Service", Service.class),
            model("apps/v1", "Deployment", Deployment.class),
            model("autoscaling/v2", "HorizontalPodAutoscaler", HorizontalPodAutoscaler.class),
            model("policy/v1", "PodDisruptionBudget", PodDisruptionBudget.class),
            model("networking.k8s.io/v1", "Ingress", Ingress.class),
            model("networking.k8s.io/v1", "NetworkPolicy", NetworkPolicy.class),
            model("kafka.strimzi.io/v1", "Kafka", Kafka.class),
            model("kafka.strimzi.io/v1", "KafkaNodePool", KafkaNodePool.class),
            model("kafka.strimzi.io/v1", "KafkaTopic", KafkaTopic.class),
            model("kafka.strimzi.io/v1", "KafkaUser", KafkaUser.class),
            model("monitoring.coreos.com/v1", "PodMonitor", PodMonitor.class),
            model("monitoring.coreos.com/v1", "PrometheusRule", PrometheusRule.class));

    /**
     * Both model libraries keep unknown fields in an {@code additionalProperties} map (a Jackson any-setter), which
     * would swallow a misspelt field. Without any-setters, FAIL_ON_UNKNOWN_PROPERTIES reports it with its path.
     */
    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            // Kubernetes' JSON decoding does not coerce: an unquoted 587 where a string belongs is rejected at apply
            .withCoercionConfig(LogicalType.Textual, textual -> textual
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
            .withCoercionConfig(LogicalType.Integer, integer -> integer
                    .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail))
            .withCoercionConfig(LogicalType.Boolean, bool -> bool
                    .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail))
            .annotationIntrospector(new JacksonAnnotationIntrospector() {
                @Override
                public Boolean hasAnySetter(Annotated annotated) {
                    return Boolean.FALSE;
                }
            })
            .build();

    private ApiModels() {
    }

    /** Every problem found in {@code resource}, as one readable line each; empty when it matches its model. */
    static List<String> check(Resource resource) {
        if (resource.group().equals(CloudNativePg.GROUP)) {
            return CloudNativePg.check(resource);
        }
        String key = resource.apiVersion() + "/" + resource.kind();
        Class<? extends HasMetadata> model = MODELS.get(key);
        if (model == null) {
            return List.of(resource.id() + ": no API model for " + key + "; known: "
                    + MODELS.keySet().stream().sorted().collect(Collectors.joining(", ")));
        }
        List<String> problems = new ArrayList<>();
        try {
            STRICT.treeToValue(resource.tree(), model);
        } catch (JsonProcessingException e) {
            problems.add(resource.id() + ": " + describe(e));
        }
        if (resource.group().equals(StrimziV1.GROUP)) {
            problems.addAll(StrimziV1.check(resource));
        }
        if (resource.name().isEmpty()) {
            problems.add(resource.id() + ": metadata.name is missing");
        }
        return problems;
    }

    /** Checks the part of {@code resource} at a dotted path against a model class, e.g. metadata as ObjectMeta. */
    static List<String> checkAs(Resource resource, String dottedPath, Class<?> model) {
        JsonNode node = resource.at("/" + dottedPath.replace('.', '/'));
        if (node.isMissingNode()) {
            return List.of();
        }
        try {
            STRICT.treeToValue(node, model);
            return List.of();
        } catch (JsonProcessingException e) {
            return List.of(resource.id() + ": " + dottedPath + ": " + describe(e));
        }
    }

    private static String describe(JsonProcessingException e) {
        String path = e instanceof JsonMappingException mapping ? path(mapping) : "";
        if (e instanceof UnrecognizedPropertyException unknown) {
            return "unknown field '" + unknown.getPropertyName() + "' at " + parentOf(path) + " (misspelt, or not in this API version)";
        }
        return "does not match the model at " + path + ": " + e.getOriginalMessage();
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String parentOf(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? "the top level" : path.substring(0, dot);
    }

    private static Map.Entry<String, Class<? extends HasMetadata>> model(String apiVersion, String kind,
                                                                         Class<? extends HasMetadata> type) {
        // fabric8 declares the API version of each class (@Group/@Version); Strimzi's classes serve several versions.
        String declared = type.getName().startsWith("io.fabric8.") ? HasMetadata.getApiVersion(type) : apiVersion;
        if (!apiVersion.equals(declared)) {
            throw new IllegalStateException(type.getName() + " models " + declared + ", not " + apiVersion);
        }
        return Map.entry(apiVersion + "/" + kind, type);
    }
}
