package org.syndication.ingest.parse;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Removes the photo credit that a page glues in front of an item's first paragraph ("© UNODC BrusselsA delegation
 * ...", "Image © UNODCThe delegation ..."). Where the credit ends is learned from the page itself: a credit glued to
 * a capitalised word shows its own end, and the credits learned that way also end the ambiguous ones on the same page
 * ("Photo credit UNODC Brussels Ms ...", "Image © UNODCUNODC together with ...").
 */
final class PhotoCredits {

    private static final int MAX_CREDIT_WORDS = 4;

    private static final int MAX_CAPTION_LENGTH = 80;
    private static final int MIN_CAPTION_WORDS = 3;
    private static final int MIN_TEXT_AFTER_CAPTION = 40;
    private static final Set<String> CAPTION_CONNECTORS = Set.of(
            "of", "the", "and", "for", "in", "on", "at", "to", "with", "de", "-", "&");

    private final List<String> known;

    private PhotoCredits(List<String> known) {
        this.known = known;
    }

    /** Learns the credits of one page from its lines. */
    static PhotoCredits learn(List<String> lines) {
        List<String> known = new ArrayList<>();
        for (String line : lines) {
            int marker = PageChrome.creditMarkerLength(line);
            if (marker > 0) {
                int glue = glueIndex(line, marker);
                if (glue > marker) {
                    String credit = line.substring(marker, glue).strip();
                    if (!credit.isEmpty() && !known.contains(credit)) {
                        known.add(credit);
                    }
                }
            }
        }
        known.sort(Comparator.comparingInt(String::length).reversed());
        return new PhotoCredits(known);
    }

    /** The line without a leading photo credit; empty when the line was only a credit. */
    String strip(String line) {
        int marker = PageChrome.creditMarkerLength(line);
        if (marker == 0) {
            return line;
        }
        for (String credit : known) {
            if (line.startsWith(credit, marker)) {
                return line.substring(marker + credit.length()).strip();
            }
        }
        int glue = glueIndex(line, marker);
        if (glue > marker) {
            return line.substring(glue).strip();
        }
        return line.substring(fallbackEnd(line, marker)).strip();
    }

    /**
     * The paragraph without an image caption glued to its first word ("EU -UN Partnership ReportPartnership between
     * the European Union ..."): a few capitalised words, then a capitalised word glued to the last one. Applied to
     * the first paragraph of an item only, where the page puts its pictures.
     */
    static String stripGluedCaption(String paragraph) {
        int limit = Math.min(paragraph.length(), MAX_CAPTION_LENGTH);
        for (int i = 1; i + 1 < limit; i++) {
            char prev = paragraph.charAt(i - 1);
            char ch = paragraph.charAt(i);
            boolean glue = Character.isLowerCase(prev) && Character.isUpperCase(ch)
                    && Character.isLowerCase(paragraph.charAt(i + 1));
            if (glue) {
                return isCaption(paragraph.substring(0, i), paragraph.length() - i) ? paragraph.substring(i) : paragraph;
            }
            if (prev == '.' || prev == ',' || prev == ':' || prev == ';') {
                return paragraph; // a sentence has begun: no caption
            }
        }
        return paragraph;
    }

    private static boolean isCaption(String prefix, int remaining) {
        String[] words = prefix.split(" ");
        String glued = words[words.length - 1];
        if (words.length < MIN_CAPTION_WORDS || remaining < MIN_TEXT_AFTER_CAPTION || glued.length() < 3) {
            return false;
        }
        for (String word : words) {
            String letters = word.startsWith("-") ? word.substring(1) : word;
            if (letters.isEmpty() || !Character.isUpperCase(letters.charAt(0)) && !CAPTION_CONNECTORS.contains(letters)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The index where the text glued to a credit starts, looking at the first few words after the marker, or -1.
     * Glue is a lower-case letter followed by a capitalised word ({@code BrusselsA}, {@code BrusselsDeeply}), an
     * acronym followed by one ({@code UNODCThe}), or a letter followed by an opening quote ({@code UNODC"We}).
     */
    private static int glueIndex(String line, int from) {
        int doubled = doubledAcronymEnd(line, from);
        if (doubled > 0) {
            return doubled;
        }
        int words = 0;
        int n = line.length();
        for (int i = from + 1; i < n && words < MAX_CREDIT_WORDS; i++) {
            char prev = line.charAt(i - 1);
            char ch = line.charAt(i);
            if (ch == ' ') {
                words++;
                continue;
            }
            char next = i + 1 < n ? line.charAt(i + 1) : ' ';
            if (Character.isLetter(prev) && isOpeningQuote(ch)) {
                return i;
            }
            if (Character.isLowerCase(prev) && Character.isUpperCase(ch)
                    && (Character.isLowerCase(next) || (next == ' ' && (ch == 'A' || ch == 'I')))) {
                return i;
            }
            if (Character.isUpperCase(prev) && Character.isUpperCase(ch) && Character.isLowerCase(next)
                    && i >= 2 && Character.isUpperCase(line.charAt(i - 2))) {
                return i;
            }
        }
        return -1;
    }

    /**
     * "UNODCUNODC, IOM and ...": an acronym credit glued to the same acronym opening the text; returns the index
     * where the second copy starts, or -1.
     */
    private static int doubledAcronymEnd(String line, int from) {
        int end = from;
        while (end < line.length() && Character.isUpperCase(line.charAt(end))) {
            end++;
        }
        int length = end - from;
        if (length < 4 || length % 2 != 0) {
            return -1;
        }
        int half = length / 2;
        return line.regionMatches(from, line, from + half, half) ? from + half : -1;
    }

    /** Without glue or a learned credit: the first word plus following acronym-like words ("Belgian MoFA"). */
    private static int fallbackEnd(String line, int marker) {
        int end = wordEnd(line, marker);
        while (end < line.length()) {
            int next = wordEnd(line, end + 1);
            if (!hasInnerUpperCase(line, end + 1, next)) {
                break;
            }
            end = next;
        }
        return end;
    }

    private static int wordEnd(String line, int from) {
        int space = line.indexOf(' ', from);
        return space < 0 ? line.length() : space;
    }

    private static boolean hasInnerUpperCase(String line, int from, int to) {
        for (int i = from + 1; i < to; i++) {
            if (Character.isUpperCase(line.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isOpeningQuote(char ch) {
        return ch == '"' || ch == '“' || ch == '„' || ch == '«';
    }
}
