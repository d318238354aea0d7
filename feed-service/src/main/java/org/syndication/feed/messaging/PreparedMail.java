package org.syndication.feed.messaging;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;

/**
 * A mail whose body is already its MIME bytes: Jakarta Mail writes the headers set on it and then the body in one
 * write. The digest sends one such mail per subscriber. Built from {@code MimeBodyPart}s instead, each mail cost a
 * service-loader lookup per part (jakarta.mail's {@code StreamProvider}, which opens jar files each time) and a write
 * call per byte through the text handler's writer into the SMTP stream: together about half the feed service's CPU
 * per digest mail (JFR of {@code benchmarks/run digest}, 2026-12-06).
 * <p>
 * The body is a multipart/alternative of a UTF-8 text part and an HTML part that the caller keeps to US-ASCII, each
 * 7bit when it is US-ASCII with short lines, else quoted-printable through the session's Jakarta Mail encoder.
 * Headers (addresses, an encoded subject, the Message-ID) are Jakarta Mail's as for any other message.
 */
public final class PreparedMail extends MimeMessage {

    /** RFC 5322's limit on a line, CRLF excluded: a longer line can not go out as 7bit. */
    private static final int MAX_7BIT_LINE = 998;

    private PreparedMail(Session session, byte[] body, String contentType) throws MessagingException {
        super(session);
        this.content = body;
        setHeader("MIME-Version", "1.0");
        setHeader("Content-Type", contentType);
    }

    /**
     * A multipart/alternative mail of {@code text} and {@code asciiHtml}; set its addresses and other headers, then
     * call {@link #ready()} before sending.
     */
    public static PreparedMail alternative(Session session, String text, String asciiHtml) throws MessagingException {
        if (!asciiHtml.chars().allMatch(c -> c > 0 && c < 0x80)) {
            throw new IllegalArgumentException("the HTML part must be US-ASCII");
        }
        // no body part can contain it: each part is 7bit (the caller's) or quoted-printable (no "--=_" line), and the
        // random part makes a match by chance as good as impossible
        String boundary = "=_alt_" + UUID.randomUUID().toString().replace("-", "");
        ByteArrayOutputStream body = new ByteArrayOutputStream(asciiHtml.length() + text.length() * 2 + 512);
        try {
            part(body, session, boundary, "text/plain; charset=UTF-8", text);
            part(body, session, boundary, "text/html", asciiHtml);
            ascii(body, "--" + boundary + "--\r\n");
        } catch (IOException e) {
            throw new MessagingException("encoding a mail body", e);
        }
        return new PreparedMail(session, body.toByteArray(),
                "multipart/alternative; boundary=\"" + boundary + "\"");
    }

    /**
     * One part: 7bit when its text allows (US-ASCII, lines of at most 998 characters), else quoted-printable of its
     * UTF-8 bytes. An HTML part is US-ASCII but can still have long lines: a summary in a non-Latin script becomes
     * numeric references several times its length.
     */
    private static void part(ByteArrayOutputStream body, Session session, String boundary, String contentType,
                             String content) throws IOException {
        boolean plain = isSevenBit(content);
        ascii(body, "--" + boundary + "\r\nContent-Type: " + contentType + "\r\nContent-Transfer-Encoding: "
                + (plain ? "7bit" : "quoted-printable") + "\r\n\r\n");
        if (plain) {
            ascii(body, content);
        } else {
            // the session's encoder: MimeUtility.encode would look the provider up (jar files read) per call
            Bytes encoded = new Bytes(content.length() * 3 / 2 + 64);
            try (OutputStream encoder = session.getStreamProvider().outputQP(encoded)) {
                encoder.write(content.getBytes(StandardCharsets.UTF_8));
            }
            encoded.writeTo(body);
        }
        ascii(body, "\r\n");
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

    static boolean isSevenBit(String s) {
        int line = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x80 || c == 0) {
                return false;
            }
            line = c == '\n' || c == '\r' ? 0 : line + 1;
            if (line > MAX_7BIT_LINE) {
                return false;
            }
        }
        return true;
    }

    private static void ascii(ByteArrayOutputStream out, String s) {
        out.writeBytes(s.getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * The quoted-printable encoder writes byte by byte; a {@link ByteArrayOutputStream} takes a lock for each, which
     * cost more than the encoding itself.
     */
    private static final class Bytes extends OutputStream {
        private byte[] bytes;
        private int size;

        Bytes(int capacity) {
            bytes = new byte[capacity];
        }

        @Override
        public void write(int b) {
            if (size == bytes.length) {
                bytes = Arrays.copyOf(bytes, bytes.length * 2);
            }
            bytes[size++] = (byte) b;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            if (size + len > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + len));
            }
            System.arraycopy(b, off, bytes, size, len);
            size += len;
        }

        void writeTo(ByteArrayOutputStream out) {
            out.write(bytes, 0, size);
        }
    }
}
