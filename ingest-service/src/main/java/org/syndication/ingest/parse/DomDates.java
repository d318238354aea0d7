package org.syndication.ingest.parse;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Dates in the text of an HTML page, for {@link DomRecordReader}: {@link DateGrammar} tried at every word start,
 * plus the short numeric dates with a two-digit year that US listing pages put in a field of their own
 * ({@code 05.19.15}, {@code 4/14/15}). Those are read only when the text is nothing but the date (a two-digit year in
 * running text is too often something else), month first unless the page shows a day above 12 in first place.
 */
final class DomDates {

    /** A text longer than this is not a date field. */
    private static final int SHORT_FIELD = 20;

    private final DateGrammar grammar;

    /** Per page: whether a short numeric date had a first number above 12 (so the page writes the day first). */
    private boolean dayFirstSeen;

    DomDates(DateGrammar grammar) {
        this.grammar = grammar;
    }

    /** A date found in a text, where it starts and ends. */
    record Found(ItemDate date, int start, int end) {
    }

    /** The first date of {@link DateGrammar}'s grammar starting at a word start of {@code text}, or null. */
    Found first(String text) {
        int length = text.length();
        int firstDigit = 0;
        while (firstDigit < length && !DateGrammar.isDigit(text.charAt(firstDigit))) {
            firstDigit++;
        }
        if (firstDigit == length) { // every date has a day or a year in digits
            return null;
        }
        for (int i = 0; i < length; i++) {
            char ch = text.charAt(i);
            if ((DateGrammar.isDigit(ch) || Character.isLetter(ch)) && (i == 0 || isWordBoundary(text.charAt(i - 1)))) {
                Optional<DateMatch> match = grammar.parseAt(text, i);
                if (match.isPresent()) {
                    return new Found(match.get().date(), i, match.get().endIndex());
                }
            }
        }
        return null;
    }

    /**
     * A date before the first letter that is not a digit or separator: a Chinese character glued to a date ends a
     * word here, a Latin letter does not ("Nov2021" is not a date start, "日期2020-04-27" is).
     */
    private static boolean isWordBoundary(char previous) {
        return !DateGrammar.isDigit(previous) && !(Character.isLetter(previous) && previous < '\u2e80');
    }

    /** Notes the order of a short numeric date, if {@code text} is one; call for every text of a page first. */
    void observe(String text) {
        int[] parts = shortNumeric(text);
        if (parts != null && parts[0] > 12) {
            dayFirstSeen = true;
        }
    }

    /** A short numeric date with a two-digit year when {@code text} is nothing else, or null. */
    ItemDate shortField(String text) {
        int[] parts = shortNumeric(text);
        if (parts == null) {
            return null;
        }
        boolean dayFirst = parts[1] <= 12 && (parts[0] > 12 || dayFirstSeen);
        int year = parts[2] < 70 ? 2000 + parts[2] : 1900 + parts[2];
        LocalDate date = dayFirst ? DateGrammar.date(year, parts[1], parts[0])
                : DateGrammar.date(year, parts[0], parts[1]);
        return date == null ? null : ItemDate.of(date, null);
    }

    /** {a, b, yy} of "a.b.yy" or "a/b/yy" (optionally in brackets), or null. */
    private static int[] shortNumeric(String text) {
        String t = text.strip();
        if (t.length() > SHORT_FIELD || t.length() < 6) {
            return null;
        }
        if ((t.startsWith("(") && t.endsWith(")")) || (t.startsWith("[") && t.endsWith("]"))) {
            t = t.substring(1, t.length() - 1).strip();
        }
        int[] parts = new int[3];
        int part = 0;
        int digits = 0;
        char separator = 0;
        for (int i = 0; i < t.length(); i++) {
            char ch = t.charAt(i);
            if (DateGrammar.isDigit(ch)) {
                if (++digits > 2) {
                    return null;
                }
                parts[part] = parts[part] * 10 + (ch - '0');
            } else if ((ch == '.' || ch == '/') && digits > 0 && part < 2 && (separator == 0 || separator == ch)) {
                separator = ch;
                part++;
                digits = 0;
            } else {
                return null;
            }
        }
        return part == 2 && digits == 2 && parts[0] > 0 && parts[1] > 0 ? parts : null;
    }
}
