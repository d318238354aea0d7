package org.syndication.feed.websub;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.UnknownHostException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CallbackGuardTest {

    /** Resolves "a-b-c-d.test" to a.b.c.d and IP literals as such; nothing else resolves. */
    private static InetAddress[] fakeDns(String host) throws UnknownHostException {
        if (host.endsWith(".test")) {
            return new InetAddress[] {InetAddress.getByName(host.substring(0, host.length() - 5).replace('-', '.'))};
        }
        if (host.matches("[0-9.]+") || host.contains(":")) {
            return new InetAddress[] {InetAddress.getByName(host)};
        }
        throw new UnknownHostException(host);
    }

    private final CallbackGuard production = new CallbackGuard(false, CallbackGuardTest::fakeDns);

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1/cb", "http://127-0-0-1.test/cb", "http://10-1-2-3.test/",
        "http://192.168.1.1/", "http://169.254.169.254/latest/meta-data/", "http://[::1]/", "http://[fd00::1]/",
        "http://[::ffff:127.0.0.1]/", "http://[64:ff9b::7f00:1]/", "http://2130706433/", "http://0x7f000001/",
        "http://100.64.0.1/"})
    void nonPublicCallbacksAreRefusedInProduction(String url) {
        assertThatThrownBy(() -> production.check(url)).isInstanceOf(CallbackGuard.UnsafeCallbackException.class)
                .hasMessageContaining("non-public address");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://93.184.216.34/cb", "file:///etc/passwd", "javascript:alert(1)", "/relative/cb",
        "http://", "http://0x7f.1/", "http://user:pw@93.184.216.34/cb", "http://93.184.216.34/cb#frag", "http://exa mple.org/"})
    void onlyPlainHttpCallbacksPass(String url) {
        assertThatThrownBy(() -> production.check(url)).isInstanceOf(CallbackGuard.UnsafeCallbackException.class);
    }

    @Test
    void unresolvableHostIsRefused() {
        assertThatThrownBy(() -> production.check("https://nowhere.invalid/cb"))
                .isInstanceOf(CallbackGuard.UnsafeCallbackException.class).hasMessageContaining("does not resolve");
    }

    @Test
    void publicCallbacksPassAndKeepTheirQuery() {
        assertThat(production.check("https://93-184-216-34.test/push?user=7").getRawQuery()).isEqualTo("user=7");
        assertThat(production.check("http://[2606:2800:220:1:248:1893:25c8:1946]:8443/cb").getPort()).isEqualTo(8443);
    }

    @Test
    void theLocalStackAllowsLoopback() {
        CallbackGuard local = new CallbackGuard(true, CallbackGuardTest::fakeDns);
        assertThat(local.check("http://127.0.0.1:9000/cb").getPort()).isEqualTo(9000);
    }
}
