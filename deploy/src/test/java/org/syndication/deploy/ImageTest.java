package org.syndication.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service images that {@code ./mvnw -Pimages package} writes to {@code <service>/target/<service>-<version>-oci.tar},
 * read as plain files: the OCI index, manifest and config (JSON), and the layers (gzip'ed tar) unpacked into a
 * temporary directory. No container runtime is involved. Runs only in the {@code images} profile (tag "images"),
 * after the service modules have built their images in the same reactor.
 */
@Tag("images")
class ImageTest {

    static final List<String> SERVICES = ServiceModule.SERVICES;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ENTRYPOINT = "/opt/jboss/container/java/run/run-java.sh";

    @ParameterizedTest
    @FieldSource("SERVICES")
    void theImageRunsTheServiceAsANonRootUserOnItsPort(String service) throws IOException {
        OciImage image = OciImage.read(archive(service));
        JsonNode config = image.config().path("config");

        assertThat(image.refName()).isEqualTo(service + ":" + image.label("org.opencontainers.image.version"));
        assertThat(config.path("User").asText()).isEqualTo("185");
        assertThat(JSON.convertValue(config.path("Entrypoint"), List.class)).containsExactly(ENTRYPOINT);
        assertThat(config.path("WorkingDir").asText()).isEqualTo("/deployments");
        int port = ServiceModule.load(service).httpPort();
        assertThat(names(config.path("ExposedPorts"))).containsExactly(port + "/tcp");
        assertThat(image.env()).containsEntry("JAVA_APP_JAR", "/deployments/quarkus-run.jar");
        assertThat(image.env().get("JAVA_OPTS_APPEND")).contains("-XX:+ExitOnOutOfMemoryError", "-Dquarkus.http.host=0.0.0.0",
                "-Djdk.nio.maxCachedBufferSize=262144");
    }

    @ParameterizedTest
    @FieldSource("SERVICES")
    void theImageCarriesTheOpenContainersLabels(String service) throws IOException {
        OciImage image = OciImage.read(archive(service));

        assertThat(image.label("org.opencontainers.image.title")).isEqualTo(service);
        assertThat(image.label("org.opencontainers.image.version")).matches("\\d+\\.\\d+\\.\\d+.*");
        assertThat(image.label("org.opencontainers.image.source")).isNotBlank();
        assertThat(image.label("org.opencontainers.image.licenses")).isNotBlank();
        // a 40-hex commit when built from a git checkout, "unknown" from a source tarball
        assertThat(image.label("org.opencontainers.image.revision")).matches("[0-9a-f]{40}|unknown");
    }

    @ParameterizedTest
    @FieldSource("SERVICES")
    void theJavaInTheImageStartsWithTheHeapRatioTheDeploymentSets(String service, @TempDir Path root)
            throws IOException, InterruptedException {
        OciImage image = OciImage.read(archive(service));
        image.unpackLayers(root);

        Path javaHome = root.resolve("opt/java");
        String release = Files.readString(javaHome.resolve("release"));
        String javaVersion = image.env().get("JAVA_VERSION");
        assertThat(release).contains("JAVA_VERSION=\"" + javaVersion + "\"");
        // the services are compiled for Java 17; the runtime may be newer, never older
        assertThat(Integer.parseInt(javaVersion.split("[.+]")[0])).isGreaterThanOrEqualTo(17);
        assertThat(root.resolve("deployments/quarkus-run.jar")).isRegularFile();
        assertThat(Files.readAllLines(root.resolve("etc/passwd"))).anyMatch(line -> line.split(":")[2].equals("185"));

        // The image's own entrypoint and JVM, run from the unpacked layers on this (Linux, glibc) host with the
        // ratio the Deployment sets: run-java.sh must turn JAVA_MAX_MEM_RATIO into -XX:MaxRAMPercentage.
        String ratio = deploymentEnv(service, "JAVA_MAX_MEM_RATIO");
        assertThat(root.resolve(ENTRYPOINT.substring(1))).isExecutable();
        ProcessBuilder entrypoint = new ProcessBuilder("/bin/sh", root.resolve(ENTRYPOINT.substring(1)).toString())
                .redirectErrorStream(true);
        entrypoint.environment().putAll(image.env());
        entrypoint.environment().put("JAVA_HOME", javaHome.toString());
        entrypoint.environment().put("JAVA_MAX_MEM_RATIO", ratio);
        entrypoint.environment().put("JAVA_OPTS", "-XX:+PrintFlagsFinal -version");
        entrypoint.environment().put("JAVA_APP_JAR", root.resolve("deployments/quarkus-run.jar").toString());
        Process process = entrypoint.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).containsPattern("double MaxRAMPercentage\\s+= " + ratio + "\\.0+ ")
                .contains("version \"" + javaVersion + "\"");
    }

    private static Path archive(String service) throws IOException {
        Path target = Manifests.moduleDir().resolveSibling(service).resolve("target");
        List<Path> archives;
        try (Stream<Path> files = Files.exists(target) ? Files.list(target) : Stream.empty()) {
            archives = files.filter(f -> f.getFileName().toString().matches(service + "-.+-oci\\.tar")).toList();
        }
        assertThat(archives)
                .as("one image archive in %s: build it with ./mvnw -Pimages package -pl %s -am", target, service)
                .hasSize(1);
        return archives.get(0);
    }

    private static String deploymentEnv(String service, String variable) {
        Resource deployment = WorkloadRules.find(Manifests.overlay("production"), "Deployment", service).orElseThrow();
        for (JsonNode env : deployment.at("/spec/template/spec/containers/0/env")) {
            if (env.path("name").asText().equals(variable)) {
                return env.path("value").asText();
            }
        }
        throw new AssertionError("the " + service + " Deployment sets no " + variable);
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** An OCI image layout in one tar, as deploy/image/oci-archive-docker writes it. */
    record OciImage(Map<String, byte[]> files, JsonNode index, JsonNode manifest, JsonNode config) {

        static OciImage read(Path archive) throws IOException {
            Map<String, byte[]> files = new HashMap<>();
            try (TarArchiveInputStream tar = new TarArchiveInputStream(Files.newInputStream(archive))) {
                for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                    if (entry.isFile()) {
                        files.put(entry.getName().replaceFirst("^\\./", ""), tar.readAllBytes());
                    }
                }
            }
            assertThat(files).containsKeys("oci-layout", "index.json");
            JsonNode index = JSON.readTree(files.get("index.json"));
            assertThat(index.path("manifests")).hasSize(1);
            JsonNode manifest = JSON.readTree(blob(files, index.at("/manifests/0")));
            JsonNode config = JSON.readTree(blob(files, manifest.path("config")));
            return new OciImage(files, index, manifest, config);
        }

        /** A blob named by its descriptor, checked against the descriptor's size and digest. */
        private static byte[] blob(Map<String, byte[]> files, JsonNode descriptor) {
            String digest = descriptor.path("digest").asText();
            byte[] bytes = files.get("blobs/sha256/" + digest.substring("sha256:".length()));
            assertThat(bytes).as(digest).isNotNull();
            assertThat((long) bytes.length).isEqualTo(descriptor.path("size").asLong());
            assertThat("sha256:" + sha256(bytes)).isEqualTo(digest);
            return bytes;
        }

        String refName() {
            return index.at("/manifests/0/annotations").path("org.opencontainers.image.ref.name").asText();
        }

        String label(String name) {
            return config.at("/config/Labels").path(name).asText();
        }

        Map<String, String> env() {
            Map<String, String> env = new HashMap<>();
            for (JsonNode variable : config.at("/config/Env")) {
                String[] pair = variable.asText().split("=", 2);
                env.put(pair[0], pair[1]);
            }
            return env;
        }

        /** Unpacks the layers in order (regular files, directories, symbolic links; the image has no whiteouts). */
        void unpackLayers(Path root) throws IOException {
            JsonNode layers = manifest.path("layers");
            assertThat(layers).hasSize(config.at("/rootfs/diff_ids").size());
            for (JsonNode layer : layers) {
                assertThat(layer.path("mediaType").asText()).isEqualTo("application/vnd.oci.image.layer.v1.tar+gzip");
                try (TarArchiveInputStream tar = new TarArchiveInputStream(
                        new GZIPInputStream(new ByteArrayInputStream(blob(files, layer))))) {
                    for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                        unpack(root, entry, tar);
                    }
                }
            }
        }

        private static void unpack(Path root, TarArchiveEntry entry, InputStream content) throws IOException {
            Path target = root.resolve(entry.getName().replaceFirst("^\\.?/", "")).normalize();
            assertThat(target).startsWithRaw(root);
            if (entry.isDirectory()) {
                Files.createDirectories(target);
            } else if (entry.isSymbolicLink()) {
                Files.createDirectories(target.getParent());
                Files.deleteIfExists(target);
                Files.createSymbolicLink(target, Path.of(entry.getLinkName()));
            } else if (entry.isFile()) {
                Files.createDirectories(target.getParent());
                Files.copy(content, target, StandardCopyOption.REPLACE_EXISTING);
                Files.setPosixFilePermissions(target, permissions(entry.getMode()));
            }
        }

        private static Set<PosixFilePermission> permissions(int mode) {
            Set<PosixFilePermission> permissions = EnumSet.noneOf(PosixFilePermission.class);
            PosixFilePermission[] bits = PosixFilePermission.values(); // OWNER_READ .. OTHERS_EXECUTE, high bit first
            for (int i = 0; i < bits.length; i++) {
                if ((mode & (1 << (bits.length - 1 - i))) != 0) {
                    permissions.add(bits[i]);
                }
            }
            return permissions;
        }

        private static String sha256(byte[] bytes) {
            try {
                return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
