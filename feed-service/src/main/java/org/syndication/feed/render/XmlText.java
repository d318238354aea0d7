package org.syndication.feed.render;

/** Text made safe for XML 1.0: characters the XML spec forbids (most C0 controls, lone surrogates, U+FFFE/F) are removed. */
public final class XmlText {

    private XmlText() {
    }

    public static String clean(String text) {
        if (text == null) {
            return null;
        }
        int length = text.length();
        int i = 0;
        while (i < length && allowed(text, i)) {
            i += Character.charCount(text.codePointAt(i));
        }
        if (i >= length) {
            return text;
        }
        StringBuilder out = new StringBuilder(length);
        out.append(text, 0, i);
        while (i < length) {
            int cp = text.codePointAt(i);
            if (allowed(text, i)) {
                out.appendCodePoint(cp);
            }
            i += Character.charCount(cp);
        }
        return out.toString();
    }

    private static boolean allowed(String text, int index) {
        int cp = text.codePointAt(index);
        if (cp == 0x9 || cp == 0xA || cp == 0xD) {
            return true;
        }
        if (cp < 0x20 || cp == 0xFFFE || cp == 0xFFFF) {
            return false;
        }
        // an unpaired surrogate comes back from codePointAt as the surrogate itself
        return !Character.isSurrogate((char) cp) || cp > 0xFFFF;
    }
}
