package org.syndication.ingest;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the bytes of a posted document into text, strictly: the charset parameter of the media type when
 * given; otherwise a byte-order mark; otherwise UTF-8; for HTML a {@code <meta charset>} declaration; and as
 * the last resort windows-1252 (what Western pages without a declaration are usually written in). Bytes that
 * fit none of these, or that are binary (a NUL byte, or a high share of control characters), are refused. A few
 * stray control characters (Word writes a vertical tab for a line break) are text: the splitter reads them as
 * white space or line breaks.
 */
public final class DocumentDecoder {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final Pattern META_CHARSET =
            Pattern.compile("<meta[^>]+charset\\s*=\\s*[\"']?([A-Za-z0-9._:-]+)", Pattern.CASE_INSENSITIVE);
    private static final int META_SNIFF_BYTES = 4096;
    /** Binary when more than one character in this many is a stray control ... */
    private static final int BINARY_SHARE = 20;
    /** ... and there are at least this many of them. */
    private static final int BINARY_MIN_CONTROLS = 3;

    /** The decoded text and the charset it was read with. */
    public record Decoded(String text, Charset charset) {
    }

    private DocumentDecoder() {
    }

    /**
     * @param bytes    the body
     * @param charset  the media type's {@code charset} parameter, or null
     * @param html     whether the body is HTML (a {@code <meta charset>} is then honoured)
     * @throws UndecodableDocumentException when the bytes are not text in any charset we accept
     */
    public static Decoded decode(byte[] bytes, String charset, boolean html) {
        if (charset != null && !charset.isBlank()) {
            Charset declared = charset(charset.strip())
                    .orElseThrow(() -> new UndecodableDocumentException("unsupported charset " + quote(charset)));
            int skip = declared.equals(StandardCharsets.UTF_8) && hasUtf8Bom(bytes) ? 3 : 0;
            return strict(bytes, skip, declared)
                    .orElseThrow(() -> new UndecodableDocumentException(
                            "the body is not valid " + declared.name() + " (the declared charset)"));
        }
        if (hasUtf8Bom(bytes)) {
            return strict(bytes, 3, StandardCharsets.UTF_8)
                    .orElseThrow(() -> new UndecodableDocumentException("the body starts with a UTF-8 byte-order mark "
                            + "but is not valid UTF-8"));
        }
        Optional<Charset> utf16 = utf16Bom(bytes);
        if (utf16.isPresent()) {
            return strict(bytes, 2, utf16.get())
                    .orElseThrow(() -> new UndecodableDocumentException("the body starts with a UTF-16 byte-order mark "
                            + "but is not valid UTF-16"));
        }
        Optional<Decoded> utf8 = strict(bytes, 0, StandardCharsets.UTF_8);
        if (utf8.isPresent()) {
            return utf8.get();
        }
        if (html) {
            Optional<Decoded> meta = metaCharset(bytes).flatMap(cs -> strict(bytes, 0, cs));
            if (meta.isPresent()) {
                return meta.get();
            }
        }
        return strict(bytes, 0, WINDOWS_1252)
                .orElseThrow(() -> new UndecodableDocumentException(
                        "the body is neither UTF-8 nor windows-1252 text; send a charset parameter"));
    }

    private static Optional<Decoded> strict(byte[] bytes, int offset, Charset charset) {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            CharBuffer chars = decoder.decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset));
            String text = chars.toString();
            if (isBinary(text)) {
                throw new UndecodableDocumentException("the body holds NUL bytes or mostly control characters: "
                        + "it is not text");
            }
            return Optional.of(new Decoded(text, charset));
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    /**
     * Binary, not text: a NUL (no text format writes one; UTF-16 without a byte-order mark read as UTF-8 is full of
     * them), or more than one character in {@value #BINARY_SHARE} being a control other than the line-break and
     * tab ones ({@code \t \n \u000b \f \r}, U+0085), with at least {@value #BINARY_MIN_CONTROLS} of them (so a short
     * text with one stray control stays text). Binary data read as windows-1252 has about one in eight.
     */
    private static boolean isBinary(String text) {
        int controls = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 0) {
                return true;
            }
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\u000b' && c != '\f' && c != '\r') || c == 0x7f
                    || (c >= 0x80 && c < 0xa0 && c != 0x85)) {
                controls++;
            }
        }
        return controls >= BINARY_MIN_CONTROLS && controls > text.length() / BINARY_SHARE;
    }

    private static boolean hasUtf8Bom(byte[] b) {
        return b.length >= 3 && (b[0] & 0xff) == 0xef && (b[1] & 0xff) == 0xbb && (b[2] & 0xff) == 0xbf;
    }

    private static Optional<Charset> utf16Bom(byte[] b) {
        if (b.length >= 2 && (b[0] & 0xff) == 0xfe && (b[1] & 0xff) == 0xff) {
            return Optional.of(StandardCharsets.UTF_16BE);
        }
        if (b.length >= 2 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xfe) {
            return Optional.of(StandardCharsets.UTF_16LE);
        }
        return Optional.empty();
    }

    private static Optional<Charset> metaCharset(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, META_SNIFF_BYTES), StandardCharsets.ISO_8859_1);
        Matcher m = META_CHARSET.matcher(head);
        return m.find() ? charset(m.group(1)) : Optional.empty();
    }

    private static Optional<Charset> charset(String name) {
        try {
            String lower = name.toLowerCase(Locale.ROOT);
            // ISO-8859-1 labels mean windows-1252 on the web (WHATWG Encoding), and cp1252 is a superset of it
            // for every printable character.
            if (lower.equals("iso-8859-1") || lower.equals("latin1") || lower.equals("us-ascii") || lower.equals("ascii")) {
                return Optional.of(lower.contains("ascii") ? StandardCharsets.UTF_8 : WINDOWS_1252);
            }
            return Optional.of(Charset.forName(name));
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return Optional.empty();
        }
    }

    private static String quote(String value) {
        String safe = value.length() > 40 ? value.substring(0, 40) : value;
        return "'" + safe.replaceAll("[^\\x20-\\x7e]", "?") + "'";
    }
}
