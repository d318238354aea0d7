package org.syndication.support.rest;

import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * The browser-side protection of every HTML answer of a service (ingest's sources page; feed's pages, subscription
 * forms and errors shown as pages):
 * <ul>
 *   <li>{@code Content-Security-Policy}: no script at all, styles only from the page itself (the layout's
 *   {@code <style>}), forms only where the service's {@link FormAction} allows (none without one), no
 *   {@code <base>}, and no framing ({@code frame-ancestors 'none'}), so no button can be clickjacked;</li>
 *   <li>{@code X-Frame-Options: DENY} for browsers without CSP level 2;</li>
 *   <li>{@code Referrer-Policy: no-referrer}: pages carry tokens and operator URLs, and a link to a publisher must
 *   not hand it any of our URLs;</li>
 *   <li>{@code X-Content-Type-Options: nosniff}.</li>
 * </ul>
 * Feeds and JSON are not pages: they get none of it here.
 */
public class PageSecurityHeaders {

    /** Where a service's forms may post: the {@code form-action} sources, e.g. {@code 'self' https://example.org}. */
    public record FormAction(String sources) {
    }

    /** The policy of a service whose pages have no form. */
    public static final String CONTENT_SECURITY_POLICY_WITHOUT_FORMS = contentSecurityPolicy("'none'");

    private final String contentSecurityPolicy;

    public PageSecurityHeaders(Instance<FormAction> formAction) {
        this.contentSecurityPolicy = formAction.isResolvable()
                ? contentSecurityPolicy(formAction.get().sources()) : CONTENT_SECURITY_POLICY_WITHOUT_FORMS;
    }

    static String contentSecurityPolicy(String formAction) {
        return "default-src 'none'; style-src 'unsafe-inline'; form-action " + formAction
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
