package org.syndication.ingest.rest;

import io.quarkiverse.resteasy.problem.HttpProblem;
import io.quarkiverse.resteasy.problem.postprocessing.ProblemContext;
import io.quarkiverse.resteasy.problem.postprocessing.ProblemPostProcessor;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;

import java.util.stream.Collectors;

/**
 * Gives every problem mapped by the extension itself (404 of an unknown path, 405, 500, JSON errors) a
 * {@code type}, so clients always get one. Bean Validation failures of request parameters and bodies (rendered by
 * the extension with their {@code violations}) are the service's {@code invalid-request} problem, their messages
 * as the {@code detail}.
 */
@ApplicationScoped
@Startup
public class ProblemTypeDefaults implements ProblemPostProcessor {

    @Override
    public HttpProblem apply(HttpProblem problem, ProblemContext context) {
        if (context != null && context.cause instanceof ConstraintViolationException violations) {
            return HttpProblem.builder(problem)
                    .withType(ProblemTypes.INVALID_REQUEST)
                    .withTitle("Invalid request")
                    .withDetail(violations.getConstraintViolations().stream().map(ConstraintViolation::getMessage)
                            .sorted().collect(Collectors.joining("; ")))
                    .build();
        }
        if (problem.getType() != null) {
            return problem;
        }
        return HttpProblem.builder(problem).withType(ProblemTypes.forStatus(problem.getStatusCode())).build();
    }
}
