package org.syndication.feed.messaging;

import java.util.regex.Pattern;

/**
 * Text from outside (an SMTP server's or the mail client's error) made fit for the log: mail servers quote the
 * recipient in their replies ("550 5.1.1 &lt;name@example.org&gt;: Recipient address rejected"), and logs carry
 * subscriber ids, never addresses.
 */
final class LogSafe {

    private static final Pattern ADDRESS = Pattern.compile("[^\\s<>()\\[\\]:;,\"'@]+@[^\\s<>()\\[\\]:;,\"'@]+");

    private LogSafe() {
    }

    /** The text with every e-mail address replaced by {@code <address>}. */
    static String withoutAddresses(String text) {
        return text == null ? null : ADDRESS.matcher(text).replaceAll("<address>");
    }

    /** A failure for the log: its class and its message without addresses (the stack trace would repeat them). */
    static String describe(Throwable failure) {
        return failure.getClass().getName() + ": " + withoutAddresses(failure.getMessage());
    }
}
