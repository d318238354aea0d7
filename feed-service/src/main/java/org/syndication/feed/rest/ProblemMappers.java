package org.syndication.feed.rest;

import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.syndication.feed.FeedItemRepository;
import org.syndication.feed.HubBusyException;
import org.syndication.feed.InvalidRequestException;
import org.syndication.feed.InvalidTokenException;
import org.syndication.feed.ItemNotFoundException;
import org.syndication.feed.RateLimitedException;
import org.syndication.feed.SubscriptionEndedException;
import org.syndication.feed.UnknownThemeException;
import org.syndication.feed.render.FeedFormat;
import org.syndication.feed.render.Pages;
import org.syndication.feed.service.FeedCache;
import org.syndication.support.rest.Problems;

import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import static org.syndication.support.rest.Problems.problem;

/**
 * Domain exceptions as RFC 9457 problem documents, each with its stable {@link ProblemTypes type}; resources never
 * build error bodies. The same shape in every service: {@link Problems#problem} builds an {@link HttpProblem},
 * JAX-RS answers it with {@code toResponse()}, a Vert.x route (the feed documents) with {@link Problems#send}. The errors a
 * reader meets in a browser (an expired link from a mail, a mistyped address in the subscription form) are an HTML
 * page instead when the browser asks for HTML before JSON; the status code and headers are the same.
 */
public class ProblemMappers {

    private final FeedCache cache;
    private final SitePages site;

    public ProblemMappers(FeedCache cache, SitePages site) {
        this.cache = cache;
        this.site = site;
    }

    @ServerExceptionMapper
    public Response unknownTheme(UnknownThemeException e, UriInfo uri) {
        return unknownFeed(ProblemTypes.UNKNOWN_THEME, e.getMessage(), path(uri), cache.validFeeds()).toResponse();
    }

    @ServerExceptionMapper
    public Response itemNotFound(ItemNotFoundException e, UriInfo uri) {
        return problem(ProblemTypes.NOT_FOUND, "Not found", 404, e.getMessage(), uri).toResponse();
    }

    @ServerExceptionMapper
    public Response invalidRequest(InvalidRequestException e, UriInfo uri, HttpHeaders headers) {
        return readerFacing(problem(ProblemTypes.INVALID_REQUEST, "Invalid request", 400, e.getMessage(), uri),
                headers);
    }

    @ServerExceptionMapper
    public Response invalidToken(InvalidTokenException e, UriInfo uri, HttpHeaders headers) {
        return readerFacing(problem(ProblemTypes.INVALID_TOKEN, "Invalid link", 400, e.getMessage(), uri), headers);
    }

    @ServerExceptionMapper
    public Response subscriptionEnded(SubscriptionEndedException e, UriInfo uri,
                                      HttpHeaders headers) {
        return readerFacing(problem(ProblemTypes.SUBSCRIPTION_ENDED, "Subscription ended", 409, e.getMessage(), uri),
                headers);
    }

    @ServerExceptionMapper
    public Response rateLimited(RateLimitedException e, UriInfo uri, HttpHeaders headers) {
        return readerFacing(HttpProblem.builder(problem(ProblemTypes.RATE_LIMITED, "Too many requests", 429,
                        e.getMessage(), uri))
                .withHeader("Retry-After", retryAfterSeconds(e.retryAfter()))
                .build(), headers);
    }

    @ServerExceptionMapper
    public Response hubBusy(HubBusyException e, UriInfo uri) {
        return HttpProblem.builder(problem(ProblemTypes.HUB_BUSY, "Hub busy", 503, e.getMessage(), uri))
                .withHeader("Retry-After", 30)
                .build().toResponse();
    }

    /** Whole seconds, rounded up and at least one: a client that waits that long is not refused for this window. */
    static long retryAfterSeconds(Duration retryAfter) {
        long seconds = retryAfter.getSeconds() + (retryAfter.getNano() > 0 ? 1 : 0);
        return Math.max(1, seconds);
    }

    /** The problem as JSON, or as an HTML page (same status and headers) for a browser. */
    private Response readerFacing(HttpProblem problem, HttpHeaders headers) {
        if (!prefersHtml(headers)) {
            return problem.toResponse();
        }
        String html = Pages.Templates.message(site.site(FeedItemRepository.ALL), new Pages.Message(
                problem.getTitle(), problem.getDetail(), null, null)).render();
        Response.ResponseBuilder page = Response.status(problem.getStatusCode())
                .type(MediaType.TEXT_HTML_TYPE.withCharset("utf-8")).entity(html);
        problem.getHeaders().forEach(page::header);
        return page.build();
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

    /** 404 for a feed or theme that does not exist, listing what does. */
    static HttpProblem unknownFeed(URI type, String detail, String path, List<String> validThemes) {
        return HttpProblem.builder(problem(type, "Unknown feed", 404, detail, path))
                .with("validThemes", validThemes)
                .with("validFormats", Arrays.stream(FeedFormat.values()).map(FeedFormat::extension).toList())
                .build();
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : uri.getRequestUri().getRawPath();
    }
}
