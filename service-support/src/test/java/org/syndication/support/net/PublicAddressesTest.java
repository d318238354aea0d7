package org.syndication.support.net;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.syndication.support.net.PublicAddresses.Verdict.CALLABLE;
import static org.syndication.support.net.PublicAddresses.Verdict.NON_PUBLIC_NUMBER;
import static org.syndication.support.net.PublicAddresses.Verdict.RESOLVES_NON_PUBLIC;
import static org.syndication.support.net.PublicAddresses.Verdict.UNRESOLVED;

class PublicAddressesTest {

    /** Resolves IP literals as such; any other name is unknown. */
    private static InetAddress[] literalsOnly(String host) throws UnknownHostException {
        if (host.matches("[0-9.]+") || host.contains(":")) {
            return new InetAddress[] {InetAddress.getByName(host)};
        }
        throw new UnknownHostException(host);
    }

    @Test
    void numericHostsAreDecodedAsInetAtonDoes() {
        byte[] loopback = {127, 0, 0, 1};
        for (String host : List.of("2130706433", "0x7f.1", "017700000001", "0x7f000001", "127.1", "0177.0.0.01",
                "127.0.0.1.")) {
            assertThat(PublicAddresses.numericIpv4(host)).as(host)
                    .hasValueSatisfying(b -> assertThat(b).isEqualTo(loopback));
        }
        for (String host : List.of("example.org", "4294967296", "256.1.1.1", "1.2.3.4.5", "08.1.1.1", "", "1..2",
                "99999999999999999999")) {
            assertThat(PublicAddresses.numericIpv4(host)).as(host).isEmpty();
        }
        assertThat(PublicAddresses.numericIpv4("0x.1"))
                .hasValueSatisfying(b -> assertThat(b).isEqualTo(new byte[] {0, 0, 0, 1})); // "0x" is 0
    }

    @Test
    void aNumericNonPublicHostIsRefusedBeforeAnyResolverSeesIt() {
        PublicAddresses.Resolver noDns = host -> {
            throw new AssertionError("a numeric host must be refused before it is resolved: " + host);
        };
        assertThat(PublicAddresses.check("017700000001", false, noDns)).isEqualTo(NON_PUBLIC_NUMBER);
        assertThat(PublicAddresses.check("0xa9.0xfe.0xa9.0xfe", false, noDns)).isEqualTo(NON_PUBLIC_NUMBER);
    }

    @Test
    void everyResolvedAddressMustBePublicUnlessPrivateOnesAreAllowed() {
        assertThat(PublicAddresses.check("192.168.1.1", false, PublicAddressesTest::literalsOnly))
                .isEqualTo(NON_PUBLIC_NUMBER);
        assertThat(PublicAddresses.check("64:ff9b::a9fe:a9fe", false, PublicAddressesTest::literalsOnly))
                .isEqualTo(RESOLVES_NON_PUBLIC);
        assertThat(PublicAddresses.check("lan.test", false, h -> new InetAddress[] {
            InetAddress.getByName("93.184.216.34"), InetAddress.getByName("10.0.0.7")})).isEqualTo(RESOLVES_NON_PUBLIC);
        assertThat(PublicAddresses.check("93.184.216.34", false, PublicAddressesTest::literalsOnly)).isEqualTo(CALLABLE);
        assertThat(PublicAddresses.check("2002:5db8:d822::1", false, PublicAddressesTest::literalsOnly))
                .isEqualTo(CALLABLE);
        assertThat(PublicAddresses.check("127.0.0.1", true, PublicAddressesTest::literalsOnly)).isEqualTo(CALLABLE);
        assertThat(PublicAddresses.check("no-such-host.invalid", true, PublicAddressesTest::literalsOnly))
                .isEqualTo(UNRESOLVED);
    }

    @Test
    void theHostOfAnIpv6UrlLosesItsBrackets() {
        assertThat(PublicAddresses.host(URI.create("http://[FE80::1]:8080/x"))).isEqualTo("fe80::1");
        assertThat(PublicAddresses.host(URI.create("https://News.Example.org/"))).isEqualTo("news.example.org");
    }
}
