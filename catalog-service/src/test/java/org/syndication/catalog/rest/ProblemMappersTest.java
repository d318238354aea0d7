package org.syndication.catalog.rest;

import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemMappersTest {

    @Test
    void aProblemAnsweredOutsideJaxRsHasEveryMember() {
        byte[] json = ProblemMappers.json(ProblemMappers.problem(ProblemTypes.BODY_TOO_LARGE, "Request body too large",
                413, "too long", "/api/themes/hostile"));

        JsonPath problem = JsonPath.from(new String(json, StandardCharsets.UTF_8));
        assertThat(problem.getString("type")).isEqualTo("https://syndication.example.org/problems/body-too-large");
        assertThat(problem.getString("title")).isEqualTo("Request body too large");
        assertThat(problem.getInt("status")).isEqualTo(413);
        assertThat(problem.getString("detail")).isEqualTo("too long");
        assertThat(problem.getString("instance")).isEqualTo("/api/themes/hostile");
    }

    @Test
    void aPathJavaNetUriRefusesLeavesTheInstanceOut() {
        byte[] json = ProblemMappers.json(ProblemMappers.problem(ProblemTypes.INVALID_REQUEST, "Invalid request", 400,
                "bad", "/api/items/a b"));

        JsonPath problem = JsonPath.from(new String(json, StandardCharsets.UTF_8));
        assertThat(problem.getString("type")).isEqualTo("https://syndication.example.org/problems/invalid-request");
        assertThat(problem.getString("instance")).isNull();
    }
}
