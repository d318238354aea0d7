package org.syndication.feed.rest;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HexFormat;

/**
 * Who a request comes from, for per-client limits: the remote address, which Quarkus replaces with the forwarded
 * one only when {@code quarkus.http.proxy.proxy-address-forwarding} is on and the connection comes from one of
 * {@code quarkus.http.proxy.trusted-proxies} (so a client cannot pick its own by sending the header). An IPv6
 * client is its /64 network: one host usually has a whole /64 and can change its address within it at will.
 */
public final class ClientAddress {

    private ClientAddress() {
    }

    public static String of(HttpServerRequest request) {
        SocketAddress remote = request.remoteAddress();
        return key(remote == null ? null : remote.hostAddress());
    }

    /** The key of a remote host address: IPv4 as it is, IPv6 as its /64 prefix. */
    static String key(String hostAddress) {
        if (hostAddress == null || hostAddress.isBlank()) {
            return "unknown";
        }
        String host = hostAddress.startsWith("[") && hostAddress.endsWith("]")
                ? hostAddress.substring(1, hostAddress.length() - 1) : hostAddress;
        if (!host.contains(":")) {
            return host;
        }
        try {
            // a literal: no name lookup happens
            byte[] bytes = InetAddress.getByName(host).getAddress();
            if (bytes.length == 4) {
                return InetAddress.getByAddress(bytes).getHostAddress();
            }
            byte[] network = new byte[8];
            System.arraycopy(bytes, 0, network, 0, 8);
            return HexFormat.of().formatHex(network) + "::/64";
        } catch (UnknownHostException e) {
            return host.length() > 64 ? host.substring(0, 64) : host;
        }
    }
}
