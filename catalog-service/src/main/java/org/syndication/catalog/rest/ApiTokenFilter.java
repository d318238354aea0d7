package org.syndication.catalog.rest;

import io.quarkiverse.resteasy.problem.HttpProblem;
import io.quarkus.logging.Log;
import jakarta.annotation.Priority;
import jakarta.inject.Provider;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import org.syndication.catalog.config.CatalogConfig;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * The check of every {@link OperatorOnly} method: {@code Authorization: Bearer <catalog.api-token>}, compared in
 * constant time; missing → 401, wrong → 403. It runs after routing and before the body is read.
 */
@jakarta.ws.rs.ext.Provider
@OperatorOnly
@Priority(Priorities.AUTHENTICATION)
public class ApiTokenFilter implements ContainerRequestFilter {

    private static final String BEARER = "Bearer ";

    /** Looked up per request: providers are created at build time, before the runtime configuration exists. */
    private final Provider<CatalogConfig> config;

    public ApiTokenFilter(Provider<CatalogConfig> config) {
        this.config = config;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            request.abortWith(HttpProblem.builder(ProblemMappers.problem(ProblemTypes.UNAUTHORIZED, "Unauthorized", 401,
                            "this endpoint needs Authorization: Bearer <token>", request.getUriInfo()))
                    .withHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"catalog\"")
                    .build().toResponse());
            return;
        }
        byte[] given = header.substring(BEARER.length()).trim().getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(given, config.get().apiToken().getBytes(StandardCharsets.UTF_8))) {
            Log.warnf("write refused: wrong API token method=%s path=%s", request.getMethod(),
                    request.getUriInfo().getRequestUri().getRawPath());
            request.abortWith(ProblemMappers.problem(ProblemTypes.FORBIDDEN, "Forbidden", 403,
                    "the API token is not valid", request.getUriInfo()).toResponse());
        }
    }
}
