package org.syndication.support.rest;

import io.quarkus.logging.Log;
import jakarta.annotation.Priority;
import jakarta.inject.Provider;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;

/**
 * The check of every {@link OperatorOnly} method: {@code Authorization: Bearer <token>} against the service's
 * {@link OperatorAccess}; missing → its 401, wrong → its 403. It runs after routing and before the body is read.
 */
@jakarta.ws.rs.ext.Provider
@OperatorOnly
@Priority(Priorities.AUTHENTICATION)
public class ApiTokenFilter implements ContainerRequestFilter {

    /** Looked up per request: providers are created at build time, before the runtime configuration exists. */
    private final Provider<OperatorAccess> access;

    public ApiTokenFilter(Provider<OperatorAccess> access) {
        this.access = access;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        OperatorAccess operator = access.get();
        switch (operator.token().check(request.getHeaderString(HttpHeaders.AUTHORIZATION))) {
            case MISSING -> request.abortWith(operator.unauthorized().apply(request.getUriInfo()).toResponse());
            case WRONG -> {
                Log.warnf("operator request refused: wrong token method=%s path=%s", request.getMethod(),
                        request.getUriInfo().getRequestUri().getRawPath());
                request.abortWith(operator.forbidden().apply(request.getUriInfo()).toResponse());
            }
            case OPERATOR -> {
            }
        }
    }
}
