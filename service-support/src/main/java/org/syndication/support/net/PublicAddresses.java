package org.syndication.support.net;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The server-side request forgery rule of every URL a service calls on a client's word (ingest's feed sources,
 * feed's WebSub callbacks): unless private addresses are allowed (the local stack), every address the host resolves
 * to must be public (not loopback, private, link-local, unique-local, carrier-grade NAT, multicast or unspecified, in
 * any IPv4-in-IPv6 or numeric spelling). A host written as a number is checked as the IPv4 address it means before
 * any resolver sees it. What a URL must look like, and what a refusal says, stays with each caller.
 */
public final class PublicAddresses {

    /** Resolves a host name; replaced in tests. */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    /** What {@link #check} found about a host. */
    public enum Verdict {
        /** Every address is public, or private ones are allowed and the host resolves. */
        CALLABLE,
        /** The host is written as a non-public IPv4 address (decimal, octal, hexadecimal or dotted). */
        NON_PUBLIC_NUMBER,
        /** The host does not resolve. */
        UNRESOLVED,
        /** The host resolves to at least one non-public address. */
        RESOLVES_NON_PUBLIC
    }

    private PublicAddresses() {
    }

    /** Whether a host may be called now. */
    public static Verdict check(String host, boolean allowPrivate, Resolver resolver) {
        // a host written as a number (2130706433, 0x7f.1, 017700000001) is checked as the IPv4 address it means,
        // whatever the resolver makes of it: resolvers differ in which of these forms they read
        if (!allowPrivate && numericIpv4(host).filter(ipv4 -> !isPublicIpv4(ipv4)).isPresent()) {
            return Verdict.NON_PUBLIC_NUMBER;
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            return Verdict.UNRESOLVED;
        }
        if (!allowPrivate) {
            for (InetAddress address : addresses) {
                if (!isPublic(address)) {
                    return Verdict.RESOLVES_NON_PUBLIC;
                }
            }
        }
        return Verdict.CALLABLE;
    }

    /** The host of a URL as the resolver takes it: lower case, an IPv6 literal without its brackets. */
    public static String host(URI uri) {
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    /** Whether an address is on the public internet. */
    public static boolean isPublic(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            return isPublicIpv4(b);
        }
        if (address instanceof Inet6Address) {
            int first = b[0] & 0xff;
            if ((first & 0xfe) == 0xfc) {                       // fc00::/7 unique local
                return false;
            }
            if (startsWith(b, LOCAL_NAT64)) {                   // 64:ff9b:1::/48 local-use NAT64, any embedding
                return false;
            }
            // an IPv6 address that carries an IPv4 one reaches that IPv4 address (through a NAT64 gateway, a
            // 6to4 or Teredo relay, or the host's own stack): it is public only when every IPv4 address it holds is
            for (byte[] ipv4 : embeddedIpv4(b)) {
                if (!isPublicIpv4(ipv4)) {
                    return false;
                }
            }
        }
        return true;
    }

    static boolean isPublicIpv4(byte[] b) {
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        return first != 0                                       // 0.0.0.0/8 "this network"
                && first != 10                                  // 10.0.0.0/8 private
                && first != 127                                 // 127.0.0.0/8 loopback
                && !(first == 169 && second == 254)             // 169.254.0.0/16 link-local (cloud metadata)
                && !(first == 172 && second >= 16 && second < 32) // 172.16.0.0/12 private
                && !(first == 192 && second == 168)             // 192.168.0.0/16 private
                && !(first == 100 && second >= 64 && second < 128) // 100.64.0.0/10 carrier-grade NAT
                && !(first == 192 && second == 0 && (b[2] & 0xff) == 0) // 192.0.0.0/24 IETF protocol assignments
                && !(first == 198 && (second == 18 || second == 19)) // 198.18.0.0/15 benchmarking
                && first < 224;                                 // 224.0.0.0/4 multicast, 240.0.0.0/4 reserved
    }

    private static final byte[] IPV4_MAPPED = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff};
    private static final byte[] IPV4_COMPATIBLE = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
    private static final byte[] IPV4_TRANSLATED = {0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, 0, 0};
    private static final byte[] NAT64 = {0, 0x64, (byte) 0xff, (byte) 0x9b, 0, 0, 0, 0, 0, 0, 0, 0};
    private static final byte[] LOCAL_NAT64 = {0, 0x64, (byte) 0xff, (byte) 0x9b, 0, 1};
    private static final byte[] SIX_TO_FOUR = {0x20, 0x02};
    private static final byte[] TEREDO = {0x20, 0x01, 0, 0};

    /**
     * The IPv4 addresses an IPv6 address carries: IPv4-mapped {@code ::ffff:a.b.c.d}, IPv4-compatible
     * {@code ::a.b.c.d}, IPv4-translated {@code ::ffff:0:a.b.c.d}, NAT64 {@code 64:ff9b::a.b.c.d} (RFC 6052),
     * 6to4 {@code 2002:AABB:CCDD::/48} (RFC 3056), and Teredo {@code 2001:0::/32} (RFC 4380: the server address and
     * the client address, stored inverted).
     */
    static List<byte[]> embeddedIpv4(byte[] b) {
        if (startsWith(b, IPV4_MAPPED) || startsWith(b, IPV4_COMPATIBLE) || startsWith(b, IPV4_TRANSLATED)
                || startsWith(b, NAT64)) {
            return List.of(Arrays.copyOfRange(b, 12, 16));
        }
        if (startsWith(b, SIX_TO_FOUR)) {
            return List.of(Arrays.copyOfRange(b, 2, 6));
        }
        if (startsWith(b, TEREDO)) {
            byte[] client = Arrays.copyOfRange(b, 12, 16);
            for (int i = 0; i < client.length; i++) {
                client[i] = (byte) ~client[i];
            }
            return List.of(Arrays.copyOfRange(b, 4, 8), client);
        }
        return List.of();
    }

    private static boolean startsWith(byte[] address, byte[] prefix) {
        return Arrays.equals(address, 0, prefix.length, prefix, 0, prefix.length);
    }

    /**
     * An IPv4 address written the way {@code inet_aton} and browsers read it: one to four dot-separated numbers,
     * each decimal, octal (leading {@code 0}) or hexadecimal ({@code 0x}), the last one filling the remaining
     * bytes ({@code 2130706433}, {@code 0x7f.1}, {@code 017700000001} are all 127.0.0.1). Empty when the host is
     * a name, or numbers that are no address.
     */
    static Optional<byte[]> numericIpv4(String host) {
        String h = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        String[] parts = h.split("\\.", -1);
        if (h.isEmpty() || parts.length > 4) {
            return Optional.empty();
        }
        long[] numbers = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            OptionalLong number = ipv4Number(parts[i]);
            if (number.isEmpty()) {
                return Optional.empty();
            }
            numbers[i] = number.getAsLong();
        }
        long value = 0;
        for (int i = 0; i < numbers.length - 1; i++) {
            if (numbers[i] > 255) {
                return Optional.empty();
            }
            value |= numbers[i] << (8 * (3 - i));
        }
        long last = numbers[numbers.length - 1];
        if (last >= 1L << (8 * (5 - numbers.length))) {
            return Optional.empty();
        }
        value |= last;
        return Optional.of(new byte[] {(byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value});
    }

    private static OptionalLong ipv4Number(String part) {
        int radix = 10;
        String digits = part;
        if (part.startsWith("0x") || part.startsWith("0X")) {
            radix = 16;
            digits = part.substring(2);
        } else if (part.length() > 1 && part.startsWith("0")) {
            radix = 8;
            digits = part.substring(1);
        }
        if (digits.isEmpty()) {
            return radix == 16 ? OptionalLong.of(0) : OptionalLong.empty();
        }
        if (digits.length() > 12) { // more than 32 bits in any radix; also keeps the parse from overflowing
            return OptionalLong.empty();
        }
        for (int i = 0; i < digits.length(); i++) {
            if (Character.digit(digits.charAt(i), radix) < 0) {
                return OptionalLong.empty();
            }
        }
        return OptionalLong.of(Long.parseLong(digits, radix));
    }
}
