package org.syndication.catalog.rest;

import com.fasterxml.jackson.databind.json.JsonMapper;
import io.quarkiverse.resteasy.problem.HttpProblem;
import io.quarkiverse.resteasy.problem.postprocessing.ProblemContext;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;
import org.syndication.catalog.classify.ThemeRules;
import org.syndication.support.rest.ProblemTypeDefaults;

import java.lang.reflect.Method;
import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

class ProblemTypeDefaultsTest {

    private final ProblemTypeDefaults defaults = new ProblemTypeDefaults();
    private final HttpProblem bare = HttpProblem.builder().withStatus(400).withTitle("Bad Request").build();

    @Test
    void aPageSizeOverTheLimitIsAnInvalidRequestNamingTheParameter() throws Exception {
        Method search = ItemResource.class.getMethod("search", String.class, String.class, String.class, String.class,
                Integer.class, Integer.class);
        try (ValidatorFactory factory = Validation.byDefaultProvider().configure()
                .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory()) {
            var violations = factory.getValidator().forExecutables().validateParameters(
                    new ItemResource(null, null, null), search, new Object[] {null, null, null, null, 0, 101});

            HttpProblem problem = defaults.apply(bare, ProblemContext.of(new ConstraintViolationException(violations),
                    "/api/items"));

            assertThat(problem.getType()).isEqualTo(ProblemTypes.INVALID_REQUEST);
            assertThat(problem.getDetail()).isEqualTo("size must be between 1 and 100");
            assertThat(problem.getParameters()).containsEntry("parameter", "size");
        }
    }

    @Test
    void aBodyJacksonCannotBindIsAnInvalidRequestAboutTheBody() {
        Throwable unreadable = catchThrowable(() -> JsonMapper.builder().build()
                .readValue("{\"threshold\": -1}", ThemeRules.class));

        HttpProblem problem = defaults.apply(bare, ProblemContext.of(new RuntimeException(unreadable), "/api/themes/x"));

        assertThat(problem.getType()).isEqualTo(ProblemTypes.INVALID_REQUEST);
        assertThat(problem.getDetail()).isEqualTo("the body is not valid: threshold must be a positive number");
        assertThat(problem.getParameters()).containsEntry("parameter", "body");
    }

    @Test
    void problemsWithoutAKindGetAStatusType() {
        assertThat(defaults.apply(bare, null).getType()).isEqualTo(URI.create(ProblemTypes.BASE + "http-400"));
        HttpProblem typed = HttpProblem.builder().withType(ProblemTypes.JOB_NOT_FOUND).withStatus(404).build();
        assertThat(defaults.apply(typed, null).getType()).isEqualTo(ProblemTypes.JOB_NOT_FOUND);
    }
}
