package org.syndication.catalog.rest;

import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import jakarta.ws.rs.core.HttpHeaders;
import org.syndication.catalog.config.CatalogConfig;
import org.syndication.support.rest.BodyLimit;
import org.syndication.support.rest.OperatorAccess;
import org.syndication.support.rest.OperatorToken;
import org.syndication.support.rest.Problems;

import java.util.Optional;

/**
 * What the shared REST plumbing of service-support ({@link BodyLimit}, {@code ApiTokenFilter}) needs from this
 * service: its limit, its token and its problems. The catalog serves no page, so it has no form either.
 */
@Singleton
public class RestPolicies {

    @Produces
    @Singleton
    BodyLimit.Policy bodyLimit(CatalogConfig config) {
        long limit = config.api().maxBodySize().asLongValue();
        return new BodyLimit.Policy(limit, path -> Problems.problem(ProblemTypes.BODY_TOO_LARGE,
                "Request body too large", 413,
                "the request body is larger than " + limit + " bytes (catalog.api.max-body-size)", path));
    }

    /** {@code catalog.api-token} is required (no default), so the write endpoints are never open. */
    @Produces
    @Singleton
    OperatorAccess operatorAccess(CatalogConfig config) {
        return new OperatorAccess(new OperatorToken(Optional.of(config.apiToken()), OperatorToken.WhenUnset.CLOSED),
                uri -> HttpProblem.builder(Problems.problem(ProblemTypes.UNAUTHORIZED, "Unauthorized", 401,
                                "this endpoint needs Authorization: Bearer <token>", uri))
                        .withHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"catalog\"")
                        .build(),
                uri -> Problems.problem(ProblemTypes.FORBIDDEN, "Forbidden", 403, "the API token is not valid", uri));
    }
}
