package org.syndication.feed.messaging;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

/**
 * A mail whose body is already its MIME bytes ({@link AlternativeBody}): Jakarta Mail writes the headers set on it
 * and then the body in one write. The digest sends one such mail per subscriber. Built from {@code MimeBodyPart}s
 * instead, each mail cost a service-loader lookup per part (jakarta.mail's {@code StreamProvider}, which opens jar
 * files each time) and a write call per byte through the text handler's writer into the SMTP stream: together about
 * half the feed service's CPU per digest mail (JFR of {@code benchmarks/run digest}, 2026-12-06).
 * <p>
 * Headers (addresses, an encoded subject, the Message-ID) are Jakarta Mail's as for any other message.
 */
public final class PreparedMail extends MimeMessage {

    PreparedMail(Session session, byte[] body, String contentType) throws MessagingException {
        super(session);
        this.content = body;
        setHeader("MIME-Version", "1.0");
        setHeader("Content-Type", contentType);
    }

    /** Gives the mail its Message-ID and marks it complete, so that sending writes the headers and the body as they are. */
    public PreparedMail ready() throws MessagingException {
        updateMessageID();
        saved = true;
        modified = false;
        return this;
    }

    @Override
    public void saveChanges() throws MessagingException {
        // the body is final and its headers set by hand: nothing to derive from a data handler
        if (!saved) {
            ready();
        }
    }
}
