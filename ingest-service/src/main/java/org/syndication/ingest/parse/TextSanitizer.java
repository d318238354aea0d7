package org.syndication.ingest.parse;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns untrusted text into clean lines in one linear pass: control and invisible characters dropped, every kind of
 * line break made {@code \n}, runs of spaces collapsed, blank lines dropped.
 */
final class TextSanitizer {

    private TextSanitizer() {
    }

    /** The non-blank, trimmed, space-collapsed lines of a text. */
    static List<String> lines(String text) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder(128);
        boolean pendingSpace = false;
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char ch = text.charAt(i);
            if (isLineBreak(ch)) {
                flush(line, lines);
                pendingSpace = false;
            } else if (isSpace(ch)) {
                pendingSpace = line.length() > 0;
            } else if (!isInvisible(ch)) {
                if (pendingSpace) {
                    line.append(' ');
                    pendingSpace = false;
                }
                line.append(ch);
            }
        }
        flush(line, lines);
        return lines;
    }

    /** One line of text: collapsed spaces, no control characters, trimmed. */
    static String collapse(CharSequence text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean pendingSpace = false;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (isSpace(ch) || isLineBreak(ch)) {
                pendingSpace = out.length() > 0;
            } else if (!isInvisible(ch)) {
                if (pendingSpace) {
                    out.append(' ');
                    pendingSpace = false;
                }
                out.append(ch);
            }
        }
        return out.toString();
    }

    private static void flush(StringBuilder line, List<String> lines) {
        if (line.length() > 0) {
            lines.add(line.toString());
            line.setLength(0);
        }
    }

    private static boolean isLineBreak(char ch) {
        return ch == '\n' || ch == '\r' || ch == '\u000b' || ch == '\f' || ch == '\u0085' || ch == '\u2028'
                || ch == '\u2029';
    }

    private static boolean isSpace(char ch) {
        return ch == ' ' || ch == '\t' || ch == '\u00a0' || ch == '\u3000' || (ch >= '\u2000' && ch <= '\u200a')
                || ch == '\u202f' || ch == '\u205f' || ch == '\u1680';
    }

    /** Control characters, zero-width marks, the BOM, soft hyphens and U+FFFD (the trace of a broken decode). */
    private static boolean isInvisible(char ch) {
        return ch < ' ' || (ch >= '\u007f' && ch <= '\u009f') || (ch >= '\u200b' && ch <= '\u200f')
                || ch == '\u2060' || ch == '\ufeff' || ch == '\u00ad' || ch == '\ufffd' || (ch >= '\u202a' && ch <= '\u202e')
                || (ch >= '\u2066' && ch <= '\u2069');
    }
}
