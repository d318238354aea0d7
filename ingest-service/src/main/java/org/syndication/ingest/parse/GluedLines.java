package org.syndication.ingest.parse;

import java.util.ArrayList;
import java.util.List;

/**
 * Lines that a page's text extraction glued together: block elements run into one line with no space between them.
 * A year and the reading time after it ("Dec 30, 20252 min read") get their space back, and two kinds of line are
 * taken apart again, each where the glue cannot be ordinary writing:
 * <ul>
 * <li>a whole date right after a letter or a sentence's end ({@code ...school arrested9/15/2020 - Notice of ...},
 * {@code ... ihn zu töten.30.03.2017}): a date list or a teaser's date run into the text before it;</li>
 * <li>a teaser whose kicker, headline, summary and date run together ({@code Bomben in St. PetersburgPolizei fahndet
 * nach zwei VerdächtigenWer ist ... deponiert haben. 03.04.2017}): a word in lower case followed by a capital that
 * opens the next block, between runs of at least two words each, in a long line that ends with its date, so names
 * written in one word ("McAleenan", "YouTube") stay whole.</li>
 * </ul>
 */
final class GluedLines {

    /** Shortest line that may hold glued blocks: headlines and metadata lines are shorter. */
    private static final int MIN_GLUED_LINE = 100;

    /** Most blocks of one teaser: a kicker, a headline, a summary (its date is cut apart on its own). */
    private static final int MAX_TEASER_BLOCKS = 3;

    /** Most letters of one word, compounds included ("Bundespolizeiinspektion"). */
    private static final int MAX_WORD_LETTERS = 40;

    /** Longest numeric date at a line's end ("03.04.2017", "2017-04-03"). */
    private static final int MAX_TRAILING_DATE = 10;

    /** Fewest letters of the word before a glue point ("PetersburgPolizei"; not "McAleenan", "YouTube"). */
    private static final int MIN_GLUED_WORD = 4;

    private GluedLines() {
    }

    static List<Line> split(List<Line> lines, DateGrammar grammar) {
        List<Line> result = null;
        for (int i = 0; i < lines.size(); i++) {
            Line line = withReadingTimeApart(lines.get(i));
            List<Integer> cuts = cuts(line.text(), grammar);
            if (result == null && (line != lines.get(i) || !cuts.isEmpty())) { // the first line that changes
                result = new ArrayList<>(lines.subList(0, i));
            }
            if (cuts.isEmpty()) {
                if (result != null) {
                    result.add(line);
                }
                continue;
            }
            String text = line.text();
            int from = 0;
            for (int k = 0; k <= cuts.size(); k++) {
                int to = k < cuts.size() ? cuts.get(k) : text.length();
                String part = text.substring(from, to).strip();
                if (!part.isEmpty()) {
                    boolean first = from == 0;
                    result.add(new Line(part, line.heading(), first ? line.links() : List.of(),
                            first && line.afterGap(), first && line.afterMore()));
                }
                from = to;
            }
        }
        return result == null ? lines : result;
    }

    /**
     * The line with a year and the reading time run into it taken apart ("Dec 30, 20252 min read" becomes "Dec 30,
     * 2025 2 min read"); the line itself when there is none.
     */
    static Line withReadingTimeApart(Line line) {
        String text = line.text();
        int min = text.indexOf(" min");
        if (min < 6) {
            return line;
        }
        int digits = 0;
        while (digits < min && DateGrammar.isDigit(text.charAt(min - 1 - digits))) {
            digits++;
        }
        int year = min - digits;
        boolean glued = (digits == 5 || digits == 6) && (year == 0 || !Character.isLetterOrDigit(text.charAt(year - 1)))
                && (text.startsWith("19", year) || text.startsWith("20", year));
        if (!glued) {
            return line;
        }
        String apart = text.substring(0, year + 4) + " " + text.substring(year + 4);
        return new Line(apart, line.heading(), line.links(), line.afterGap(), line.afterMore());
    }

    /** Where the line comes apart, in order; empty when it is one block. */
    static List<Integer> cuts(String text, DateGrammar grammar) {
        if (text.length() < 12) {
            return List.of();
        }
        List<Integer> dates = new ArrayList<>();
        for (int p = 1; p < text.length(); p++) {
            if (DateGrammar.isDigit(text.charAt(p)) && gluedBefore(text.charAt(p - 1)) && hasYear(text, p)
                    && grammar.parseAt(text, p).isPresent()) {
                dates.add(p);
            }
        }
        // blocks only in a teaser that ends with its date: "...VerdächtigenWer ist ... haben. 03.04.2017"
        List<Integer> blocks = text.length() >= MIN_GLUED_LINE && (!dates.isEmpty() || endsWithDate(text, grammar))
                ? blockCuts(text) : List.of();
        if (dates.isEmpty() && blocks.isEmpty()) {
            return List.of();
        }
        List<Integer> all = new ArrayList<>(dates);
        all.addAll(blocks);
        all.sort(null);
        return all;
    }

    /** Whether the line ends with a whole date ("... haben. 03.04.2017"). */
    private static boolean endsWithDate(String text, DateGrammar grammar) {
        for (int p = Math.max(0, text.length() - MAX_TRAILING_DATE); p < text.length(); p++) {
            if ((p == 0 || !Character.isLetterOrDigit(text.charAt(p - 1))) && DateGrammar.isDigit(text.charAt(p))) {
                var match = grammar.parseAt(text, p);
                if (match.isPresent() && match.get().endIndex() == text.length() && hasYear(text, p)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A letter or the end of a sentence or quotation right before a digit: text and a date run together. */
    private static boolean gluedBefore(char ch) {
        return Character.isLetter(ch) || ch == '.' || ch == '!' || ch == '?' || ch == '"' || ch == '”' || ch == ')';
    }

    /** Whether the date read at {@code from} names its year: four digits within its first twelve characters. */
    private static boolean hasYear(String text, int from) {
        int run = 0;
        for (int i = from; i < Math.min(text.length(), from + 12); i++) {
            run = DateGrammar.isDigit(text.charAt(i)) ? run + 1 : 0;
            if (run == 4) {
                return true;
            }
        }
        return false;
    }

    /**
     * The glue points of kicker, headline and summary, each between runs of two words or more. One pass, the words of
     * the current run counted as it goes: a line of any length costs its length.
     */
    private static List<Integer> blockCuts(String text) {
        List<Integer> cuts = new ArrayList<>();
        int last = 0;
        int words = 0; // words of text[last, p)
        for (int p = 0; p < text.length(); p++) {
            if (p > 0 && p + 1 < text.length() && words >= 2 && isGluePoint(text, p)) {
                if (cuts.size() == MAX_TEASER_BLOCKS - 1) {
                    return List.of(); // more blocks than a teaser has: ordinary text with names in it
                }
                cuts.add(p);
                last = p;
                words = 0;
            }
            boolean startsWord = !isSpace(text.charAt(p)) && (p == last || isSpace(text.charAt(p - 1)));
            words += startsWord ? 1 : 0;
        }
        if (!cuts.isEmpty() && words < 2) {
            cuts.remove(cuts.size() - 1);
        }
        return cuts;
    }

    private static boolean isSpace(char ch) {
        return ch == ' ' || ch == '\t';
    }

    /**
     * A capital that opens a block right after a word in lower case of at least four letters
     * ("VerdächtigenWer"), after a number ("A12In"), after a question or exclamation mark
     * ("töten?IS-Sympathisantin") or a closing quote; or a number opening a block after such a word ("fest7000 Euro").
     */
    private static boolean isGluePoint(String text, int p) {
        char ch = text.charAt(p);
        char before = text.charAt(p - 1);
        if (DateGrammar.isDigit(ch)) { // a summary opening with a number: "in Paris fest7000 Euro für ..."
            return Character.isLowerCase(before) && lowerCaseWordBefore(text, p) && numberThenSpace(text, p);
        }
        if (!Character.isUpperCase(ch) || !Character.isLetter(text.charAt(p + 1))) {
            return false;
        }
        if (DateGrammar.isDigit(before)) { // a headline ending in a number: "Schleuser-Lkw auf A12In der Nacht"
            return Character.isLowerCase(text.charAt(p + 1));
        }
        if (before == '?' || before == '!') {
            return p >= 2 && Character.isLowerCase(text.charAt(p - 2));
        }
        if (before == '"' || before == '”') { // a quoted kicker: "\"Ich verurteile seine Tat\"Frau des ..."
            return p >= 2 && (Character.isLowerCase(text.charAt(p - 2)) || text.charAt(p - 2) == '.'
                    || text.charAt(p - 2) == '!' || text.charAt(p - 2) == '?');
        }
        return Character.isLowerCase(before) && Character.isLowerCase(text.charAt(p + 1))
                && lowerCaseWordBefore(text, p);
    }

    /**
     * Whether a word of at least four letters, in lower case after its first, ends right before {@code p}; a run of
     * letters longer than any word is none (and is not walked to its start).
     */
    private static boolean lowerCaseWordBefore(String text, int p) {
        int letters = 0;
        for (int i = p - 1; i >= 0 && Character.isLetter(text.charAt(i)); i--) {
            if (++letters > MAX_WORD_LETTERS) {
                return false;
            }
        }
        return letters >= MIN_GLUED_WORD && Character.isLowerCase(text.charAt(p - letters + 1));
    }

    /** Whether the digits at {@code p} are a number followed by a space ("7000 Euro"), not a code ("Covid19"). */
    private static boolean numberThenSpace(String text, int p) {
        int i = p;
        while (i < text.length() && (DateGrammar.isDigit(text.charAt(i)) || text.charAt(i) == '.'
                || text.charAt(i) == ',')) {
            i++;
        }
        return i < text.length() && text.charAt(i) == ' ' && i - p >= 2;
    }

}
