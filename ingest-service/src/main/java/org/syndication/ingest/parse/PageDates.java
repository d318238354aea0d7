package org.syndication.ingest.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a page says about its own dates, decided once per page before its lines are read: whether numeric dates are
 * day first ({@code 27/03/2019}) or month first ({@code 03/27/2019}), from the dates that can only be read one way,
 * and from the page's language when none can.
 */
final class PageDates {

    private static final Set<String> ENGLISH_WORDS = Set.of("the", "and", "of", "to", "with", "for", "is", "was");
    private static final Set<String> OTHER_WORDS = Set.of(
            "le", "la", "les", "des", "et", "du", "der", "die", "und", "das", "den", "el", "los", "las", "y", "del",
            "il", "di", "che", "della", "o", "os", "da", "do", "em", "não", "het", "een", "en", "van");

    private PageDates() {
    }

    /** Language words are counted in this much text at most: enough to tell English from the others. */
    private static final int LANGUAGE_SAMPLE = 4_000;

    static DateGrammar grammarFor(List<Line> lines, DateGrammar base) {
        int dayFirst = 0;
        int monthFirst = 0;
        List<int[]> ambiguous = new ArrayList<>();
        for (Line line : lines) {
            String text = line.text();
            for (int i = 0; i + 4 < text.length(); i++) {
                if (!DateGrammar.isDigit(text.charAt(i)) || (i > 0 && DateGrammar.isDigit(text.charAt(i - 1)))) {
                    continue;
                }
                int[] parts = numericParts(text, i);
                if (parts != null) {
                    dayFirst += parts[0] > 12 && parts[1] <= 12 ? 1 : 0;
                    monthFirst += parts[1] > 12 && parts[0] <= 12 ? 1 : 0;
                    if (parts[0] <= 12 && parts[1] <= 12) {
                        ambiguous.add(parts);
                    }
                }
            }
        }
        DateGrammar.NumericOrder order;
        int sortedReading = dayFirst == 0 && monthFirst == 0 ? sortedReading(ambiguous) : 0;
        if (dayFirst > 0 && monthFirst > 0) { // a mixed page: the international reading, as without a page order
            order = DateGrammar.NumericOrder.DAY_FIRST;
        } else if (dayFirst != monthFirst) {
            order = dayFirst > monthFirst ? DateGrammar.NumericOrder.DAY_FIRST : DateGrammar.NumericOrder.MONTH_FIRST;
        } else if (sortedReading != 0) { // every date ambiguous: the reading that keeps the listing in order
            order = sortedReading > 0 ? DateGrammar.NumericOrder.DAY_FIRST : DateGrammar.NumericOrder.MONTH_FIRST;
        } else if (looksEnglish(lines)) {
            order = DateGrammar.NumericOrder.MONTH_FIRST_SLASHED;
        } else {
            order = DateGrammar.NumericOrder.DAY_FIRST;
        }
        return base.withNumericOrder(order);
    }

    /**
     * Which reading of dates that could be day or month first puts them in order (a listing is sorted, newest or
     * oldest first): 1 for day first, -1 for month first, 0 when both or neither do, or there are fewer than three.
     * "12/10/2023, 03/10/2023, 09/09/2023" runs down read day first and jumps about read month first.
     */
    static int sortedReading(List<int[]> dates) {
        if (dates.size() < 3) {
            return 0;
        }
        int dayFirstBreaks = breaks(dates, true);
        int monthFirstBreaks = breaks(dates, false);
        return Integer.compare(monthFirstBreaks, dayFirstBreaks);
    }

    /** How many neighbours are out of order, in the direction the dates mostly run. */
    private static int breaks(List<int[]> dates, boolean dayFirst) {
        int up = 0;
        int down = 0;
        for (int k = 1; k < dates.size(); k++) {
            int cmp = Integer.compare(key(dates.get(k - 1), dayFirst), key(dates.get(k), dayFirst));
            down += cmp < 0 ? 1 : 0;
            up += cmp > 0 ? 1 : 0;
        }
        return Math.min(up, down);
    }

    private static int key(int[] date, boolean dayFirst) {
        int day = dayFirst ? date[0] : date[1];
        int month = dayFirst ? date[1] : date[0];
        return date[2] * 10_000 + month * 100 + day;
    }

    /** Whether English function words outnumber those of the other languages twice over, in the page's opening. */
    private static boolean looksEnglish(List<Line> lines) {
        int english = 0;
        int other = 0;
        int read = 0;
        StringBuilder word = new StringBuilder(16);
        for (Line line : lines) {
            String text = line.text();
            int end = Math.min(text.length(), LANGUAGE_SAMPLE - read);
            for (int i = 0; i <= end; i++) {
                char ch = i < end ? text.charAt(i) : ' ';
                if (Character.isLetter(ch)) {
                    if (word.length() < 16) {
                        word.append(Character.toLowerCase(ch));
                    }
                    continue;
                }
                if (word.length() > 0 && word.length() <= 5) {
                    String w = word.toString();
                    english += ENGLISH_WORDS.contains(w) ? 1 : 0;
                    other += OTHER_WORDS.contains(w) ? 1 : 0;
                }
                word.setLength(0);
            }
            read += end;
            if (read >= LANGUAGE_SAMPLE) {
                break;
            }
        }
        return english > other * 2;
    }

    /** {first, second, year} of "12/31/2019" or "31.12.19" starting at {@code i}, or null. */
    private static int[] numericParts(String text, int i) {
        int a = 0;
        int k = i;
        while (k < text.length() && k - i < 2 && DateGrammar.isDigit(text.charAt(k))) {
            a = a * 10 + text.charAt(k++) - '0';
        }
        if (k >= text.length() || (text.charAt(k) != '/' && text.charAt(k) != '.')) {
            return null;
        }
        char sep = text.charAt(k++);
        int start = k;
        int b = 0;
        while (k < text.length() && k - start < 2 && DateGrammar.isDigit(text.charAt(k))) {
            b = b * 10 + text.charAt(k++) - '0';
        }
        if (k == start || k >= text.length() || text.charAt(k) != sep || k + 2 >= text.length()
                || !DateGrammar.isDigit(text.charAt(k + 1)) || !DateGrammar.isDigit(text.charAt(k + 2))) {
            return null;
        }
        int year = 0;
        for (int y = k + 1; y < text.length() && y <= k + 4 && DateGrammar.isDigit(text.charAt(y)); y++) {
            year = year * 10 + text.charAt(y) - '0';
        }
        return a >= 1 && b >= 1 && a <= 31 && b <= 31 ? new int[] {a, b, year < 100 ? 2000 + year : year} : null;
    }
}
