package org.syndication.feed.rest;

import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.annotation.Priority;
import jakarta.inject.Provider;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import org.syndication.feed.config.FeedConfig;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * The check of every {@link OperatorOnly} method: {@code Authorization: Bearer <feed.api-token>}, compared in
 * constant time; missing → 401, wrong → 403, and 403 for every call when no token is configured. It runs after
 * routing and before the body is read.
 */
@jakarta.ws.rs.ext.Provider
@OperatorOnly
@Priority(Priorities.AUTHENTICATION)
public class ApiTokenFilter implements ContainerRequestFilter {

    private static final String BEARER = "Bearer ";

    /** Looked up per request: providers are created at build time, before the runtime configuration exists. */
    private final Provider<FeedConfig> config;

    public ApiTokenFilter(Provider<FeedConfig> config) {
        this.config = config;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            request.abortWith(HttpProblem.builder(ProblemMappers.problem(ProblemTypes.UNAUTHORIZED,
                            "Authentication required", 401, "Send Authorization: Bearer <token>.", request.getUriInfo()))
                    .withHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                    .build().toResponse());
            return;
        }
        byte[] given = header.substring(BEARER.length()).strip().getBytes(StandardCharsets.UTF_8);
        boolean valid = config.get().apiToken().filter(t -> !t.isBlank())
                .map(t -> MessageDigest.isEqual(t.getBytes(StandardCharsets.UTF_8), given)).orElse(false);
        if (!valid) {
            request.abortWith(ProblemMappers.problem(ProblemTypes.FORBIDDEN, "Forbidden", 403,
                    "The token is not valid for this API.", request.getUriInfo()).toResponse());
        }
    }
}
