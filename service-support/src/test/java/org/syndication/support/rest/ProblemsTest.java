package org.syndication.support.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemsTest {

    @Test
    void aProblemAnsweredOutsideJaxRsHasEveryMember() throws IOException {
        JsonNode problem = read(Problems.json(Problems.problem(Problems.type("body-too-large"),
                "Request body too large", 413, "too long", "/api/themes/hostile")));

        assertThat(problem.path("type").asText()).isEqualTo("https://syndication.example.org/problems/body-too-large");
        assertThat(problem.path("title").asText()).isEqualTo("Request body too large");
        assertThat(problem.path("status").asInt()).isEqualTo(413);
        assertThat(problem.path("detail").asText()).isEqualTo("too long");
        assertThat(problem.path("instance").asText()).isEqualTo("/api/themes/hostile");
    }

    @Test
    void aPathJavaNetUriRefusesLeavesTheInstanceOut() throws IOException {
        JsonNode problem = read(Problems.json(Problems.problem(Problems.INVALID_REQUEST, "Invalid request", 400, "bad",
                "/api/items/a b")));

        assertThat(problem.path("type").asText()).isEqualTo("https://syndication.example.org/problems/invalid-request");
        assertThat(problem.has("instance")).isFalse();
    }

    @Test
    void theTokenProblemsAreTheSameTypesInEveryService() {
        assertThat(Problems.UNAUTHORIZED).hasToString("https://syndication.example.org/problems/unauthorized");
        assertThat(Problems.FORBIDDEN).hasToString("https://syndication.example.org/problems/forbidden");
        assertThat(Problems.forStatus(405)).hasToString("https://syndication.example.org/problems/http-405");
    }

    private static JsonNode read(byte[] json) throws IOException {
        return JsonMapper.builder().build().readTree(json);
    }
}
