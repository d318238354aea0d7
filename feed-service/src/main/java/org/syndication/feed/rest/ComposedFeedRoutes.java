package org.syndication.feed.rest;

import io.quarkiverse.resteasy.problem.HttpProblem;
import io.quarkus.logging.Log;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.syndication.feed.FeedItemRepository;
import org.syndication.feed.InvalidRequestException;
import org.syndication.feed.SearchQuery;
import org.syndication.feed.config.FeedConfig;
import org.syndication.feed.render.FeedFormat;
import org.syndication.feed.render.RenderedFeed;
import org.syndication.feed.service.ComposedFeed;
import org.syndication.feed.service.ComposedFeedService;
import org.syndication.feed.service.FeedCache;
import org.syndication.support.rest.Problems;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Feeds people compose, in the three formats: combined themes {@code /feeds/{a}+{b}.atom} (each item once) and
 * saved searches {@code /feeds/search.atom?q=...}. Served like theme feeds ({@link FeedRoutes#serve}: conditional
 * GET, gzip, HEAD); a cached document is served on the event loop, a missing one is rendered on a worker thread.
 * These routes come before {@link FeedRoutes}' {@code /feeds/:file}.
 */
@ApplicationScoped
public class ComposedFeedRoutes {

    /** Before FeedRoutes' routes, whose order numbers count up from 0 in registration order. */
    private static final int ORDER = -10;
    /** The {@code +} between slugs, also percent-encoded. */
    private static final Pattern PLUS = Pattern.compile("\\+|%2[bB]");

    private final ComposedFeedService composed;
    private final FeedCache feeds;
    private final FeedConfig config;

    public ComposedFeedRoutes(ComposedFeedService composed, FeedCache feeds, FeedConfig config) {
        this.composed = composed;
        this.feeds = feeds;
        this.config = config;
    }

    void routes(@Observes Router router) {
        router.routeWithRegex("/feeds/([A-Za-z0-9_-]+(?:(?:\\+|%2[bB])[A-Za-z0-9_-]+)+)\\.([a-z]+)").order(ORDER)
                .method(HttpMethod.GET).method(HttpMethod.HEAD).handler(this::combined);
        router.routeWithRegex("/feeds/search\\.([a-z]+)").order(ORDER)
                .method(HttpMethod.GET).method(HttpMethod.HEAD).handler(this::search);
    }

    private void combined(RoutingContext ctx) {
        String names = ctx.pathParam("param0");
        FeedFormat format = FeedFormat.ofExtension(ctx.pathParam("param1")).orElse(null);
        List<String> slugs = Arrays.asList(PLUS.split(names));
        List<String> unknown = slugs.stream()
                .filter(s -> FeedItemRepository.ALL.equals(s) || !feeds.isFeed(s)).toList();
        if (format == null || !unknown.isEmpty()) {
            problem(ctx, ProblemMappers.unknownFeed(ProblemTypes.UNKNOWN_FEED, "There is no feed '" + names + "." + ctx.pathParam("param1")
                            + "'. Combined feeds are /feeds/{theme}+{theme}.{rss|atom|json} of the themes listed"
                            + (unknown.isEmpty() ? "." : "; unknown: " + String.join(", ", unknown) + "."),
                    ctx.request().path(), feeds.validFeeds().stream().filter(f -> !FeedItemRepository.ALL.equals(f)).toList()));
            return;
        }
        ComposedFeed feed = ComposedFeed.combined(slugs);
        if (feed.themes().size() > config.compose().maxThemes()) {
            invalid(ctx, "A combined feed has at most " + config.compose().maxThemes() + " themes");
            return;
        }
        serve(ctx, feed, format);
    }

    private void search(RoutingContext ctx) {
        FeedFormat format = FeedFormat.ofExtension(ctx.pathParam("param0")).orElse(null);
        if (format == null) {
            problem(ctx, ProblemMappers.unknownFeed(ProblemTypes.UNKNOWN_FEED, "Search feeds are /feeds/search.{rss|atom|json}?q=...",
                    ctx.request().path(), feeds.validFeeds()));
            return;
        }
        List<String> qs = ctx.queryParam("q");
        if (qs.size() > 1) {
            invalid(ctx, "Give q once");
            return;
        }
        SearchQuery.Result parsed = SearchQuery.parse(qs.isEmpty() ? null : qs.get(0), config.compose().maxQueryLength());
        if (parsed.query().isEmpty()) {
            invalid(ctx, parsed.refusal());
            return;
        }
        serve(ctx, ComposedFeed.search(parsed.query().get()), format);
    }

    private void serve(RoutingContext ctx, ComposedFeed feed, FeedFormat format) {
        RenderedFeed cached = composed.cached(feed, format);
        if (cached != null) {
            FeedRoutes.serve(ctx, cached);
            return;
        }
        ctx.vertx().executeBlocking(() -> composed.render(feed, format), false).onComplete(result -> {
            if (result.succeeded()) {
                FeedRoutes.serve(ctx, result.result());
            } else if (result.cause() instanceof InvalidRequestException refused) {
                invalid(ctx, refused.getMessage());
            } else {
                Log.errorf(result.cause(), "composed feed failed feed=%s format=%s", feed.key(), format.extension());
                FeedRoutes.unavailable(ctx);
            }
        });
    }

    private static void invalid(RoutingContext ctx, String detail) {
        problem(ctx, Problems.problem(ProblemTypes.INVALID_REQUEST, "Invalid request", 400, detail,
                ctx.request().path()));
    }

    private static void problem(RoutingContext ctx, HttpProblem problem) {
        Problems.send(ctx.response(), problem);
    }
}
