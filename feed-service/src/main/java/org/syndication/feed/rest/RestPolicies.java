package org.syndication.feed.rest;

import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import jakarta.ws.rs.core.HttpHeaders;
import org.syndication.feed.PublicUrls;
import org.syndication.feed.config.FeedConfig;
import org.syndication.support.rest.BodyLimit;
import org.syndication.support.rest.OperatorAccess;
import org.syndication.support.rest.OperatorToken;
import org.syndication.support.rest.PageSecurityHeaders;
import org.syndication.support.rest.Problems;

import java.net.URI;

/**
 * What the shared REST plumbing of service-support ({@link BodyLimit}, {@code ApiTokenFilter},
 * {@link PageSecurityHeaders}) needs from this service: its limit, its token, its problems and where its forms post.
 */
@Singleton
public class RestPolicies {

    @Produces
    @Singleton
    BodyLimit.Policy bodyLimit(FeedConfig config) {
        long limit = config.maxBodySize().asLongValue();
        return new BodyLimit.Policy(limit, path -> Problems.problem(ProblemTypes.BODY_TOO_LARGE,
                "Request body too large", 413,
                "The request body is larger than " + limit + " bytes (feed.max-body-size).", path));
    }

    /** {@code feed.api-token}; the operator API ({@code /api/digests}) refuses every call while none is set. */
    @Produces
    @Singleton
    OperatorAccess operatorAccess(FeedConfig config) {
        return new OperatorAccess(new OperatorToken(config.apiToken(), OperatorToken.WhenUnset.CLOSED),
                uri -> HttpProblem.builder(Problems.problem(ProblemTypes.UNAUTHORIZED, "Authentication required", 401,
                                "Send Authorization: Bearer <token>.", uri))
                        .withHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                        .build(),
                uri -> Problems.problem(ProblemTypes.FORBIDDEN, "Forbidden", 403,
                        "The token is not valid for this API.", uri));
    }

    /** Forms post to absolute URLs of {@code feed.public-base-url}: allow that origin too when it is not this one. */
    @Produces
    @Singleton
    PageSecurityHeaders.FormAction formAction(PublicUrls urls) {
        URI base = URI.create(urls.base());
        return new PageSecurityHeaders.FormAction("'self' " + base.getScheme() + "://" + base.getRawAuthority());
    }
}
