package org.syndication.feed.rest;

import org.syndication.support.rest.Problems;

import java.net.URI;

/** The stable {@code type} URIs of the feed service's problem documents (RFC 9457), listed in the README. */
public final class ProblemTypes {

    static final String BASE = Problems.BASE;

    public static final URI UNKNOWN_FEED = of("unknown-feed");
    public static final URI UNKNOWN_THEME = of("unknown-theme");
    public static final URI NOT_FOUND = of("not-found");
    public static final URI UNAUTHORIZED = Problems.UNAUTHORIZED;
    public static final URI FORBIDDEN = Problems.FORBIDDEN;
    public static final URI INVALID_REQUEST = Problems.INVALID_REQUEST;
    public static final URI INVALID_TOKEN = of("invalid-token");
    public static final URI SUBSCRIPTION_ENDED = of("subscription-ended");
    public static final URI RATE_LIMITED = of("rate-limited");
    public static final URI UNAVAILABLE = of("unavailable");
    public static final URI HUB_BUSY = of("hub-busy");
    public static final URI BODY_TOO_LARGE = of("body-too-large");

    private ProblemTypes() {
    }

    /** The type of a problem that has no kind of its own: {@code .../http-<status>}. */
    public static URI forStatus(int status) {
        return Problems.forStatus(status);
    }

    private static URI of(String kind) {
        return Problems.type(kind);
    }
}
