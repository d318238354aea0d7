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
