package org.syndication.feed.messaging;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LogSafeTest {

    @Test
    void addressesInServerRepliesBecomePlaceholders() {
        assertThat(LogSafe.withoutAddresses("550 5.1.1 <jane.doe+news@example.org>: Recipient address rejected"))
                .isEqualTo("550 5.1.1 <<address>>: Recipient address rejected");
        assertThat(LogSafe.withoutAddresses("rcpt to:Jane@Mail.EXAMPLE.org, then \"x@y\""))
                .isEqualTo("rcpt to:<address>, then \"<address>\"");
        assertThat(LogSafe.withoutAddresses("connection refused")).isEqualTo("connection refused");
        assertThat(LogSafe.withoutAddresses(null)).isNull();
    }

    @Test
    void aFailureIsDescribedByItsClassAndItsMessageWithoutAddresses() {
        assertThat(LogSafe.describe(new IllegalStateException("recipient a.b@example.org refused")))
                .isEqualTo("java.lang.IllegalStateException: recipient <address> refused");
    }
}
