package org.syndication.feed.render;

/** Plain text as minimal HTML: escaped, one {@code <p>} per paragraph (blank-line separated). */
public final class Html {

    private Html() {
    }

    public static String paragraphs(String text) {
        if (text == null || text.isBlank()) {
            return "";
        }
        StringBuilder html = new StringBuilder(text.length() + 64);
        for (String paragraph : text.strip().split("\\R\\s*\\R")) {
            html.append("<p>").append(escape(paragraph.strip())).append("</p>");
        }
        return html.toString();
    }

    /**
     * Plain text that stays plain text when a reader takes it for HTML. RSS leaves open whether a title is text
     * or HTML, and readers differ: some render it, so {@code <img src=x onerror=...>} in an item title would run
     * there. Every {@code <} that an HTML parser would read as the start of a tag, comment or declaration
     * (followed by a letter, {@code /}, {@code !} or {@code ?}) becomes U+2039 {@code ‹}; the text reads the same
     * either way and nothing in it is markup. Other characters, {@code &} included, are left alone: read as HTML
     * they are text too.
     */
    public static String inert(String text) {
        if (text == null) {
            return null;
        }
        char[] chars = null;
        for (int i = text.indexOf('<'); i >= 0 && i + 1 < text.length(); i = text.indexOf('<', i + 1)) {
            char next = text.charAt(i + 1);
            if ((next >= 'a' && next <= 'z') || (next >= 'A' && next <= 'Z') || next == '/' || next == '!' || next == '?') {
                chars = chars == null ? text.toCharArray() : chars;
                chars[i] = '\u2039';
            }
        }
        return chars == null ? text : new String(chars);
    }

    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * The same HTML in US-ASCII: every other character as a numeric character reference. A mail part that is
     * ASCII with short lines goes out as 7bit, line for line, instead of quoted-printable, which costs the mail
     * client most of its time per digest mail.
     */
    public static String asciiOnly(String html) {
        StringBuilder out = null;
        for (int i = 0; i < html.length(); ) {
            int codePoint = html.codePointAt(i);
            int width = Character.charCount(codePoint);
            if (codePoint > 126) {
                if (out == null) {
                    out = new StringBuilder(html.length() + 64).append(html, 0, i);
                }
                out.append("&#").append(codePoint).append(';');
            } else if (out != null) {
                out.append((char) codePoint);
            }
            i += width;
        }
        return out == null ? html : out.toString();
    }
}
