package org.syndication.ingest.parse;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What kind of line a line of a listing is, judged on its own text: a title, a byline, a label, a kicker, a place, a
 * metadata row, a paragraph. The layout rules ({@link ListingLayout}, {@link RecordTemplate}, {@link AnchorFinder})
 * ask these questions of the lines around each date.
 */
final class LineKinds {

    /** Text after a heading date longer than this, with a sentence break, is a first paragraph, not a title. */
    private static final int MAX_INLINE_TITLE = 160;

    private static final int MAX_TITLE_LENGTH = 250;

    /** What separates the names of a list of authors: a comma, or "and" in the reader's languages. */
    private static final Pattern AUTHOR_SEPARATORS = Pattern.compile(",\\s*|\\s+(?:and|und|et|y|e|en|&)\\s+");

    /** Most characters of a list of authors: four names of four words each, and their separators. */
    private static final int MAX_AUTHOR_LIST = 160;

    /** A word of a person's name: letters, dots, hyphens and apostrophes ("Dr", "Prof.", "O'Brien", "Jean-Luc"). */
    private static final Pattern NAME_WORD = Pattern.compile("\\p{L}[\\p{L}.'’-]*");

    /** Runs of white space between words: compiled once, as String.split would compile it at every call. */
    static final Pattern SPACES = Pattern.compile("\\s+");

    private static final Pattern DURATION = Pattern.compile("(?iu)(?:(?:durée|duration|dauer|duración|durata"
            + "|duração|lesezeit|reading time|temps de lecture|tiempo de lectura|tempo di lettura)\\s*:?\\s*)?"
            + "~?\\d{1,2}"
            + "(?:\\s*h\\s*\\d{2}|:\\d{2}|\\s*(?:min|mins|minutes?|minuten|minutos|minuti|min\\.))"
            + "(?:\\s+(?:read|de lecture|lesezeit|de lectura|di lettura|listen|watch))?");

    /** Words that open a byline: "By Ann Lee", "Par Julien Marchand", "Von Anna Roth", "Por Redacción". */
    static final Set<String> BYLINE_WORDS = Set.of("by", "par", "por", "von", "door", "di", "av", "af");

    /** Most words of a byline: the authors' names and perhaps their roles. */
    private static final int MAX_BYLINE_WORDS = 12;

    /** A text with its numbers as {@code #}, lower case: the same shape is the same furniture with other numbers. */
    static String shape(String rest) {
        String lower = rest.toLowerCase(Locale.ROOT);
        StringBuilder shape = new StringBuilder(lower.length());
        for (int i = 0; i < lower.length(); i++) {
            char ch = lower.charAt(i);
            if (ch < '0' || ch > '9') {
                shape.append(ch);
            } else if (i == 0 || lower.charAt(i - 1) < '0' || lower.charAt(i - 1) > '9') {
                shape.append('#'); // a run of digits is one mark
            }
        }
        return shape.toString();
    }

    /** A line naming an item's authors ("By Ann Lee", "Par Julien Marchand et Sofia Van den Berg"): never a title. */
    static boolean isByline(String text) {
        int space = text.indexOf(' ');
        if (space < 2 || space > 4 || !BYLINE_WORDS.contains(text.substring(0, space).toLowerCase(Locale.ROOT))) {
            return false; // a byline word opens it, of two to four letters
        }
        String[] words = SPACES.split(text);
        return words.length >= 2 && words.length <= MAX_BYLINE_WORDS
                && BYLINE_WORDS.contains(words[0].toLowerCase(Locale.ROOT))
                && Character.isUpperCase(words[1].charAt(0)) && !text.endsWith(".");
    }

    /**
     * A byline or metadata row: present in some records of a page and not in others, so it does not count when the
     * template measures where a title stands from its date.
     */
    static boolean isMetaLine(String text) {
        return isByline(text) || isMetadataRow(text) || isAuthorList(text) || isDuration(text)
                || isFieldLabel(text);
    }

    /**
     * Whether a text is a list of people's names ("Dr Sarah Okafor, James Whitlock and Marta Ruiz"): parts joined by
     * commas or "and" in the page's language, each of one to four capitalised words.
     */
    static boolean isAuthorList(String text) {
        String stripped = text.strip();
        if (stripped.isEmpty() || stripped.length() > MAX_AUTHOR_LIST || !Character.isUpperCase(stripped.charAt(0))) {
            return false;
        }
        String[] names = AUTHOR_SEPARATORS.split(stripped);
        if (names.length < 2) {
            return false;
        }
        for (String name : names) {
            String[] words = SPACES.split(name.strip());
            if (words.length > 4 || words[0].isEmpty()) {
                return false;
            }
            for (String word : words) {
                if (!Character.isUpperCase(word.charAt(0)) || !NAME_WORD.matcher(word).matches()) {
                    return false;
                }
            }
        }
        return true;
    }

    /** A field's label alone on its line, its value on the next ("Online Published Date:", "Appeared in issue:"). */
    static boolean isFieldLabel(String text) {
        int colon = text.indexOf(':');
        if (colon == text.length() - 1 && colon > 0 && wordCount(text) <= 5) {
            return true;
        }
        // a date's label alone over it, without a colon: "erstellt am", "Published on"
        return wordCount(text.strip()) <= 3 && text.indexOf(' ') > 0 && AnchorFinder.isMetaPrefix(text)
                && !Character.isDigit(text.charAt(text.length() - 1));
    }

    /** A reading or playing time ("5 min read", "durée 09h56", "Lesezeit: 3 Min."): metadata, never a title. */
    static boolean isDuration(String text) {
        int start = 0;
        while (start < text.length() && "-–•·| ".indexOf(text.charAt(start)) >= 0) { // "- 3 min de lecture"
            start++;
        }
        return text.length() - start <= 30 && DURATION.matcher(text.substring(start)).matches();
    }

    /** Closing quotes and brackets that may follow a sentence's full stop. */
    private static final String CLOSING_QUOTES = "\"”’'»)";

    /** How much a line looks like a title: 0 (not at all) to 3 (an HTML heading). */
    static int titleScore(Line line) {
        String text = line.text();
        int length = text.length();
        if (length < 3 || length > MAX_TITLE_LENGTH) {
            return 0;
        }
        if (line.heading()) {
            return 3;
        }
        if (PageChrome.endsWithMore(text) || isLabel(text) || isMetadataRow(text) || isPlaceLine(text)
                || isByline(text) || isCategoryPath(text) || isDuration(text)) {
            return 0;
        }
        if (length <= 200 && !endsWithFullStop(text)) {
            return 2;
        }
        return length <= 160 ? 1 : 0;
    }

    static int wordCount(String text) {
        // as many as String.split("\\s+") gives, without its regular expression and arrays: a leading space opens
        // an empty first word, trailing spaces none, and an empty text is one (empty) word
        if (text.isEmpty()) {
            return 1;
        }
        int words = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); i++) {
            boolean space = isRegexSpace(text.charAt(i));
            words += !space && !inWord ? 1 : 0;
            inWord = !space;
        }
        return words > 0 && isRegexSpace(text.charAt(0)) ? words + 1 : words;
    }

    /** The white space of a regular expression's {@code \\s}: space, tab, line breaks, vertical tab, form feed. */
    private static boolean isRegexSpace(char ch) {
        return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\u000b' || ch == '\f' || ch == '\r';
    }

    /** Whether text after a date holds a second sentence ("Council approves budget. The vote was ..."). */
    static boolean hasSecondSentence(String rest) {
        int stop = rest.indexOf(". ");
        return rest.length() > 80 && stop > 20 && stop + 2 < rest.length()
                && Character.isUpperCase(rest.charAt(stop + 2));
    }

    /** A dateline's place on a line of its own ("Port Talbot, Wales", "Miami, Fla."): never a title. */
    static boolean isPlaceLine(String text) {
        if (text.indexOf(',') < 0 || text.length() > 40 || text.split(" ").length > 4) {
            return false;
        }
        return AnchorFinder.place(text).map(p -> !p.isEmpty()).orElse(false);
    }

    /** A short line above a title: a category, type label or kicker ("Adult Drug Use", "Press Release"). */
    static boolean isKicker(String text) {
        return text.length() <= 40 && wordCount(text) <= 4 && !endsSentence(text);
    }

    /** A section's path ({@code Courts > High Court > Dublin}) under a headline: a headline has no such arrows. */
    static boolean isCategoryPath(String text) {
        return text.contains(" > ");
    }

    /**
     * A label line ({@code Content type: News}, {@code Categories: press review}, {@code Foto: Ana Lima}): a short
     * name, a colon and a short value; metadata, never a title or a body line.
     */
    static boolean isLabel(String text) {
        int colon = text.indexOf(':');
        if (colon <= 0 || colon > 30 || text.length() - colon > 40) {
            return false;
        }
        String name = text.substring(0, colon).strip();
        String[] words = SPACES.split(name);
        if (name.isEmpty() || words.length > 3 || !Character.isLetter(name.charAt(0))
                || (words.length > 1 && name.length() > 16)) {
            return false;
        }
        for (int w = 1; w < words.length; w++) { // "Content type", "Where we are"; not "Addiction Induced Crime"
            if (!words[w].isEmpty() && Character.isUpperCase(words[w].charAt(0))
                    && !name.equals(name.toUpperCase(Locale.ROOT))) {
                return false;
            }
        }
        String value = text.substring(colon + 1).strip();
        return value.length() <= 25 && !value.endsWith(".") && !value.endsWith("?"); // "Open thread: who reads?"
    }

    /**
     * A byline or metadata row ({@code Ann Lee, Professor, University • conversation}, {@code by Ann | Crime}):
     * segments after a bullet or pipe, the last of them one or two words.
     */
    static boolean isMetadataRow(String text) {
        int cut = Math.max(text.lastIndexOf(" • "), text.lastIndexOf(" | "));
        if (cut < 0) {
            return false;
        }
        return wordCount(text.substring(cut + 3).strip()) <= 2;
    }

    /** Whether text ends with a full stop, inside closing quotes too ({@code ... "current threat environment."}). */
    static boolean endsWithFullStop(String text) {
        int last = text.length() - 1;
        while (last > 0 && CLOSING_QUOTES.indexOf(text.charAt(last)) >= 0) {
            last--;
        }
        return last >= 0 && text.charAt(last) == '.';
    }

    static boolean endsSentence(String text) {
        char last = text.charAt(text.length() - 1);
        return last == '.' || last == '!' || last == '?';
    }

    /** Whether text after a date is an opening paragraph rather than a title. */
    static boolean isParagraph(String rest) {
        if (rest.length() <= MAX_INLINE_TITLE) {
            return false;
        }
        int stop = rest.indexOf(". ");
        return rest.length() > MAX_TITLE_LENGTH || (stop > 0 && stop < rest.length() - 2);
    }
    private LineKinds() {
    }
}
