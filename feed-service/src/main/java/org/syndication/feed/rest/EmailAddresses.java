package org.syndication.feed.rest;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

import java.net.IDN;
import java.util.Locale;
import java.util.Optional;

/**
 * The one check of a subscriber's e-mail address: a bare {@code local@domain} that an SMTP server takes as it is,
 * or nothing. Jakarta Mail's {@link InternetAddress} (strict) parses the RFC 5322 grammar; on top of it, what the
 * parser allows but a subscription must not carry: a display name or angle brackets ({@code <a@b>}), quoted local
 * parts and address literals, any character outside printable ASCII in the local part (line and paragraph
 * separators, NEL, NUL: a mail server cannot take them, and they end up in headers and logs), and domains that are
 * not valid host names. Internationalised domains are kept, written as their ASCII (punycode) form, so one domain
 * has one spelling; lengths follow RFC 5321 (local part 64, domain 253 and 63 per label, address 254).
 */
public final class EmailAddresses {

    static final int MAX_LENGTH = 254;
    private static final int MAX_LOCAL_PART = 64;
    private static final int MAX_DOMAIN = 253;

    private EmailAddresses() {
    }

    /** The address in the form it is stored and mailed to (lower case, ASCII domain), if it is one. */
    public static Optional<String> normalize(String input) {
        if (input == null) {
            return Optional.empty();
        }
        String candidate = input.strip();
        // the parser works on any length: refuse the absurd before it (4 × covers every IDN within the limits)
        if (candidate.isEmpty() || candidate.length() > 4 * MAX_LENGTH) {
            return Optional.empty();
        }
        int at = candidate.lastIndexOf('@');
        if (at <= 0 || at == candidate.length() - 1) {
            return Optional.empty();
        }
        String local = candidate.substring(0, at);
        String domain;
        try {
            // STD3 rules: letters, digits and inner hyphens only, each label 1..63 characters (ToASCII refuses more)
            domain = IDN.toASCII(candidate.substring(at + 1), IDN.USE_STD3_ASCII_RULES);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (!printableAscii(local) || local.length() > MAX_LOCAL_PART || local.startsWith("\"")
                || domain.length() > MAX_DOMAIN || !domain.contains(".") || domain.endsWith(".")) {
            return Optional.empty();
        }
        String address = (local + "@" + domain).toLowerCase(Locale.ROOT);
        if (address.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        try {
            InternetAddress parsed = new InternetAddress(address, true);
            parsed.validate();
            // the parser also takes "Name <a@b>" and "<a@b>"; only the bare address is one
            if (parsed.getPersonal() != null || !address.equals(parsed.getAddress())) {
                return Optional.empty();
            }
        } catch (AddressException e) {
            return Optional.empty();
        }
        return Optional.of(address);
    }

    private static boolean printableAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c <= ' ' || c >= 0x7f) {
                return false;
            }
        }
        return true;
    }
}
