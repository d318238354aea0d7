package org.syndication.feed.messaging;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** A mail as the bytes it goes out as, and read back by Jakarta Mail's parser (the tests' view of a received mail). */
final class RawMails {

    private RawMails() {
    }

    static String write(MimeMessage mail) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        mail.writeTo(out);
        return out.toString(StandardCharsets.US_ASCII);
    }

    static MimeMessage read(Session session, String raw) throws Exception {
        return new MimeMessage(session, new ByteArrayInputStream(raw.getBytes(StandardCharsets.US_ASCII)));
    }
}
