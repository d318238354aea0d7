package org.syndication.ingest.rest;

import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * The browser-side protection of every HTML answer (the sources page), as feed-service's pages have it:
 * {@code Content-Security-Policy} with no script, styles only from the page itself, no form, no {@code <base>}
 * and no framing; {@code X-Frame-Options: DENY} for browsers without CSP level 2; {@code Referrer-Policy:
 * no-referrer}, so following a source's link does not hand the site our operator URL; {@code nosniff}.
 */
public class PageSecurityHeaders {

    static final String CONTENT_SECURITY_POLICY =
            "default-src 'none'; style-src 'unsafe-inline'; form-action 'none'; base-uri 'none'; frame-ancestors 'none'";

    @ServerResponseFilter
    public void addHeaders(ContainerResponseContext response) {
        MediaType type = response.getMediaType();
        if (type == null || !type.isCompatible(MediaType.TEXT_HTML_TYPE)) {
            return;
        }
        MultivaluedMap<String, Object> headers = response.getHeaders();
        headers.putSingle("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        headers.putSingle("X-Frame-Options", "DENY");
        headers.putSingle("Referrer-Policy", "no-referrer");
        headers.putSingle("X-Content-Type-Options", "nosniff");
    }
}
