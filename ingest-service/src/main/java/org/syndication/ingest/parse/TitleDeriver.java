package org.syndication.ingest.parse;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;

/**
 * Derives a faithful title from a paragraph when a document has no headline: its first sentence, cut at a word
 * boundary when longer than {@link #MAX_TITLE_LENGTH}. Only the first few hundred characters are ever looked at.
 */
final class TitleDeriver {

    static final int MAX_TITLE_LENGTH = 120;

    private static final int SCAN_LIMIT = 400;

    /** Most words of a table cell that is a label (an office, a section, a type) beside the headline's cell. */
    private static final int MAX_LABEL_CELL_WORDS = 5;

    /** Fewest words of an opening that a teaser repeats: three common words are a coincidence, four a headline. */
    private static final int MIN_REPEATED_WORDS = 4;

    /** Most words a teaser puts before the headline it repeats ("Con l'", "With the", "In its"). */
    private static final int MAX_LEAD_IN_WORDS = 3;

    /** Most words of a headline that a teaser may repeat. */
    private static final int MAX_HEADLINE_WORDS = 20;

    /** Words after which a full stop does not end a sentence. */
    private static final Set<String> ABBREVIATIONS = Set.of(
            "mr", "ms", "mrs", "dr", "st", "prof", "h.e", "e.g", "i.e", "no", "nos", "art", "vs", "etc", "u.s", "u.n",
            "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "gen", "col", "sen",
            "rep", "gov", "amb", "approx", "fig", "inc", "ltd", "co", "jr", "sr");

    /** Words that cannot end a title cut short. */
    private static final Set<String> DANGLING = Set.of(
            "a", "an", "the", "and", "or", "but", "of", "in", "on", "at", "to", "for", "with", "by", "from", "as",
            "that", "which", "who", "its", "their", "his", "her", "is", "are", "was", "were", "be", "has", "have", "-");

    private TitleDeriver() {
    }

    /** The title for a paragraph: its first sentence without the final stop, at most ~120 characters. */
    static String fromParagraph(String paragraph) {
        String text = paragraph.length() > SCAN_LIMIT ? paragraph.substring(0, SCAN_LIMIT) : paragraph;
        String repeated = repeatedOpening(text);
        if (repeated != null) {
            return trimTrailingPunctuation(repeated);
        }
        int end = sentenceEnd(text);
        String sentence = (end < 0 ? text : text.substring(0, end)).strip();
        if (sentence.length() > MAX_TITLE_LENGTH) {
            int cut = sentence.lastIndexOf(' ', MAX_TITLE_LENGTH);
            sentence = withoutDanglingWords(sentence.substring(0, cut > MAX_TITLE_LENGTH / 2 ? cut : MAX_TITLE_LENGTH));
        }
        return trimTrailingPunctuation(sentence);
    }

    /**
     * The headline of a table row's cells ({@code Headline | Customs office}, {@code Section | Headline}, as a copied
     * table's columns read): the longest cell when it has more than {@link #MAX_LABEL_CELL_WORDS} words and every
     * other cell at most that many (an office, a section, a type), else the whole text.
     */
    static String headlineCell(String rest) {
        if (!rest.contains(" | ")) {
            return rest;
        }
        String headline = null;
        int longCells = 0;
        for (String cell : rest.split(" \\| ")) {
            String text = cell.strip();
            if (LineKinds.wordCount(text) > MAX_LABEL_CELL_WORDS) {
                longCells++;
                headline = text;
            }
        }
        return longCells == 1 ? headline : rest;
    }

    /**
     * A headline run straight into a teaser that repeats it ("Order of 12 March 2021 With the order of 12 March 2021
     * the region ..."): the opening words up to where the teaser takes them up again, or null when the paragraph does
     * not repeat its opening. Case and elided articles ("l'Ordinanza", "d’Italia") do not hide the repetition.
     */
    static String repeatedOpening(String text) {
        String[] words = LineKinds.SPACES.split(text.strip());
        int longest = Math.min(MAX_HEADLINE_WORDS, words.length / 2);
        // each word made comparable once: only the words a repetition can reach are compared
        String[] keys = Arrays.stream(words, 0, Math.min(words.length, 2 * longest + MAX_LEAD_IN_WORDS))
                .map(TitleDeriver::comparable).toArray(String[]::new);
        for (int length = longest; length >= MIN_REPEATED_WORDS; length--) {
            for (int gap = 0; gap <= MAX_LEAD_IN_WORDS && length + gap + length <= keys.length; gap++) {
                if (Arrays.equals(keys, 0, length, keys, length + gap, length + gap + length)) {
                    return String.join(" ", Arrays.copyOfRange(words, 0, length));
                }
            }
        }
        return null;
    }

    /** A word lower-cased, without an elided article before an apostrophe ("l’Ordinanza" → "ordinanza"). */
    private static String comparable(String word) {
        int apostrophe = Math.max(word.lastIndexOf('\''), word.lastIndexOf('’'));
        boolean elided = apostrophe >= 0 && apostrophe <= 4 && apostrophe < word.length() - 1;
        return (elided ? word.substring(apostrophe + 1) : word).toLowerCase(Locale.ROOT);
    }

    /** The index of the stop that ends the first sentence, or -1. */
    private static int sentenceEnd(String text) {
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char ch = text.charAt(i);
            if ((ch == '.' || ch == '!' || ch == '?') && (i + 1 == n || isSentenceStart(text, i + 1))
                    && !(ch == '.' && (isAbbreviation(text, i) || isDayBeforeMonth(text, i)))) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isSentenceStart(String text, int from) {
        int i = from;
        while (i < text.length() && (text.charAt(i) == '"' || text.charAt(i) == '”' || text.charAt(i) == ')')) {
            i++;
        }
        if (i >= text.length() || text.charAt(i) != ' ') {
            return false;
        }
        char next = i + 1 < text.length() ? text.charAt(i + 1) : ' ';
        return Character.isUpperCase(next) || Character.isDigit(next) || next == '"' || next == '“';
    }

    /** A day's number with its dot before a month's name ("Am Freitag, 27. November", "den 4. mai"): no stop. */
    private static boolean isDayBeforeMonth(String text, int stop) {
        int start = stop;
        while (start > 0 && DateGrammar.isDigit(text.charAt(start - 1))) {
            start--;
        }
        if (stop - start < 1 || stop - start > 2 || stop + 2 >= text.length()) {
            return false;
        }
        int end = stop + 2;
        while (end < text.length() && Character.isLetter(text.charAt(end))) {
            end++;
        }
        return DateGrammar.isMonthWord(text.substring(stop + 2, end));
    }

    private static boolean isAbbreviation(String text, int stop) {
        int start = stop;
        while (start > 0 && text.charAt(start - 1) != ' ' && text.charAt(start - 1) != '(') {
            start--;
        }
        String word = text.substring(start, stop).toLowerCase(Locale.ROOT);
        return word.length() == 1 && Character.isLetter(word.charAt(0)) || ABBREVIATIONS.contains(word);
    }

    /** A cut title does not end on a word that needs the next one ("... outlined priorities and"). */
    private static String withoutDanglingWords(String cut) {
        String title = cut.strip();
        for (int i = 0; i < 3; i++) {
            int space = title.lastIndexOf(' ');
            if (space < MAX_TITLE_LENGTH / 2 || !DANGLING.contains(title.substring(space + 1).toLowerCase(Locale.ROOT))) {
                break;
            }
            title = trimTrailingPunctuation(title.substring(0, space));
        }
        return title;
    }

    static String trimTrailingPunctuation(String title) {
        int end = title.length();
        while (end > 0 && ",;:-–—.( ".indexOf(title.charAt(end - 1)) >= 0) {
            end--;
        }
        return title.substring(0, end);
    }
}
