package org.syndication.feed.rest;

import io.quarkiverse.resteasy.problem.HttpProblem;
import io.quarkus.logging.Log;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.syndication.feed.render.FeedFormat;
import org.syndication.feed.render.RenderedFeed;
import org.syndication.feed.service.FeedCache;
import org.syndication.support.rest.Problems;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Serves feed documents straight from memory on the event loop: no JAX-RS, no blocking, no copy of the body;
 * conditional GET (ETag first, then Last-Modified), gzip when accepted, HEAD. Archive documents that are not
 * rendered yet are rendered on a worker thread.
 */
@ApplicationScoped
public class FeedRoutes {

    private static final CharSequence VARY_VALUE = HttpHeaders.createOptimized("Accept-Encoding");
    private static final CharSequence GZIP = HttpHeaders.createOptimized("gzip");
    private static final CharSequence NOSNIFF = HttpHeaders.createOptimized("nosniff");
    private static final CharSequence X_CONTENT_TYPE_OPTIONS = HttpHeaders.createOptimized("X-Content-Type-Options");

    private static final CharSequence RETRY_AFTER = HttpHeaders.createOptimized("Retry-After");

    private static final String FEEDS_PREFIX = "/feeds/";
    /** Before {@link ComposedFeedRoutes}' routes ({@code -10}). */
    private static final int CACHED_DOCUMENT_ORDER = -11;

    private final FeedCache cache;
    private final PollingLimit polling;

    public FeedRoutes(FeedCache cache, PollingLimit polling) {
        this.cache = cache;
        this.polling = polling;
    }

    void routes(@Observes Router router) {
        // before ComposedFeedRoutes' regular expressions and /feeds/:file's: a prefix route is a string comparison
        router.route("/feeds/*").order(CACHED_DOCUMENT_ORDER).method(HttpMethod.GET).method(HttpMethod.HEAD)
                .handler(this::cachedDocument);
        router.route("/feeds.opml").method(HttpMethod.GET).method(HttpMethod.HEAD)
                .handler(ctx -> serve(ctx, cache.opml()));
        router.route("/feeds/:file").method(HttpMethod.GET).method(HttpMethod.HEAD)
                .handler(this::subscription);
        router.route("/feeds/:feed/:file").method(HttpMethod.GET).method(HttpMethod.HEAD)
                .blockingHandler(this::archive, false);
    }

    /**
     * The hot path: a subscription document in memory, named in the path exactly as it is cached (no percent-encoding,
     * no further segment), served without the regular-expression routes; anything else goes on to the routes below
     * and to {@link ComposedFeedRoutes}, which decode, render and answer problems.
     */
    private void cachedDocument(RoutingContext ctx) {
        String path = ctx.normalizedPath();
        // the prefix route also matches "/feeds" itself, which names no document
        String file = path.startsWith(FEEDS_PREFIX) ? path.substring(FEEDS_PREFIX.length()) : "";
        RenderedFeed cached = !file.isEmpty() && file.indexOf('/') < 0 && file.indexOf('%') < 0
                ? cache.cached(file) : null;
        if (cached != null) {
            serveUnlessTooFast(ctx, file, cached);
        } else {
            ctx.next();
        }
    }

    /**
     * A subscription document from memory; one not rendered since the feed last changed (a theme's document nobody
     * asked for meanwhile, {@link FeedCache}) is rendered on a worker thread first, as a composed feed is.
     */
    private void subscription(RoutingContext ctx) {
        String file = ctx.pathParam("file");
        RenderedFeed cached = cache.cached(file);
        if (cached != null) {
            serveUnlessTooFast(ctx, file, cached);
            return;
        }
        if (!cache.isDocument(file)) {
            unknown(ctx, file);
            return;
        }
        ctx.vertx().executeBlocking(() -> cache.document(file), false).onComplete(result -> {
            if (result.succeeded() && result.result() != null) {
                serveUnlessTooFast(ctx, file, result.result());
            } else if (result.succeeded()) {
                unknown(ctx, file); // the theme went away while the request waited
            } else {
                Log.errorf(result.cause(), "feed document failed file=%s", file);
                unavailable(ctx);
            }
        });
    }

    private void serveUnlessTooFast(RoutingContext ctx, String document, RenderedFeed doc) {
        if (!tooFast(ctx, document, doc)) {
            serve(ctx, doc);
        }
    }

    private void archive(RoutingContext ctx) {
        String feed = ctx.pathParam("feed");
        String file = ctx.pathParam("file");
        int dot = file.lastIndexOf('.');
        Optional<FeedFormat> format = dot < 0 ? Optional.empty() : FeedFormat.ofExtension(file.substring(dot + 1));
        Optional<YearMonth> month = dot < 0 ? Optional.empty() : month(file.substring(0, dot));
        if (!cache.isFeed(feed) || format.isEmpty() || month.isEmpty()) {
            unknown(ctx, feed + "/" + file);
            return;
        }
        Optional<RenderedFeed> doc = cache.archive(feed, month.get(), format.get());
        if (doc.isEmpty()) {
            problem(ctx, Problems.problem(ProblemTypes.NOT_FOUND, "No archive", 404,
                    "Feed '" + feed + "' has no archive for " + month.get()
                            + " (only months that are over and hold items have one)", ctx.request().path()));
            return;
        }
        if (tooFast(ctx, feed + "/" + file, doc.get())) {
            return;
        }
        serve(ctx, doc.get());
    }

    /** Answers 429 when this client polls this document far faster than its max-age ({@link PollingLimit}). */
    private boolean tooFast(RoutingContext ctx, String document, RenderedFeed doc) {
        if (!polling.enabled()) {
            return false;
        }
        long retryAfter = polling.retryAfter(ClientAddress.of(ctx.request()), document, doc.cacheControl());
        if (retryAfter == 0) {
            return false;
        }
        ctx.response().putHeader(RETRY_AFTER, Long.toString(retryAfter));
        problem(ctx, Problems.problem(ProblemTypes.RATE_LIMITED, "Polling too fast", 429,
                "This feed changes about every " + PollingLimit.maxAgeSeconds(doc.cacheControl())
                        + " s (its Cache-Control max-age); ask again in " + retryAfter + " s.",
                ctx.request().path()));
        return true;
    }

    static void serve(RoutingContext ctx, RenderedFeed doc) {
        HttpServerRequest request = ctx.request();
        HttpServerResponse response = ctx.response();
        boolean gzip = acceptsGzip(request.getHeader(HttpHeaders.ACCEPT_ENCODING));
        MultiMap headers = response.headers();
        headers.set(HttpHeaders.CONTENT_TYPE, doc.contentType());
        headers.set(HttpHeaders.ETAG, doc.etag(gzip));
        headers.set(HttpHeaders.LAST_MODIFIED, doc.lastModifiedHeader());
        headers.set(HttpHeaders.CACHE_CONTROL, doc.cacheControl());
        headers.set(HttpHeaders.VARY, VARY_VALUE);
        headers.set(X_CONTENT_TYPE_OPTIONS, NOSNIFF);
        if (notModified(request, doc)) {
            response.setStatusCode(304).end();
            return;
        }
        if (gzip) {
            headers.set(HttpHeaders.CONTENT_ENCODING, GZIP);
        }
        headers.set(HttpHeaders.CONTENT_LENGTH, doc.contentLength(gzip));
        if (request.method() == HttpMethod.HEAD) {
            response.end();
        } else {
            Buffer body = doc.body(gzip);
            response.end(body);
        }
    }

    /** If-None-Match decides when present (RFC 9110 13.2.2); otherwise If-Modified-Since. */
    static boolean notModified(HttpServerRequest request, RenderedFeed doc) {
        String ifNoneMatch = request.getHeader(HttpHeaders.IF_NONE_MATCH);
        if (ifNoneMatch != null) {
            return doc.matches(ifNoneMatch);
        }
        String ifModifiedSince = request.getHeader(HttpHeaders.IF_MODIFIED_SINCE);
        if (ifModifiedSince == null) {
            return false;
        }
        if (doc.lastModifiedHeader().toString().equals(ifModifiedSince)) {
            return true;
        }
        try {
            Instant since = ZonedDateTime.parse(ifModifiedSince, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            return !doc.lastModified().isAfter(since);
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /** Whether Accept-Encoding lists gzip (or *) without q=0; the common forms need no allocation. */
    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        int at = acceptEncoding.indexOf("gzip");
        int next = at + 4;
        if (at < 0) {
            at = acceptEncoding.indexOf('*');
            next = at + 1;
            if (at < 0) {
                return false;
            }
        }
        while (next < acceptEncoding.length() && acceptEncoding.charAt(next) == ' ') {
            next++;
        }
        if (next >= acceptEncoding.length() || acceptEncoding.charAt(next) == ',') {
            return true;
        }
        int end = acceptEncoding.indexOf(',', next);
        String params = acceptEncoding.substring(next, end < 0 ? acceptEncoding.length() : end).replace(" ", "");
        return !params.matches(";q=0(\\.0*)?");
    }

    /** A document that could not be rendered for its request (the database did not answer): 503, ask again soon. */
    static void unavailable(RoutingContext ctx) {
        ctx.response().putHeader(RETRY_AFTER, "5");
        problem(ctx, Problems.problem(ProblemTypes.UNAVAILABLE, "Feed unavailable", 503,
                "The feed cannot be read right now; try again shortly.", ctx.request().path()));
    }

    private void unknown(RoutingContext ctx, String what) {
        problem(ctx, ProblemMappers.unknownFeed(ProblemTypes.UNKNOWN_FEED,
                "There is no feed '" + what + "'. Feeds are /feeds/{theme}.{rss|atom|json} for the themes listed.",
                ctx.request().path(), cache.validFeeds()));
    }

    private static void problem(RoutingContext ctx, HttpProblem problem) {
        Problems.send(ctx.response(), problem);
    }

    private static Optional<YearMonth> month(String text) {
        try {
            return Optional.of(YearMonth.parse(text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
