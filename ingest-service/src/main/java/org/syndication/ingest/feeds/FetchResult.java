package org.syndication.ingest.feeds;

import java.net.URI;

/**
 * The outcome of a conditional GET.
 *
 * @param notModified  true on 304 (then body is empty and the validators are the ones sent)
 * @param finalUrl     the URL after redirects
 * @param body         the document
 * @param contentType  the response's Content-Type, or null
 * @param etag         the response's ETag, or null
 * @param lastModified the response's Last-Modified, or null
 */
public record FetchResult(boolean notModified, URI finalUrl, byte[] body, String contentType, String etag,
                          String lastModified) {

    static FetchResult notModified(URI finalUrl, String etag, String lastModified) {
        return new FetchResult(true, finalUrl, new byte[0], null, etag, lastModified);
    }
}
