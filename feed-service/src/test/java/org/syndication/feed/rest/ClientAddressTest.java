package org.syndication.feed.rest;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class ClientAddressTest {

    @ParameterizedTest
    @CsvSource({
            "203.0.113.7, 203.0.113.7",
            "2001:db8:1:2:aaaa:bbbb:cccc:dddd, 20010db800010002::/64",
            "2001:db8:1:2::1, 20010db800010002::/64",
            "[2001:db8:1:2::ffff], 20010db800010002::/64",
            "2001:db8:1:3::1, 20010db800010003::/64",
            "::ffff:203.0.113.7, 203.0.113.7",
            "'', unknown",
    })
    void keysIpv4ByAddressAndIpv6ByItsNetwork(String remote, String key) {
        assertThat(ClientAddress.key(remote)).isEqualTo(key);
    }
}
