package org.syndication.feed.rest;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.syndication.feed.UnknownThemeException;
import org.syndication.feed.service.FeedCache;
import org.syndication.feed.service.SubscriptionService;

/** Domain exceptions → RFC 9457 problem responses. */
public class ProblemMappers {

    private final FeedCache cache;

    public ProblemMappers(FeedCache cache) {
        this.cache = cache;
    }

    @ServerExceptionMapper
    public Response unknownTheme(UnknownThemeException e, UriInfo uri) {
        return response(404, Problems.unknownFeed(Problems.UNKNOWN_THEME, e.getMessage(), uri.getPath(),
                cache.validFeeds()));
    }

    @ServerExceptionMapper
    public Response unknownItem(UnknownItemException e, UriInfo uri) {
        return response(404, Problems.body(Problems.NOT_FOUND, "Not found", 404, e.getMessage(), uri.getPath()));
    }

    @ServerExceptionMapper
    public Response invalidRequest(InvalidRequestException e, UriInfo uri) {
        return response(400, Problems.body(Problems.INVALID_REQUEST, "Invalid request", 400, e.getMessage(), uri.getPath()));
    }

    @ServerExceptionMapper
    public Response invalidSubscription(SubscriptionService.InvalidSubscriptionException e, UriInfo uri) {
        return response(400, Problems.body(Problems.INVALID_REQUEST, "Invalid request", 400, e.getMessage(), uri.getPath()));
    }

    @ServerExceptionMapper
    public Response invalidToken(SubscriptionService.InvalidTokenException e, UriInfo uri) {
        return response(400, Problems.body(Problems.INVALID_TOKEN, "Invalid link", 400, e.getMessage(), uri.getPath()));
    }

    @ServerExceptionMapper
    public Response rateLimited(SubscriptionService.RateLimitedException e, UriInfo uri) {
        return Response.fromResponse(response(429, Problems.body(Problems.RATE_LIMITED, "Too many requests", 429,
                e.getMessage(), uri.getPath()))).header("Retry-After", "3600").build();
    }

    static Response response(int status, java.util.Map<String, Object> problem) {
        return Response.status(status).type(Problems.MEDIA_TYPE).entity(Problems.bytes(problem)).build();
    }
}
