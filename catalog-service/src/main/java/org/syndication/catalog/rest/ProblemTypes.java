package org.syndication.catalog.rest;

import org.syndication.support.rest.Problems;

import java.net.URI;

/** The stable {@code type} URIs of the catalog service's problem documents (RFC 9457), listed in the README. */
public final class ProblemTypes {

    static final String BASE = Problems.BASE;

    public static final URI ITEM_NOT_FOUND = of("item-not-found");
    public static final URI UNKNOWN_THEME = of("unknown-theme");
    public static final URI INVALID_REQUEST = Problems.INVALID_REQUEST;
    public static final URI JOB_NOT_FOUND = of("job-not-found");
    public static final URI UNAUTHORIZED = Problems.UNAUTHORIZED;
    public static final URI FORBIDDEN = Problems.FORBIDDEN;
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
