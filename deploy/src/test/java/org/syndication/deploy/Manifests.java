package org.syndication.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/** The overlays of {@code deploy/overlays}, each rendered once per test JVM. */
final class Manifests {

    /** For {@code @MethodSource}: every overlay name. */
    static final String OVERLAYS = "org.syndication.deploy.Manifests#overlays";

    private static final YAMLMapper YAML = new YAMLMapper();
    private static final Map<String, List<Resource>> RENDERED = new ConcurrentHashMap<>();

    private Manifests() {
    }

    /** The deploy module's directory (Surefire runs in it). */
    static Path moduleDir() {
        return Path.of(System.getProperty("basedir", System.getProperty("user.dir"))).toAbsolutePath();
    }

    /** Overlay names ({@code local}, {@code production}, ...): every directory with a kustomization.yaml. */
    static List<String> overlays() {
        Path root = moduleDir().resolve("overlays");
        try (Stream<Path> dirs = Files.list(root)) {
            List<String> names = dirs.filter(dir -> Files.isRegularFile(dir.resolve("kustomization.yaml")))
                    .map(dir -> dir.getFileName().toString())
                    .sorted()
                    .toList();
            if (names.isEmpty()) {
                throw new IllegalStateException("no overlay with a kustomization.yaml under " + root);
            }
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The resources of one overlay, as {@code kubectl kustomize overlays/<name>} renders them. */
    static List<Resource> overlay(String name) {
        return RENDERED.computeIfAbsent(name,
                n -> parse("overlays/" + n, Kustomize.render(moduleDir().resolve("overlays").resolve(n))));
    }

    static List<Resource> parse(String source, String yaml) {
        List<Resource> resources = new ArrayList<>();
        try (MappingIterator<JsonNode> docs = YAML.readerFor(JsonNode.class).readValues(yaml)) {
            while (docs.hasNext()) {
                JsonNode doc = docs.next();
                if (doc != null && !doc.isNull() && !doc.isEmpty()) {
                    resources.add(Resource.of(source, doc));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("rendered YAML of " + source + " does not parse", e);
        }
        return List.copyOf(resources);
    }

    static Stream<Resource> ofKind(List<Resource> resources, String kind) {
        return resources.stream().filter(r -> r.kind().equals(kind));
    }
}
