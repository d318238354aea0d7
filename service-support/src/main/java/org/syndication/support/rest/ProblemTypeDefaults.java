package org.syndication.support.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.quarkiverse.resteasy.problem.HttpProblem;
import io.quarkiverse.resteasy.problem.postprocessing.ProblemContext;
import io.quarkiverse.resteasy.problem.postprocessing.ProblemPostProcessor;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Gives every problem mapped by the extension itself (404 of an unknown path, 405, 500, JSON errors) a
 * {@code type}, so clients always get one. Bean Validation failures of request parameters and bodies (rendered by
 * the extension with their {@code violations}) and a JSON body Jackson cannot bind are the
 * {@code invalid-request} problem: the messages as the {@code detail}, the parameter (or {@code body}) as
 * {@code parameter}, like an {@code InvalidRequestException}.
 */
@ApplicationScoped
@Startup
public class ProblemTypeDefaults implements ProblemPostProcessor {

    @Override
    public HttpProblem apply(HttpProblem problem, ProblemContext context) {
        Throwable cause = context == null ? null : context.cause;
        if (cause instanceof ConstraintViolationException violations) {
            List<ConstraintViolation<?>> sorted = violations.getConstraintViolations().stream()
                    .sorted(Comparator.comparing(ConstraintViolation::getMessage)).collect(Collectors.toList());
            HttpProblem.Builder builder = HttpProblem.builder(problem)
                    .withType(Problems.INVALID_REQUEST)
                    .withTitle("Invalid request")
                    .withDetail(sorted.stream().map(ConstraintViolation::getMessage).collect(Collectors.joining("; ")));
            if (!sorted.isEmpty()) {
                builder.with("parameter", leaf(sorted.get(0).getPropertyPath()));
            }
            return builder.build();
        }
        JsonProcessingException unreadable = jsonFailure(cause);
        if (unreadable != null) {
            return HttpProblem.builder(problem)
                    .withType(Problems.INVALID_REQUEST)
                    .withTitle("Invalid request")
                    .withDetail("the body is not valid: " + firstLine(unreadable))
                    .with("parameter", "body")
                    .build();
        }
        if (problem.getType() != null) {
            return problem;
        }
        return HttpProblem.builder(problem).withType(Problems.forStatus(problem.getStatusCode())).build();
    }

    /** The Jackson failure behind a problem (JAX-RS wraps it when it reads a body), if there is one. */
    private static JsonProcessingException jsonFailure(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof JsonProcessingException json) {
                return json;
            }
        }
        return null;
    }

    /** The name of the parameter or body field a violation is about (the last node of its path). */
    static String leaf(Path path) {
        String name = null;
        for (Path.Node node : path) {
            name = node.getName();
        }
        return name;
    }

    /**
     * What the client can act on: the rule a value broke (thrown by a record's constructor) or Jackson's own first
     * line, without the class names and source locations of the rest.
     */
    private static String firstLine(JsonProcessingException e) {
        String message = e.getCause() instanceof IllegalArgumentException rule ? rule.getMessage() : e.getOriginalMessage();
        return message == null ? "unreadable JSON" : message.lines().findFirst().orElse(message);
    }
}
