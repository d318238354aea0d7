package org.syndication.feed.rest;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.syndication.feed.config.FeedConfig;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/** {@code Authorization: Bearer <feed.api-token>} on the operator API: missing → 401, wrong → 403. */
public class ApiTokenFilter {

    static final String PROTECTED = "/api/digests";

    private final FeedConfig config;

    public ApiTokenFilter(FeedConfig config) {
        this.config = config;
    }

    @ServerRequestFilter
    public Optional<Response> check(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (!path.startsWith(PROTECTED)) {
            return Optional.empty();
        }
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.of(Response.fromResponse(ProblemMappers.response(401, Problems.body(Problems.MISSING_TOKEN,
                            "Authentication required", 401, "Send Authorization: Bearer <token>.", path)))
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build());
        }
        byte[] given = header.substring(7).strip().getBytes(StandardCharsets.UTF_8);
        boolean valid = config.apiToken().filter(t -> !t.isBlank())
                .map(t -> MessageDigest.isEqual(t.getBytes(StandardCharsets.UTF_8), given)).orElse(false);
        if (!valid) {
            return Optional.of(ProblemMappers.response(403, Problems.body(Problems.WRONG_TOKEN, "Forbidden", 403,
                    "The token is not valid for this API.", path)));
        }
        return Optional.empty();
    }
}
