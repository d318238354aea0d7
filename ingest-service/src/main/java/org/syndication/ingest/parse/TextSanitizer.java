package org.syndication.ingest.parse;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns untrusted text into clean lines in one linear pass: every kind of line break (vertical tab and form feed
 * too, which Word writes for line and page breaks) made {@code \n}, other control characters (C0, DEL, C1) read
 * as a space so the words on both sides stay apart, invisible characters dropped, runs of spaces collapsed,
 * blank lines dropped.
 */
final class TextSanitizer {

    private TextSanitizer() {
    }

    /**
     * The non-blank, trimmed, space-collapsed lines of a text. A tab between two words is a column separator (a
     * table copied from a browser: "Title⇥16 April 2025") and reads as " | "; leading and trailing tabs are spaces.
     */
    static List<String> lines(String text) {
        return plainLines(text).stream().map(Line::text).toList();
    }

    /** The lines of {@link #lines(String)}, each marked when a blank line stands before it. */
    static List<Line> plainLines(String text) {
        List<Line> lines = new ArrayList<>();
        Collapser line = new Collapser(128, true);
        boolean gap = false;
        int length = text.length();
        for (int i = 0; i <= length; i++) {
            char ch = i < length ? text.charAt(i) : '\n';
            if (ch == '\n' && i > 0 && text.charAt(i - 1) == '\r') {
                continue; // "\r\n" is one break
            }
            if (!isLineBreak(ch)) {
                line.accept(ch);
                continue;
            }
            String collapsed = line.take();
            if (collapsed.isEmpty()) {
                gap = !lines.isEmpty();
            } else {
                lines.add(Line.plain(collapsed, gap));
                gap = false;
            }
        }
        return lines;
    }

    /** One line of text: collapsed spaces, control characters and line breaks as spaces, trimmed. */
    static String collapse(CharSequence text) {
        Collapser line = new Collapser(text.length(), false);
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            line.accept(isLineBreak(ch) ? ' ' : ch);
        }
        return line.out.toString();
    }

    /** Builds one line: spaces collapsed to one, none leading or trailing, invisible characters dropped. */
    private static final class Collapser {
        private final StringBuilder out;
        /** Whether a tab between words separates columns (plain text) or is only a space (text from markup). */
        private final boolean tabsAreColumns;
        private boolean pendingSpace;
        private boolean pendingColumn;

        Collapser(int capacity, boolean tabsAreColumns) {
            out = new StringBuilder(capacity);
            this.tabsAreColumns = tabsAreColumns;
        }

        void accept(char ch) {
            if (isSpace(ch)) {
                pendingSpace = out.length() > 0;
                pendingColumn |= pendingSpace && ch == '\t' && tabsAreColumns;
            } else if (!isInvisible(ch)) {
                if (pendingSpace) {
                    out.append(pendingColumn ? " | " : " ");
                    pendingSpace = false;
                    pendingColumn = false;
                }
                out.append(ch);
            }
        }

        /** The line built so far, and a fresh start for the next one. */
        String take() {
            String text = out.toString();
            out.setLength(0);
            pendingSpace = false;
            pendingColumn = false;
            return text;
        }
    }

    private static boolean isLineBreak(char ch) {
        return ch == '\n' || ch == '\r' || ch == '\u000b' || ch == '\f' || ch == '\u0085' || ch == '\u2028'
                || ch == '\u2029';
    }

    /** White space, and control characters (C0, DEL, C1), which separate words wherever they stand. */
    private static boolean isSpace(char ch) {
        return ch <= ' ' || (ch >= '\u007f' && ch <= '\u009f') || ch == '\u00a0' || ch == '\u3000'
                || (ch >= '\u2000' && ch <= '\u200a') || ch == '\u202f' || ch == '\u205f' || ch == '\u1680';
    }

    /** Zero-width marks, the BOM, soft hyphens and U+FFFD (the trace of a broken decode). */
    private static boolean isInvisible(char ch) {
        return (ch >= '\u200b' && ch <= '\u200f')
                || ch == '\u2060' || ch == '\ufeff' || ch == '\u00ad' || ch == '\ufffd'
                || (ch >= '\u202a' && ch <= '\u202e')
                || (ch >= '\u2066' && ch <= '\u2069');
    }
}
