package org.syndication.support.rest;

import com.fasterxml.jackson.databind.json.JsonMapper;
import io.quarkiverse.resteasy.problem.HttpProblem;
import io.quarkiverse.resteasy.problem.postprocessing.ProblemContext;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

class ProblemTypeDefaultsTest {

    /** A request body as the services declare them: constraints on the components, a rule in the constructor. */
    record Shelf(@NotBlank String label, @Max(12) int boxes) {
        Shelf {
            if (boxes < 0) {
                throw new IllegalArgumentException("boxes cannot be negative");
            }
        }
    }

    private final ProblemTypeDefaults defaults = new ProblemTypeDefaults();
    private final HttpProblem bare = HttpProblem.builder().withStatus(400).withTitle("Bad Request").build();

    @Test
    void violationsAreAnInvalidRequestNamingTheFirstParameterByMessage() {
        try (ValidatorFactory factory = Validation.byDefaultProvider().configure()
                .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory()) {
            var violations = factory.getValidator().validate(new Shelf(" ", 40));

            HttpProblem problem = defaults.apply(bare, ProblemContext.of(new ConstraintViolationException(violations),
                    "/api/shelves"));

            assertThat(problem.getType()).isEqualTo(Problems.INVALID_REQUEST);
            assertThat(problem.getTitle()).isEqualTo("Invalid request");
            assertThat(problem.getDetail()).isEqualTo("must be less than or equal to 12; must not be blank");
            assertThat(problem.getParameters()).containsEntry("parameter", "boxes");
        }
    }

    @Test
    void aBodyJacksonCannotBindIsAnInvalidRequestAboutTheBodyWithTheRuleItBroke() {
        Throwable unreadable = catchThrowable(() -> JsonMapper.builder().build()
                .readValue("{\"label\": \"a\", \"boxes\": -1}", Shelf.class));

        HttpProblem problem = defaults.apply(bare, ProblemContext.of(new RuntimeException(unreadable), "/api/shelves"));

        assertThat(problem.getType()).isEqualTo(Problems.INVALID_REQUEST);
        assertThat(problem.getDetail()).isEqualTo("the body is not valid: boxes cannot be negative");
        assertThat(problem.getParameters()).containsEntry("parameter", "body");
    }

    @Test
    void brokenJsonKeepsOnlyJacksonsFirstLine() {
        Throwable unreadable = catchThrowable(() -> JsonMapper.builder().build().readValue("{\"label\": ", Shelf.class));

        HttpProblem problem = defaults.apply(bare, ProblemContext.of(unreadable, "/api/shelves"));

        assertThat(problem.getDetail()).startsWith("the body is not valid: ").doesNotContain("\n")
                .doesNotContain("Shelf");
    }

    @Test
    void problemsWithoutAKindGetAStatusType() {
        HttpProblem methodNotAllowed = HttpProblem.builder().withStatus(405).withTitle("Method Not Allowed").build();
        assertThat(defaults.apply(methodNotAllowed, null).getType())
                .isEqualTo(URI.create("https://syndication.example.org/problems/http-405"));
        HttpProblem typed = HttpProblem.builder().withType(Problems.type("no-items-found")).withStatus(422).build();
        assertThat(defaults.apply(typed, null).getType()).isEqualTo(Problems.type("no-items-found"));
    }
}
