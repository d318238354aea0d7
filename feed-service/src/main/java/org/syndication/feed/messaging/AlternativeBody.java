package org.syndication.feed.messaging;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * The body of a multipart/alternative mail (a UTF-8 text part and a US-ASCII HTML part) that goes to many recipients
 * whose copies differ only in a few values, their own links: encoded once, so that a recipient's mail encodes only
 * the lines holding one of the values and copies the rest. Encoding every copy whole (the quoted-printable text, the
 * 7bit checks, the placeholder swaps over both parts) was a third of the feed service's CPU per digest mail
 * (async-profiler during {@code benchmarks/run digest}, 2026-12-07).
 * <p>
 * Each part is 7bit when it is US-ASCII with lines of at most 998 characters, else quoted-printable of its UTF-8
 * bytes, decided on the recipient's whole text. Both encodings work line by line (a quoted-printable line ends at a
 * line break whatever came before it), so a mail's bytes are exactly those of its whole text encoded at once
 * ({@code AlternativeBodyTest}). All mails of one body share its boundary, chosen at random after the parts were
 * written: no part can contain it (7bit parts are the caller's, quoted-printable has no {@code "--=_"} line).
 */
public final class AlternativeBody {

    /** RFC 5322's limit on a line, CRLF excluded: a longer line can not go out as 7bit. */
    private static final int MAX_7BIT_LINE = 998;

    private final Session session;
    private final String boundary;
    private final Part text;
    private final Part html;

    private AlternativeBody(Session session, String boundary, Part text, Part html) {
        this.session = session;
        this.boundary = boundary;
        this.text = text;
        this.html = html;
    }

    /**
     * @param placeholders the stand-ins of the values each mail fills in, in both parts
     * @throws IllegalArgumentException when the HTML part is not US-ASCII
     */
    public static AlternativeBody of(Session session, String text, String asciiHtml, List<String> placeholders) {
        return of(session, text, asciiHtml, placeholders, "=_alt_" + UUID.randomUUID().toString().replace("-", ""));
    }

    static AlternativeBody of(Session session, String text, String asciiHtml, List<String> placeholders,
                              String boundary) {
        if (!isAscii(asciiHtml)) {
            throw new IllegalArgumentException("the HTML part must be US-ASCII");
        }
        return new AlternativeBody(session, boundary,
                Part.of(session, "text/plain; charset=UTF-8", text, placeholders, false),
                Part.of(session, "text/html", asciiHtml, placeholders, true));
    }

    /**
     * One recipient's mail; set its addresses and other headers, then call {@link PreparedMail#ready()}.
     *
     * @param textValues the values of the placeholders in the text part, in their order
     * @param htmlValues their values in the HTML part (escaped for HTML, US-ASCII)
     * @throws IllegalArgumentException when an HTML value is not US-ASCII
     */
    public PreparedMail mail(List<String> textValues, List<String> htmlValues) throws MessagingException {
        return new PreparedMail(session, body(textValues, htmlValues),
                "multipart/alternative; boundary=\"" + boundary + "\"");
    }

    byte[] body(List<String> textValues, List<String> htmlValues) {
        Bytes out = new Bytes(text.size + html.size + 512);
        text.writeTo(out, boundary, textValues);
        html.writeTo(out, boundary, htmlValues);
        out.ascii("--" + boundary + "--\r\n");
        return out.toByteArray();
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

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == 0 || c >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /**
     * One part, split into runs of lines without a value (kept encoded) and lines holding a value (kept as text,
     * filled and encoded per mail). A line is everything up to and including its {@code '\n'}.
     */
    private static final class Part {
        private final Session session;
        private final String contentType;
        private final String content;
        private final List<String> placeholders;
        private final boolean asciiOnly;
        /** Whether the lines without a value allow 7bit; the lines with one decide per mail. */
        private final boolean sevenBit;
        /** {@code byte[]}: encoded lines without a value; {@code String}: a line with a value, not yet filled. */
        private final List<Object> segments;
        private final int size;

        private Part(Session session, String contentType, String content, List<String> placeholders,
                     boolean asciiOnly, boolean sevenBit, List<Object> segments) {
            this.session = session;
            this.contentType = contentType;
            this.content = content;
            this.placeholders = placeholders;
            this.asciiOnly = asciiOnly;
            this.sevenBit = sevenBit;
            this.segments = segments;
            // a line with a value grows by its values; twice its length is room enough for a mail's first guess
            this.size = segments.stream().mapToInt(segment -> segment instanceof byte[] encoded
                    ? encoded.length : 2 * ((String) segment).length()).sum();
        }

        static Part of(Session session, String contentType, String content, List<String> placeholders,
                       boolean asciiOnly) {
            List<String> lines = lines(content);
            boolean sevenBit = lines.stream().filter(line -> !holdsValue(line, placeholders))
                    .allMatch(AlternativeBody::isSevenBit);
            List<Object> segments = new ArrayList<>();
            StringBuilder run = new StringBuilder();
            for (String line : lines) {
                if (holdsValue(line, placeholders)) {
                    addRun(segments, run, session, sevenBit);
                    segments.add(line);
                } else {
                    run.append(line);
                }
            }
            addRun(segments, run, session, sevenBit);
            return new Part(session, contentType, content, List.copyOf(placeholders), asciiOnly, sevenBit,
                    List.copyOf(segments));
        }

        /** Adds the run of lines without a value so far, encoded, and starts the next one. */
        private static void addRun(List<Object> segments, StringBuilder run, Session session, boolean sevenBit) {
            if (!run.isEmpty()) {
                segments.add(encode(session, run.toString(), sevenBit));
                run.setLength(0);
            }
        }

        void writeTo(Bytes out, String boundary, List<String> values) {
            if (values.size() != placeholders.size()) {
                throw new IllegalArgumentException(placeholders.size() + " values expected, got " + values.size());
            }
            List<String> filled = new ArrayList<>();
            boolean sevenBitMail = sevenBit;
            for (Object segment : segments) {
                if (segment instanceof String line) {
                    String value = fill(line, values);
                    if (asciiOnly && !isAscii(value)) {
                        throw new IllegalArgumentException("a value of the " + contentType + " part is not US-ASCII");
                    }
                    sevenBitMail &= isSevenBit(value);
                    filled.add(value);
                }
            }
            out.ascii("--" + boundary + "\r\nContent-Type: " + contentType + "\r\nContent-Transfer-Encoding: "
                    + (sevenBitMail ? "7bit" : "quoted-printable") + "\r\n\r\n");
            if (sevenBitMail == sevenBit) {
                int next = 0;
                for (Object segment : segments) {
                    if (segment instanceof byte[] encoded) {
                        out.write(encoded, 0, encoded.length);
                    } else {
                        byte[] line = encode(session, filled.get(next++), sevenBitMail);
                        out.write(line, 0, line.length);
                    }
                }
            } else {
                // a value too long for a 7bit line: the lines encoded for 7bit do not fit, the whole part goes
                // quoted-printable (links are short; this is for completeness)
                byte[] whole = encode(session, fill(content, values), false);
                out.write(whole, 0, whole.length);
            }
            out.ascii("\r\n");
        }

        private String fill(String text, List<String> values) {
            String filled = text;
            for (int i = 0; i < placeholders.size(); i++) {
                filled = filled.replace(placeholders.get(i), values.get(i));
            }
            return filled;
        }

        private static boolean holdsValue(String line, List<String> placeholders) {
            for (String placeholder : placeholders) {
                if (line.contains(placeholder)) {
                    return true;
                }
            }
            return false;
        }

        private static List<String> lines(String content) {
            List<String> lines = new ArrayList<>();
            int start = 0;
            for (int end; (end = content.indexOf('\n', start)) >= 0; start = end + 1) {
                lines.add(content.substring(start, end + 1));
            }
            if (start < content.length()) {
                lines.add(content.substring(start));
            }
            return lines;
        }

        /** 7bit: the text's bytes as they are; else quoted-printable of its UTF-8 bytes. */
        private static byte[] encode(Session session, String text, boolean sevenBit) {
            if (sevenBit) {
                return text.getBytes(StandardCharsets.US_ASCII);
            }
            // the session's encoder: MimeUtility.encode would look the provider up (jar files read) per call
            Bytes encoded = new Bytes(text.length() * 3 / 2 + 64);
            try (OutputStream encoder = session.getStreamProvider().outputQP(encoded)) {
                encoder.write(text.getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException("encoding a mail part", e);
            }
            return encoded.toByteArray();
        }
    }

    /**
     * The quoted-printable encoder writes byte by byte; a {@link java.io.ByteArrayOutputStream} takes a lock for
     * each, which cost more than the encoding itself.
     */
    private static final class Bytes extends OutputStream {
        private byte[] bytes;
        private int size;

        Bytes(int capacity) {
            bytes = new byte[Math.max(16, capacity)];
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

        void ascii(String s) {
            byte[] b = s.getBytes(StandardCharsets.US_ASCII);
            write(b, 0, b.length);
        }

        byte[] toByteArray() {
            return Arrays.copyOf(bytes, size);
        }
    }
}
