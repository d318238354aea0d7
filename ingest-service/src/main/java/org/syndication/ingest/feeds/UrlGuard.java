package org.syndication.ingest.feeds;

import org.syndication.support.net.PublicAddresses;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;

/**
 * Server-side request forgery guard for feed URLs: only {@code http}/{@code https}, no user info, a host on the
 * allow-list, and, unless private addresses are allowed, every address the host resolves to must be public
 * (service-support's {@link PublicAddresses}, the same rule as feed's WebSub callbacks). Checked again on every
 * redirect hop.
 */
public final class UrlGuard {

    private final List<String> allowedHosts;
    private final boolean allowPrivate;
    private final PublicAddresses.Resolver resolver;

    public UrlGuard(List<String> allowedHosts, boolean allowPrivate, PublicAddresses.Resolver resolver) {
        this.allowedHosts = allowedHosts.stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).filter(h -> !h.isEmpty()).toList();
        this.allowPrivate = allowPrivate;
        this.resolver = resolver;
    }

    public UrlGuard(List<String> allowedHosts, boolean allowPrivate) {
        this(allowedHosts, allowPrivate, InetAddress::getAllByName);
    }

    /** Parses a URL and checks its form and host name, without resolving it. */
    public URI parse(String url) {
        URI uri;
        try {
            uri = new URI(url == null ? "" : url.strip()).normalize();
        } catch (URISyntaxException e) {
            throw new UnsafeUrlException("not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new UnsafeUrlException("only http and https URLs are fetched");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new UnsafeUrlException("the URL has no host");
        }
        if (uri.getRawUserInfo() != null) {
            throw new UnsafeUrlException("URLs with user info are not fetched");
        }
        String host = PublicAddresses.host(uri);
        if (!hostAllowed(host)) {
            throw new UnsafeUrlException("host " + host + " is not on the allow-list (ingest.sources.allowed-hosts)");
        }
        return uri;
    }

    /** {@link #parse} plus the address check: the URL may be fetched now. */
    public URI check(String url) {
        URI uri = parse(url);
        String host = PublicAddresses.host(uri);
        switch (PublicAddresses.check(host, allowPrivate, resolver)) {
            case NON_PUBLIC_NUMBER -> throw new UnsafeUrlException("host " + host + " is a non-public address"
                    + " (set ingest.sources.allow-private=true to allow it)");
            case UNRESOLVED -> throw new UnsafeUrlException("host " + host + " does not resolve");
            case RESOLVES_NON_PUBLIC -> throw new UnsafeUrlException("host " + host + " resolves to a non-public address"
                    + " (set ingest.sources.allow-private=true to allow it)");
            case CALLABLE -> {
            }
        }
        return uri;
    }

    boolean hostAllowed(String host) {
        for (String pattern : allowedHosts) {
            if (pattern.equals("*") || pattern.equals(host)
                    || (pattern.startsWith("*.") && host.endsWith(pattern.substring(1)))) {
                return true;
            }
        }
        return false;
    }
}
