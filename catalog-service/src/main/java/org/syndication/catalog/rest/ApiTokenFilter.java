package org.syndication.catalog.rest;

import io.quarkus.logging.Log;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.syndication.catalog.config.CatalogConfig;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;

/**
 * Write endpoints (PUT, POST, DELETE under /api) need {@code Authorization: Bearer <catalog.api-token>}:
 * missing → 401, wrong → 403. Reads are open.
 */
public class ApiTokenFilter {

    private static final Set<String> WRITES = Set.of(HttpMethod.PUT, HttpMethod.POST, HttpMethod.DELETE, HttpMethod.PATCH);
    private static final String BEARER = "Bearer ";

    private final byte[] token;

    public ApiTokenFilter(CatalogConfig config) {
        this.token = config.apiToken().getBytes(StandardCharsets.UTF_8);
    }

    @ServerRequestFilter
    public Response check(ContainerRequestContext request) {
        String path = request.getUriInfo().getRequestUri().getRawPath();
        if (!WRITES.contains(request.getMethod()) || !path.startsWith("/api/")) {
            return null;
        }
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Problems.problem(Problems.UNAUTHORIZED, Response.Status.UNAUTHORIZED, "Unauthorized",
                            "this endpoint needs Authorization: Bearer <token>", request.getUriInfo())
                    .withHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"catalog\"")
                    .build().toResponse();
        }
        byte[] given = header.substring(BEARER.length()).trim().getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(given, token)) {
            Log.warnf("write refused: wrong API token method=%s path=%s", request.getMethod(), path);
            return Problems.problem(Problems.FORBIDDEN, Response.Status.FORBIDDEN, "Forbidden",
                    "the API token is not valid", request.getUriInfo()).build().toResponse();
        }
        return null;
    }
}
