package org.syndication.ingest.feeds;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;

/**
 * Server-side request forgery guard for feed URLs: only {@code http}/{@code https}, no user info, a host on the
 * allow-list, and, unless private addresses are allowed, every address the host resolves to must be public
 * (not loopback, private, link-local, unique-local, carrier-grade NAT, multicast or unspecified). Checked again
 * on every redirect hop.
 */
public final class UrlGuard {

    /** Resolves a host name; replaced in tests. */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private final List<String> allowedHosts;
    private final boolean allowPrivate;
    private final Resolver resolver;

    public UrlGuard(List<String> allowedHosts, boolean allowPrivate, Resolver resolver) {
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
        String host = host(uri);
        if (!hostAllowed(host)) {
            throw new UnsafeUrlException("host " + host + " is not on the allow-list (ingest.sources.allowed-hosts)");
        }
        return uri;
    }

    /** {@link #parse} plus the address check: the URL may be fetched now. */
    public URI check(String url) {
        URI uri = parse(url);
        String host = host(uri);
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            throw new UnsafeUrlException("host " + host + " does not resolve");
        }
        if (!allowPrivate) {
            for (InetAddress address : addresses) {
                if (!isPublic(address)) {
                    throw new UnsafeUrlException("host " + host + " resolves to a non-public address"
                            + " (set ingest.sources.allow-private=true to allow it)");
                }
            }
        }
        return uri;
    }

    private static String host(URI uri) {
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
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

    /** Whether an address is on the public internet. */
    public static boolean isPublic(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first != 0                                   // 0.0.0.0/8 "this network"
                    && !(first == 100 && second >= 64 && second < 128) // 100.64.0.0/10 carrier-grade NAT
                    && !(first == 192 && second == 0 && (b[2] & 0xff) == 0) // 192.0.0.0/24 IETF protocol assignments
                    && !(first == 198 && (second == 18 || second == 19)) // 198.18.0.0/15 benchmarking
                    && first < 240;                             // 240.0.0.0/4 reserved, broadcast
        }
        if (address instanceof Inet6Address) {
            int first = b[0] & 0xff;
            if ((first & 0xfe) == 0xfc) {                       // fc00::/7 unique local
                return false;
            }
            if (isIpv4Mapped(b)) {                              // ::ffff:a.b.c.d
                try {
                    return isPublic(InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]}));
                } catch (UnknownHostException e) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean isIpv4Mapped(byte[] b) {
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
    }
}
