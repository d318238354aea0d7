package org.syndication.ingest.rest;

import io.quarkiverse.resteasy.problem.HttpProblem;
import io.quarkiverse.resteasy.problem.postprocessing.ProblemContext;
import io.quarkiverse.resteasy.problem.postprocessing.ProblemPostProcessor;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Gives every problem mapped by the extension itself (404 of an unknown path, 405, 500, JSON errors) a
 * {@code type}, so clients always get one.
 */
@ApplicationScoped
@Startup
public class ProblemTypeDefaults implements ProblemPostProcessor {

    @Override
    public HttpProblem apply(HttpProblem problem, ProblemContext context) {
        if (problem.getType() != null) {
            return problem;
        }
        return HttpProblem.builder(problem).withType(ProblemTypes.forStatus(problem.getStatusCode())).build();
    }
}
