package org.syndication.ingest.rest;

import io.quarkus.logging.Log;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

/**
 * Guards {@link OperatorOnly} methods: no bearer token → 401 (with {@code WWW-Authenticate}), a wrong one → 403,
 * both as problem documents. The same contract as the catalog's write token.
 */
@Provider
@OperatorOnly
public class ApiTokenFilter implements ContainerRequestFilter {

    private final OperatorToken token;

    public ApiTokenFilter(OperatorToken token) {
        this.token = token;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        OperatorToken.Check check = token.check(request.getHeaderString(HttpHeaders.AUTHORIZATION));
        if (check == OperatorToken.Check.MISSING) {
            request.abortWith(unauthorized(request));
        } else if (check == OperatorToken.Check.WRONG) {
            Log.warnf("operator request refused: wrong token method=%s", request.getMethod());
            request.abortWith(ProblemMappers.problem(ProblemTypes.FORBIDDEN, "Forbidden", 403,
                    "the operator token is not valid", request.getUriInfo()).toResponse());
        }
    }

    private static Response unauthorized(ContainerRequestContext request) {
        return Response.fromResponse(ProblemMappers.problem(ProblemTypes.UNAUTHORIZED,
                        "Unauthorized", 401, "this endpoint needs Authorization: Bearer <operator token>",
                        request.getUriInfo()).toResponse())
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"ingest\"")
                .build();
    }
}
