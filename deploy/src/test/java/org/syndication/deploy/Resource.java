package org.syndication.deploy;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One rendered Kubernetes object.
 *
 * @param source the overlay it was rendered from
 * @param tree   the object as parsed from YAML, untyped
 */
record Resource(String source, String apiVersion, String kind, String name, JsonNode tree) {

    static Resource of(String source, JsonNode tree) {
        return new Resource(source, tree.path("apiVersion").asText(""), tree.path("kind").asText(""),
                tree.path("metadata").path("name").asText(""), tree);
    }

    /** The API group, empty for the core group ({@code v1}). */
    String group() {
        int slash = apiVersion.indexOf('/');
        return slash < 0 ? "" : apiVersion.substring(0, slash);
    }

    /** The node at a JSON pointer, a missing node when absent. */
    JsonNode at(String pointer) {
        return tree.at(pointer);
    }

    String label(String key) {
        return tree.path("metadata").path("labels").path(key).asText(null);
    }

    /** For messages: {@code Deployment/feed-service in overlays/local}. */
    String id() {
        return kind + "/" + name + " in " + source;
    }

    Resource withTree(JsonNode newTree) {
        return Resource.of(source, newTree);
    }
}
