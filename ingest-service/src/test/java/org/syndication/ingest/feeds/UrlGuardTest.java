package org.syndication.ingest.feeds;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UrlGuardTest {

    /** Resolves names of the form "a-b-c-d.test" to a.b.c.d, and IP literals as such. */
    private static InetAddress[] fakeDns(String host) throws UnknownHostException {
        if (host.endsWith(".test")) {
            return new InetAddress[] {InetAddress.getByName(host.substring(0, host.length() - 5).replace('-', '.'))};
        }
        if (host.matches("[0-9.]+") || host.contains(":")) {
            return new InetAddress[] {InetAddress.getByName(host)};
        }
        throw new UnknownHostException(host);
    }

    private final UrlGuard strict = new UrlGuard(List.of("*"), false, UrlGuardTest::fakeDns);

    @ParameterizedTest
    @ValueSource(strings = {
        "http://127.0.0.1/feed", "http://127-0-0-1.test/feed", "http://10-1-2-3.test/", "http://172.16.0.1/",
        "http://192.168.1.1/", "http://169.254.169.254/latest/meta-data/", "http://0.0.0.0/", "http://100.64.0.1/",
        "http://[::1]/", "http://[fe80::1]/", "http://[fd00::1]/", "http://[::ffff:127.0.0.1]/", "http://224.0.0.1/",
        "http://255.255.255.255/"})
    void nonPublicAddressesAreRefusedByDefault(String url) {
        assertThatThrownBy(() -> strict.check(url))
                .isInstanceOf(UnsafeUrlException.class)
                .hasMessageContaining("non-public address");
    }

    /** Finding 12 of issue 13: IPv6 forms that carry a non-public IPv4 address, and other non-public IPv6. */
    @ParameterizedTest
    @ValueSource(strings = {
        "http://[64:ff9b::a9fe:a9fe]/latest/meta-data/",   // NAT64 of 169.254.169.254
        "http://[64:ff9b::7f00:1]/",                         // NAT64 of 127.0.0.1
        "http://[64:ff9b:1::a9fe:a9fe]/",                    // local-use NAT64
        "http://[2002:a9fe:a9fe::1]/",                       // 6to4 of 169.254.169.254
        "http://[2002:0a00:0001::]/",                        // 6to4 of 10.0.0.1
        "http://[::127.0.0.1]/",                             // IPv4-compatible loopback
        "http://[::a9fe:a9fe]/",                             // IPv4-compatible metadata address
        "http://[::ffff:0:7f00:1]/",                         // IPv4-translated loopback
        "http://[::ffff:169.254.169.254]/",                  // IPv4-mapped
        "http://[2001:0:4136:e378:8000:63bf:80ff:fffe]/",    // Teredo, client 127.0.0.1 (inverted)
        "http://[fe80::1]/", "http://[fc00::1]/", "http://[::]/", "http://[ff02::1]/"})
    void ipv6FormsOfNonPublicAddressesAreRefused(String url) {
        assertThatThrownBy(() -> strict.check(url))
                .isInstanceOf(UnsafeUrlException.class)
                .hasMessageContaining("non-public address");
    }

    /** Finding 12: decimal, octal and hexadecimal IPv4 forms, read as inet_aton and browsers read them. */
    @ParameterizedTest
    @ValueSource(strings = {"http://2130706433/", "http://017700000001/", "http://0x7f000001/", "http://0x7f.1/",
        "http://0177.0.0.1/", "http://127.1/", "http://0xa9.0xfe.0xa9.0xfe/", "http://2852039166/latest/"})
    void numericFormsOfNonPublicAddressesAreRefused(String url) {
        assertThatThrownBy(() -> strict.check(url)).isInstanceOf(UnsafeUrlException.class);
    }

    @Test
    void numericHostsCheckedWithoutTheResolver() {
        UrlGuard noDns = new UrlGuard(List.of("*"), false, host -> {
            throw new AssertionError("a numeric host must be refused before it is resolved: " + host);
        });
        assertThatThrownBy(() -> noDns.check("http://017700000001/"))
                .isInstanceOf(UnsafeUrlException.class).hasMessageContaining("non-public address");
        assertThatThrownBy(() -> noDns.check("http://0x7f000001/"))
                .isInstanceOf(UnsafeUrlException.class).hasMessageContaining("non-public address");
    }

    @Test
    void ipv6FormsOfPublicAddressesPass() {
        assertThat(strict.check("http://[64:ff9b::5db8:d822]/")).isNotNull();     // NAT64 of 93.184.216.34
        assertThat(strict.check("http://[2002:5db8:d822::1]/")).isNotNull();      // 6to4 of 93.184.216.34
        assertThat(strict.check("http://1572395042/")).isNotNull();               // 93.184.216.34 as one number
    }

    @Test
    void publicAddressesPass() {
        assertThat(strict.check("https://93-184-216-34.test/feed.xml").getHost()).isEqualTo("93-184-216-34.test");
        assertThat(strict.check("http://[2606:2800:220:1:248:1893:25c8:1946]/").getPath()).isEqualTo("/");
    }

    @Test
    void allowPrivateLetsLoopbackThrough() {
        UrlGuard local = new UrlGuard(List.of("*"), true, UrlGuardTest::fakeDns);
        assertThat(local.check("http://127.0.0.1:8080/feed").getPort()).isEqualTo(8080);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://93.184.216.34/feed", "file:///etc/passwd", "gopher://x/", "feed.xml", "http://",
        "http://user:pw@93.184.216.34/", "javascript:alert(1)", "http://exa mple.org/"})
    void onlyPlainHttpAndHttpsUrlsPass(String url) {
        assertThatThrownBy(() -> strict.check(url)).isInstanceOf(UnsafeUrlException.class);
    }

    @Test
    void allowListIsExactOrSubdomainPattern() {
        UrlGuard guard = new UrlGuard(List.of("news.example.org", "*.unodc.org"), false, h -> fakeDns("93-184-216-34.test"));
        assertThat(guard.parse("https://news.example.org/rss")).isNotNull();
        assertThat(guard.parse("https://www.unodc.org/rss")).isNotNull();
        assertThatThrownBy(() -> guard.parse("https://unodc.org.evil.test/rss"))
                .isInstanceOf(UnsafeUrlException.class).hasMessageContaining("allow-list");
        assertThatThrownBy(() -> guard.parse("https://example.org/rss")).isInstanceOf(UnsafeUrlException.class);
    }

    @Test
    void unresolvableHostIsRefused() {
        assertThatThrownBy(() -> strict.check("http://no-such-host.invalid/"))
                .isInstanceOf(UnsafeUrlException.class).hasMessageContaining("does not resolve");
    }
}
