package org.syndication.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ServiceJavaOptionsTest {

    private static final List<String> COMMON = List.of("-Xmx128m", "-XX:+UseSerialGC");

    @Test
    void aServiceOwnOptionsComeAfterTheCommonOnesSoTheyWin() {
        Map<String, String> environment = Map.of("SERVICE_JAVA_OPTS_CATALOG_SERVICE", " -XX:TieredStopAtLevel=1  -Xmx96m ");

        assertThat(ServiceJavaOptions.of(COMMON, "catalog-service", environment))
                .containsExactly("-Xmx128m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xmx96m");
        assertThat(ServiceJavaOptions.of(COMMON, "feed-service", environment)).isEqualTo(COMMON);
    }

    @Test
    void noOrBlankOwnOptionsLeaveTheCommonOnes() {
        assertThat(ServiceJavaOptions.of(COMMON, "ingest-service", Map.of())).isEqualTo(COMMON);
        assertThat(ServiceJavaOptions.of(COMMON, "ingest-service", Map.of("SERVICE_JAVA_OPTS_INGEST_SERVICE", " ")))
                .isEqualTo(COMMON);
    }

    @Test
    void theVariableIsTheServiceNameInCapitals() {
        assertThat(ServiceJavaOptions.variable("catalog-service")).isEqualTo("SERVICE_JAVA_OPTS_CATALOG_SERVICE");
    }
}
