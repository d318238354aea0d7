package org.syndication.ingest.rest;

import io.quarkiverse.resteasy.problem.HttpProblem;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import jakarta.ws.rs.core.HttpHeaders;
import org.syndication.ingest.config.IngestConfig;
import org.syndication.support.rest.BodyLimit;
import org.syndication.support.rest.OperatorAccess;
import org.syndication.support.rest.OperatorToken;
import org.syndication.support.rest.Problems;

/**
 * What the shared REST plumbing of service-support ({@link BodyLimit}, {@code ApiTokenFilter},
 * {@code PageSecurityHeaders}) needs from this service: its limits, its token and its problems. The sources page has
 * no form, so no {@code PageSecurityHeaders.FormAction} is produced.
 */
@Singleton
public class RestPolicies {

    @Produces
    @Singleton
    BodyLimit.Policy bodyLimit(IngestConfig config) {
        long limit = config.maxBodySize().asLongValue();
        return new BodyLimit.Policy(limit, path -> Problems.problem(ProblemTypes.DOCUMENT_TOO_LARGE,
                "Document too large", 413,
                "the request body is larger than " + limit + " bytes (ingest.max-body-size)", path));
    }

    /**
     * {@code ingest.api-token}; when none is configured (the local stack) every caller is the operator, production
     * sets one from a Secret.
     */
    @Produces
    @Singleton
    OperatorToken operatorToken(IngestConfig config) {
        return new OperatorToken(config.apiToken(), OperatorToken.WhenUnset.OPEN);
    }

    @Produces
    @Singleton
    OperatorAccess operatorAccess(OperatorToken token) {
        return new OperatorAccess(token,
                uri -> HttpProblem.builder(Problems.problem(ProblemTypes.UNAUTHORIZED, "Unauthorized", 401,
                                "this endpoint needs Authorization: Bearer <operator token>", uri))
                        .withHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"ingest\"")
                        .build(),
                uri -> Problems.problem(ProblemTypes.FORBIDDEN, "Forbidden", 403, "the operator token is not valid",
                        uri));
    }

    void warnWhenOpen(@Observes StartupEvent start, OperatorToken token) {
        if (!token.isSet()) {
            Log.warn("ingest.api-token is not set: registering and deleting sources is open to anyone "
                    + "(fine for the local stack, not for production)");
        }
    }
}
