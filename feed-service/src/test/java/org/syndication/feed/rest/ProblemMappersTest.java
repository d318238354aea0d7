package org.syndication.feed.rest;

import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.syndication.support.rest.Problems;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemMappersTest {

    @Test
    void anUnknownFeedListsTheThemesAndFormatsThatExist() {
        JsonPath problem = json(ProblemMappers.unknownFeed(ProblemTypes.UNKNOWN_FEED, "There is no feed 'x.rss'.",
                "/feeds/x.rss", List.of("all", "corruption")));

        assertThat(problem.getString("type")).isEqualTo("https://syndication.example.org/problems/unknown-feed");
        assertThat(problem.getString("title")).isEqualTo("Unknown feed");
        assertThat(problem.getInt("status")).isEqualTo(404);
        assertThat(problem.getString("detail")).isEqualTo("There is no feed 'x.rss'.");
        assertThat(problem.getString("instance")).isEqualTo("/feeds/x.rss");
        assertThat(problem.getList("validThemes", String.class)).containsExactly("all", "corruption");
        assertThat(problem.getList("validFormats", String.class)).contains("rss", "atom", "json");
    }

    @Test
    void theTokenProblemsAreTheSameTypesAsInTheOtherServices() {
        assertThat(ProblemTypes.UNAUTHORIZED).hasToString("https://syndication.example.org/problems/unauthorized");
        assertThat(ProblemTypes.FORBIDDEN).hasToString("https://syndication.example.org/problems/forbidden");
    }

    @Test
    void aPathJavaNetUriRefusesLeavesTheInstanceOut() {
        JsonPath problem = json(Problems.problem(ProblemTypes.INVALID_REQUEST, "Invalid request", 400, "bad",
                "/feeds/a b"));

        assertThat(problem.getString("type")).isEqualTo("https://syndication.example.org/problems/invalid-request");
        assertThat(problem.getString("instance")).isNull();
    }

    private static JsonPath json(io.quarkiverse.resteasy.problem.HttpProblem problem) {
        return JsonPath.from(new String(Problems.json(problem), StandardCharsets.UTF_8));
    }
}
