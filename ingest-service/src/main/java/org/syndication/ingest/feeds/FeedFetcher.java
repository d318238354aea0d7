package org.syndication.ingest.feeds;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Fetches a feed with a conditional GET ({@code If-None-Match}, {@code If-Modified-Since}), bounded in time
 * (connect timeout, then one deadline for headers and body) and size, following at most {@code maxRedirects}
 * redirects by hand so that every hop passes the {@link UrlGuard} again.
 */
public final class FeedFetcher {

    /** Limits of one fetch. */
    public record Limits(Duration connectTimeout, Duration readTimeout, long maxBytes, int maxRedirects,
                         String userAgent) {
    }

    private static final String ACCEPT = "application/rss+xml, application/atom+xml, application/feed+json, "
            + "application/rdf+xml, application/xml;q=0.9, text/xml;q=0.9, text/html;q=0.8, */*;q=0.5";

    /** Longest {@code Retry-After} honoured; a server asking for more gets this (a typo must not park a source). */
    static final Duration MAX_RETRY_AFTER = Duration.ofDays(1);

    private final UrlGuard guard;
    private final Limits limits;
    private final HttpClient client;

    public FeedFetcher(UrlGuard guard, Limits limits) {
        this.guard = guard;
        this.limits = limits;
        this.client = HttpClient.newBuilder()
                .connectTimeout(limits.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    /**
     * @throws UnsafeUrlException when the URL or a redirect target is refused
     * @throws FetchException     for any other failure
     */
    public FetchResult fetch(String url, String etag, String lastModified) {
        URI current = guard.check(url);
        for (int hop = 0; hop <= limits.maxRedirects(); hop++) {
            HttpResponse<byte[]> response = get(current, etag, lastModified);
            int status = response.statusCode();
            if (isRedirect(status)) {
                String location = response.headers().firstValue("Location")
                        .orElseThrow(() -> new FetchException("HTTP " + status + " without Location", null));
                current = guard.check(current.resolve(location.strip()).toString());
                continue;
            }
            if (status == 304) {
                return FetchResult.notModified(current, etag, lastModified);
            }
            if (status != 200) {
                Duration retryAfter = status == 429 || status == 503
                        ? retryAfter(header(response, "Retry-After"), Instant.now()) : null;
                throw new FetchException("HTTP " + status + (retryAfter == null ? ""
                        : " (Retry-After " + retryAfter.toSeconds() + "s)"), null, status, retryAfter);
            }
            return new FetchResult(false, current, response.body(), header(response, "Content-Type"),
                    header(response, "ETag"), header(response, "Last-Modified"));
        }
        throw new FetchException("more than " + limits.maxRedirects() + " redirects", null);
    }

    private HttpResponse<byte[]> get(URI uri, String etag, String lastModified) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .GET()
                .timeout(limits.readTimeout())
                .header("Accept", ACCEPT)
                .header("User-Agent", limits.userAgent());
        if (etag != null) {
            request.header("If-None-Match", etag);
        }
        if (lastModified != null) {
            request.header("If-Modified-Since", lastModified);
        }
        CompletableFuture<HttpResponse<byte[]>> future =
                client.sendAsync(request.build(), info -> new LimitedBody(limits.maxBytes(), info));
        try {
            return future.get(limits.readTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new FetchException("timed out after " + limits.readTimeout().toSeconds() + "s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FetchException("interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof FetchException fetch) {
                throw fetch;
            }
            if (cause instanceof IOException io && io.getCause() instanceof FetchException fetch) {
                throw fetch;
            }
            if (cause instanceof HttpTimeoutException) {
                throw new FetchException("timed out after " + limits.readTimeout().toSeconds() + "s", cause);
            }
            throw new FetchException("connection failed: " + (cause == null ? "unknown" : cause.getClass().getSimpleName()), cause);
        }
    }

    /**
     * A {@code Retry-After} value (delay-seconds or an HTTP-date, RFC 9110 §10.2.3) as a duration from {@code now},
     * at most {@link #MAX_RETRY_AFTER}; null when absent or unreadable.
     */
    static Duration retryAfter(String value, Instant now) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        Duration wait;
        if (v.chars().allMatch(Character::isDigit)) {
            wait = v.length() > 9 ? MAX_RETRY_AFTER : Duration.ofSeconds(Long.parseLong(v));
        } else {
            try {
                wait = Duration.between(now, ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        if (wait.isNegative()) {
            return Duration.ZERO;
        }
        return wait.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : wait;
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    private static String header(HttpResponse<?> response, String name) {
        Optional<String> value = response.headers().firstValue(name);
        return value.filter(v -> !v.isBlank()).orElse(null);
    }

    /** Collects a body up to a limit; a larger one (by Content-Length or by counting) fails the fetch. */
    private static final class LimitedBody implements HttpResponse.BodySubscriber<byte[]> {

        private final long maxBytes;
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private final java.io.ByteArrayOutputStream buffer = new java.io.ByteArrayOutputStream();
        private Flow.Subscription subscription;

        LimitedBody(long maxBytes, HttpResponse.ResponseInfo info) {
            this.maxBytes = maxBytes;
            long declared = info.headers().firstValueAsLong("Content-Length").orElse(-1);
            if (declared > maxBytes) {
                result.completeExceptionally(tooLarge());
            }
        }

        private FetchException tooLarge() {
            return new FetchException("document larger than " + maxBytes + " bytes", null);
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            this.subscription = s;
            if (result.isDone()) {
                s.cancel();
            } else {
                s.request(Long.MAX_VALUE);
            }
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            if (result.isDone()) {
                return;
            }
            for (ByteBuffer item : items) {
                if (buffer.size() + (long) item.remaining() > maxBytes) {
                    subscription.cancel();
                    result.completeExceptionally(tooLarge());
                    return;
                }
                byte[] bytes = new byte[item.remaining()];
                item.get(bytes);
                buffer.writeBytes(bytes);
            }
        }

        @Override
        public void onError(Throwable throwable) {
            result.completeExceptionally(throwable);
        }

        @Override
        public void onComplete() {
            result.complete(buffer.toByteArray());
        }
    }
}
