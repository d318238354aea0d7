package org.syndication.feed.rest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** What the outside review sent as subscriber addresses (issue 13, Low 10), and what must still pass. */
class EmailAddressesTest {

    @ParameterizedTest
    @ValueSource(strings = {
            // line separators and NEL: accepted by a permissive parser, they break headers and log lines
            "line\u2028break@example.org",
            "next\u0085line@example.org",
            "a@exam\u2028ple.org",
            "a@exam\u0085ple.org",
            // angle brackets and a second address: header injection into the confirmation mail
            "<a@b>",
            "<someone@example.org>",
            "a@b>,<x",
            "a@example.org>,<victim@example.org",
            "Name <someone@example.org>",
            "a@example.org, b@example.org",
            // NUL: PostgreSQL refuses it in text
            "nul\u0000@example.org",
            "a@example\u0000.org",
            // controls, spaces, quotes, literals
            "tab\there@example.org",
            "a b@example.org",
            "\"quoted local\"@example.org",
            "a@[127.0.0.1]",
            "crlf@example.org\r\nBcc: victim@example.org",
            // grammar
            "",
            "   ",
            "plain",
            "@example.org",
            "a@",
            "a@localhost",
            "a..b@example.org",
            "a@example..org",
            "a@example.org.",
            "a@-example.org",
            "a@exa_mple.org",
            "\u00e4@example.org",
    })
    void refuses(String input) {
        assertThat(EmailAddresses.normalize(input)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {65, 300, 10_000})
    void refusesLongLocalPartsAndAddresses(int length) {
        assertThat(EmailAddresses.normalize("x".repeat(length) + "@example.org")).isEmpty();
    }

    @Test
    void refusesInternationalisedDomainsBeyondTheLimitsOfTheirAsciiForm() {
        // 57 u-umlauts are 63 characters as punycode (xn--...), the most a label may have; 58 are one too many
        String label = "\u00fc".repeat(57);
        assertThat(EmailAddresses.normalize("a@" + label + ".example")).get().asString()
                .startsWith("a@xn--").endsWith(".example").hasSize(2 + 63 + 8);
        assertThat(EmailAddresses.normalize("a@" + "\u00fc".repeat(58) + ".example")).isEmpty();
        assertThat(EmailAddresses.normalize("a@" + "\u00fc".repeat(600) + ".example")).isEmpty();
        // a domain of 252 ASCII characters: with a one-letter local part it is the longest address, with more it is too long
        String domain = String.join(".", label, label, label, "\u00fc".repeat(50), "org");
        assertThat(EmailAddresses.normalize("a@" + domain)).get().asString().hasSize(EmailAddresses.MAX_LENGTH);
        assertThat(EmailAddresses.normalize("reader@" + domain)).isEmpty();
        // more than 253 characters of domain
        assertThat(EmailAddresses.normalize("a@" + String.join(".", label, label, label, label, "org"))).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
            "someone@example.org, someone@example.org",
            "  Some.One+digest@Example.ORG , some.one+digest@example.org",
            "o'brien@example.co.uk, o'brien@example.co.uk",
            "a!#$%&*/=?^_`{|}~-z@example.org, a!#$%&*/=?^_`{|}~-z@example.org",
            "reader@b\u00fccher.example, reader@xn--bcher-kva.example",
            "reader@xn--bcher-kva.example, reader@xn--bcher-kva.example",
    })
    void acceptsAndNormalises(String input, String stored) {
        assertThat(EmailAddresses.normalize(input)).contains(stored);
    }

    @Test
    void acceptsTheLongestAddress() {
        String local = "l".repeat(64);
        String domain = "d".repeat(63) + "." + "e".repeat(63) + "." + "f".repeat(57) + ".org";
        String address = local + "@" + domain;
        assertThat(address).hasSize(EmailAddresses.MAX_LENGTH);
        assertThat(EmailAddresses.normalize(address)).contains(address);
        assertThat(EmailAddresses.normalize("l" + address)).isEmpty();
    }
}
