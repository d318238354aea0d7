package org.syndication.ingest.rest;

import org.syndication.support.rest.Problems;

import java.net.URI;

/** The stable {@code type} URIs of the ingest service's problem documents (RFC 9457), listed in the README. */
public final class ProblemTypes {

    static final String BASE = Problems.BASE;

    public static final URI EMPTY_DOCUMENT = of("empty-document");
    public static final URI NO_ITEMS_FOUND = of("no-items-found");
    public static final URI DOCUMENT_TOO_LARGE = of("document-too-large");
    public static final URI UNSUPPORTED_MEDIA_TYPE = of("unsupported-media-type");
    public static final URI UNDECODABLE_DOCUMENT = of("undecodable-document");
    public static final URI INVALID_REQUEST = Problems.INVALID_REQUEST;
    public static final URI SOURCE_URL_REFUSED = of("source-url-refused");
    public static final URI SOURCE_NOT_FOUND = of("source-not-found");
    public static final URI KAFKA_UNAVAILABLE = of("kafka-unavailable");
    public static final URI DATABASE_UNAVAILABLE = of("database-unavailable");
    public static final URI UNAUTHORIZED = Problems.UNAUTHORIZED;
    public static final URI FORBIDDEN = Problems.FORBIDDEN;

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
