package org.syndication.support.rest;

import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.ws.rs.core.UriInfo;

import java.util.function.Function;

/**
 * What a service gives {@link ApiTokenFilter}: its operator token and the two problems it answers, {@code 401}
 * without a bearer token (with its {@code WWW-Authenticate} challenge) and {@code 403} with a wrong one. Each
 * service produces one as a bean; the types are {@link Problems#UNAUTHORIZED} and {@link Problems#FORBIDDEN}
 * everywhere, the titles and details are the service's.
 */
public record OperatorAccess(OperatorToken token, Function<UriInfo, HttpProblem> unauthorized,
                             Function<UriInfo, HttpProblem> forbidden) {
}
