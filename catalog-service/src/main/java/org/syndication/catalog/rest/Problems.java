package org.syndication.catalog.rest;

import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.net.URI;

/** The problem types of the catalog API (RFC 9457); each {@code type} is stable and documented in the README. */
public final class Problems {

    public static final String BASE = "https://syndication.example.org/problems/";
    public static final URI ITEM_NOT_FOUND = URI.create(BASE + "item-not-found");
    public static final URI UNKNOWN_THEME = URI.create(BASE + "unknown-theme");
    public static final URI INVALID_REQUEST = URI.create(BASE + "invalid-request");
    public static final URI JOB_NOT_FOUND = URI.create(BASE + "job-not-found");
    public static final URI UNAUTHORIZED = URI.create(BASE + "unauthorized");
    public static final URI FORBIDDEN = URI.create(BASE + "forbidden");
    public static final URI BODY_TOO_LARGE = URI.create(BASE + "body-too-large");

    private Problems() {
    }

    /** A problem about the current request; {@code instance} is its path as received (still percent-encoded). */
    static HttpProblem.Builder problem(URI type, Response.Status status, String title, String detail, UriInfo request) {
        return HttpProblem.builder()
                .withType(type)
                .withStatus(status)
                .withTitle(title)
                .withDetail(detail)
                .withInstance(URI.create(request.getRequestUri().getRawPath()));
    }
}
