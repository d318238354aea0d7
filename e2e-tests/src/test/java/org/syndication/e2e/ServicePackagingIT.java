package org.syndication.e2e;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarFile;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each service is packaged as Quarkus' aot-jar (the root pom.xml): its libraries on the JVM's own class path, so that
 * the AOT cache ./syndicate records (local-stack's AotCache) links them ahead of time. A fast-jar would still start,
 * but 1.2-1.5 s later (benchmarks/README.md, "The jar layout the AOT cache can hold"), which no other test notices.
 */
class ServicePackagingIT {

    private static final Path ROOT = Path.of(System.getProperty("syndication.root", "..")).toAbsolutePath();

    @ParameterizedTest
    @ValueSource(strings = {"ingest-service", "catalog-service", "feed-service"})
    void theServiceJarPutsItsLibrariesOnTheJvmClassPath(String service) throws IOException {
        Path jar = ROOT.resolve(service).resolve("target/quarkus-app/quarkus-run.jar");
        try (JarFile runner = new JarFile(jar.toFile())) {
            Attributes manifest = runner.getManifest().getMainAttributes();
            assertThat(manifest.getValue(Attributes.Name.MAIN_CLASS))
                    .isEqualTo("io.quarkus.bootstrap.runner.AotQuarkusEntryPoint");
            assertThat(manifest.getValue(Attributes.Name.CLASS_PATH))
                    .contains("app/" + service + "-")
                    .contains("lib/main/org.apache.kafka.kafka-clients-");
        }
    }
}
