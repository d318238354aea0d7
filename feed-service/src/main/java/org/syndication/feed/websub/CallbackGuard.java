package org.syndication.feed.websub;

import org.syndication.support.net.PublicAddresses;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Server-side request forgery guard for WebSub callbacks: only {@code http}/{@code https}, no user info, and,
 * unless private addresses are allowed ({@code feed.websub.allow-private}, set by the local stack), every address
 * the host resolves to must be public (not loopback, private, link-local, unique-local, carrier-grade NAT,
 * multicast or unspecified, in any IPv4-in-IPv6 or numeric spelling: service-support's {@link PublicAddresses}, the
 * rule ingest's {@code UrlGuard} checks feed sources with). Checked when a request arrives and again before every
 * verification and delivery, since a name can resolve elsewhere later.
 */
public final class CallbackGuard {

    /** A callback this hub will not call; the message is safe to show the client. */
    public static final class UnsafeCallbackException extends RuntimeException {
        public UnsafeCallbackException(String message) {
            super(message);
        }
    }

    private final boolean allowPrivate;
    private final PublicAddresses.Resolver resolver;

    public CallbackGuard(boolean allowPrivate, PublicAddresses.Resolver resolver) {
        this.allowPrivate = allowPrivate;
        this.resolver = resolver;
    }

    public CallbackGuard(boolean allowPrivate) {
        this(allowPrivate, InetAddress::getAllByName);
    }

    /** Parses a callback URL and checks its form, without resolving it. */
    public static URI parse(String url) {
        URI uri;
        try {
            uri = new URI(url == null ? "" : url.strip());
        } catch (URISyntaxException e) {
            throw new UnsafeCallbackException("hub.callback is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new UnsafeCallbackException("hub.callback must be an http or https URL");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new UnsafeCallbackException("hub.callback has no host");
        }
        if (uri.getRawUserInfo() != null) {
            throw new UnsafeCallbackException("hub.callback must not carry user info");
        }
        if (uri.getRawFragment() != null) {
            throw new UnsafeCallbackException("hub.callback must not carry a fragment");
        }
        return uri;
    }

    /** {@link #parse} plus the address check: the callback may be called now. */
    public URI check(String url) {
        URI uri = parse(url);
        switch (PublicAddresses.check(PublicAddresses.host(uri), allowPrivate, resolver)) {
            case NON_PUBLIC_NUMBER -> throw new UnsafeCallbackException("hub.callback's host is a non-public address");
            case UNRESOLVED -> throw new UnsafeCallbackException("hub.callback's host does not resolve");
            case RESOLVES_NON_PUBLIC ->
                    throw new UnsafeCallbackException("hub.callback's host resolves to a non-public address");
            case CALLABLE -> {
            }
        }
        return uri;
    }
}
