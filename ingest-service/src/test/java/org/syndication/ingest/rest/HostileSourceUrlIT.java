package org.syndication.ingest.rest;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.syndication.localstack.test.KafkaResource;
import org.syndication.localstack.test.PostgresResource;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * Hostile source URLs against the real service with private addresses refused, as in production (issue 13,
 * finding 12): every form of a loopback, link-local (cloud metadata), private or unspecified address is a
 * {@code 400 source-url-refused}, and none is registered. The rest of the hostile-input suite is
 * {@link HostileInputIT}, which needs loopback allowed to serve its feeds.
 */
@QuarkusTest
@TestProfile(HostileSourceUrlIT.PrivateAddressesRefused.class)
@WithTestResource(value = KafkaResource.class, parallel = true)
@WithTestResource(value = PostgresResource.class, parallel = true)
class HostileSourceUrlIT {

    /** The production setting: {@code ingest.sources.allow-private=false}. */
    public static class PrivateAddressesRefused implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("ingest.sources.allow-private", "false");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "http://[64:ff9b::a9fe:a9fe]/latest/meta-data/",  // NAT64 of 169.254.169.254
        "http://[2002:a9fe:a9fe::1]/",                      // 6to4 of 169.254.169.254
        "http://[::127.0.0.1]/feed",                        // IPv4-compatible loopback
        "http://[::ffff:127.0.0.1]/feed",                   // IPv4-mapped loopback
        "http://[::ffff:0:a9fe:a9fe]/",                     // IPv4-translated metadata address
        "http://[2001:0:4136:e378:8000:63bf:80ff:fffe]/",   // Teredo, client 127.0.0.1
        "http://[fe80::1]/", "http://[fc00::1]/", "http://[::]/", "http://[::1]/",
        "http://2130706433/feed", "http://017700000001/feed", "http://0x7f000001/feed", "http://0x7f.1/feed",
        "http://2852039166/latest/meta-data/", "http://127.0.0.1:8081/api/sources", "http://169.254.169.254/"})
    void privateAddressesInEveryFormAreRefused(String url) {
        given().contentType(ContentType.JSON).body(Map.of("url", url, "name", "ssrf"))
                .when().post("/api/sources")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo(ProblemTypes.SOURCE_URL_REFUSED.toString()));
        assertThat(given().when().get("/api/sources").then().statusCode(200).extract().jsonPath()
                .getList("url", String.class)).doesNotContain(url);
    }
}
