package org.syndication.feed.rest;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.syndication.feed.FeedItemRepository;
import org.syndication.feed.UnknownThemeException;
import org.syndication.feed.render.Pages;
import org.syndication.feed.service.FeedCache;
import org.syndication.feed.service.SiteService;
import org.syndication.feed.service.SubscriptionService;

import java.util.Map;

/**
 * Domain exceptions → RFC 9457 problem responses. The errors a reader meets in a browser (an expired link from a
 * mail, a mistyped address in the subscription form) are an HTML page instead when the browser asks for HTML
 * before JSON; the status code is the same.
 */
public class ProblemMappers {

    private final FeedCache cache;
    private final SiteService site;

    public ProblemMappers(FeedCache cache, SiteService site) {
        this.cache = cache;
        this.site = site;
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
    public Response invalidRequest(InvalidRequestException e, UriInfo uri, HttpHeaders headers) {
        return readerFacing(400, Problems.body(Problems.INVALID_REQUEST, "Invalid request", 400, e.getMessage(),
                uri.getPath()), headers);
    }

    @ServerExceptionMapper
    public Response invalidSubscription(SubscriptionService.InvalidSubscriptionException e, UriInfo uri,
                                        HttpHeaders headers) {
        return readerFacing(400, Problems.body(Problems.INVALID_REQUEST, "Invalid request", 400, e.getMessage(),
                uri.getPath()), headers);
    }

    @ServerExceptionMapper
    public Response invalidToken(SubscriptionService.InvalidTokenException e, UriInfo uri, HttpHeaders headers) {
        return readerFacing(400, Problems.body(Problems.INVALID_TOKEN, "Invalid link", 400, e.getMessage(),
                uri.getPath()), headers);
    }

    @ServerExceptionMapper
    public Response subscriptionEnded(SubscriptionService.SubscriptionEndedException e, UriInfo uri,
                                      HttpHeaders headers) {
        return readerFacing(409, Problems.body(Problems.SUBSCRIPTION_ENDED, "Subscription ended", 409, e.getMessage(),
                uri.getPath()), headers);
    }

    @ServerExceptionMapper
    public Response rateLimited(SubscriptionService.RateLimitedException e, UriInfo uri, HttpHeaders headers) {
        return Response.fromResponse(readerFacing(429, Problems.body(Problems.RATE_LIMITED, "Too many requests", 429,
                e.getMessage(), uri.getPath()), headers)).header("Retry-After", retryAfterSeconds(e.retryAfter())).build();
    }

    @ServerExceptionMapper
    public Response hubBusy(org.syndication.feed.service.HubService.HubBusyException e, UriInfo uri) {
        return Response.fromResponse(response(503, Problems.body(Problems.HUB_BUSY, "Hub busy", 503, e.getMessage(),
                uri.getPath()))).header("Retry-After", 30).build();
    }

    /** Whole seconds, rounded up and at least one: a client that waits that long is not refused for this window. */
    static long retryAfterSeconds(java.time.Duration retryAfter) {
        long seconds = retryAfter.getSeconds() + (retryAfter.getNano() > 0 ? 1 : 0);
        return Math.max(1, seconds);
    }

    /** The problem as JSON, or as an HTML page for a browser. */
    private Response readerFacing(int status, Map<String, Object> problem, HttpHeaders headers) {
        if (!prefersHtml(headers)) {
            return response(status, problem);
        }
        String html = Pages.Templates.message(site.site(FeedItemRepository.ALL), new Pages.Message(
                (String) problem.get("title"), (String) problem.get("detail"), null, null)).render();
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("utf-8")).entity(html).build();
    }

    /** Whether the client ranks HTML above JSON (browsers do; API clients and {@code *}{@code /*} get JSON). */
    static boolean prefersHtml(HttpHeaders headers) {
        for (MediaType type : headers.getAcceptableMediaTypes()) {
            if (type.isWildcardType() || type.getSubtype().endsWith("json")) {
                return false;
            }
            if (type.isCompatible(MediaType.TEXT_HTML_TYPE)) {
                return true;
            }
        }
        return false;
    }

    static Response response(int status, java.util.Map<String, Object> problem) {
        return Response.status(status).type(Problems.MEDIA_TYPE).entity(Problems.bytes(problem)).build();
    }
}
