package org.syndication.feed.rest;

import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.syndication.feed.PublicUrls;

import java.net.URI;

/**
 * The browser-side protection of every HTML answer (pages, the subscription forms, errors shown as pages):
 * <ul>
 *   <li>{@code Content-Security-Policy}: no script at all, styles only from the page itself (the layout's
 *   {@code <style>}), forms post only to this service, no {@code <base>}, and no framing
 *   ({@code frame-ancestors 'none'}), so the manage and unsubscribe buttons cannot be clickjacked;</li>
 *   <li>{@code X-Frame-Options: DENY} for browsers without CSP level 2;</li>
 *   <li>{@code Referrer-Policy: no-referrer}: the subscription pages carry their token in the URL, and an item
 *   page's link to the publisher must not hand it any of our URLs;</li>
 *   <li>{@code X-Content-Type-Options: nosniff}.</li>
 * </ul>
 * Feeds are not pages: their route sets nosniff itself and needs none of the rest.
 */
public class PageSecurityHeaders {

    private final String contentSecurityPolicy;

    public PageSecurityHeaders(PublicUrls urls) {
        // forms post to absolute URLs of feed.public-base-url: allow that origin too when it is not this one
        URI base = URI.create(urls.base());
        String origin = base.getScheme() + "://" + base.getRawAuthority();
        this.contentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self' " + origin
                + "; base-uri 'none'; frame-ancestors 'none'";
    }

    @ServerResponseFilter
    public void addHeaders(ContainerResponseContext response) {
        MediaType type = response.getMediaType();
        if (type == null || !type.isCompatible(MediaType.TEXT_HTML_TYPE)) {
            return;
        }
        MultivaluedMap<String, Object> headers = response.getHeaders();
        headers.putSingle("Content-Security-Policy", contentSecurityPolicy);
        headers.putSingle("X-Frame-Options", "DENY");
        headers.putSingle("Referrer-Policy", "no-referrer");
        headers.putSingle("X-Content-Type-Options", "nosniff");
    }
}
