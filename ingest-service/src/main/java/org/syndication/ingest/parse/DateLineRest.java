package org.syndication.ingest.parse;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What follows a date on its line, judged without the rest of the page: the time of day after it in the reader's
 * languages ({@code à 10h42}, {@code 4:29 pm CET}, an ISO timestamp's time and zone), a wire tag ({@code /CNW/},
 * {@code (ENS)}), and whether the rest is metadata (a reading time, a byline, a comment count, a site's address, an
 * update, short segments after a separator) rather than a title. {@link AnchorFinder} asks it for every date line.
 */
final class DateLineRest {

    /** What may follow a time of day: a half of the day, "Uhr", "horas", a time zone. */
    private static final String[] TIME_SUFFIXES = {"a.m.", "p.m.", "am", "pm", "uhr", "hrs", "hs", "horas", "heures",
        "ore", "h", "cet", "cest", "gmt", "utc", "bst", "est", "edt", "cst", "cdt", "pst", "pdt", "mez", "mesz", "ist",
        "et", "ct", "pt"};

    /** Words between a date and its time of day: "à 10h30", "um 10:42 Uhr", "at 3:15 pm", "alle 10:30", "às 10h". */
    private static final String[] TIME_LEAD_INS = {"à", "a las", "a", "um", "at", "alle", "às", "as", "om", "kl.",
        "kl:", "klo"};

    /** Longest wire tag in brackets after a dateline's date, brackets included ("(ENS)", "(Reuters)"). */
    private static final int MAX_BRACKETED_WIRE_TAG = 12;

    /** Longest byline after a date and a comma: a name and a section, never a sentence. */
    private static final int MAX_BYLINE_REST = 80;

    /** Labels of dates that are not the item's publication date: such a line never starts an item. */
    static final Set<String> DECOY_LABELS = Set.of(
            "deadline", "closing", "updated", "update", "modified", "issue", "ausgabe", "numéro", "edición",
            "aktualisiert", "geändert", "actualizado",
            "actualizada", "atualizado", "atualizada", "aggiornato", "aggiornamento", "bijgewerkt", "expires",
            "expiry", "valid", "until", "bis", "jusqu", "hasta", "event", "einsendeschluss", "frist", "mise", "modifié",
            "actualisé", "oppdatert", "uppdaterad", "opdateret");

    /** What follows a date in metadata: a reading time, a wire tag, an author's name and a comment count. */
    private static final Pattern META_REST = Pattern.compile(
            "(?iu)(?:~\\s*\\d+\\s*min\\.?.*|\\d+\\s*min(?:ute)?s?\\.?(?: read)?|lesedauer.*"
                    + "|/[\\p{L} ]{2,20}/.*|[\\p{Lu}][\\p{L}.'-]+(?: [\\p{Lu}][\\p{L}.'-]+)? \\d{1,4}"
                    + "|(?:by|por|par|von|door|di) [\\p{Lu}].{0,80}"
                    + "|\\d+ (?:reads|views|comments|kommentare|commentaires|comentarios|commenti))");

    /** What separates the segments of a metadata row after its date ("| 4 min read", "• Crime"). */
    private static final String SEGMENT_SEPARATORS = "[|•·]";

    /**
     * The same with commas, for the post's tags after a byline prefix ("by Ann Lee | Mar 14, 2024 | Colombia, Human
     * Smuggling, News | 2 Comments"), where a headline cannot stand; a date at the head of a line may be followed by
     * a headline with commas.
     */
    static final String TAG_SEPARATORS = "[|•·,]";

    /** Most words of a metadata row's authors written in capitals ("ANNA KELLER AND TOM ADEYEMI"). */
    private static final int MAX_CAPITAL_NAMES_WORDS = 8;

    /** Most words of a labelled part of a metadata row, its label included. */
    private static final int MAX_LABELLED_SEGMENT_WORDS = 6;

    /**
     * Whether the text after a date (and its time) is metadata: nothing, a decoy-labelled second date, a reading
     * time, a wire tag, a byline, an author and a comment count, or short segments after a separator.
     */
    static boolean isMetaRest(String text, int dateEnd) {
        String rest = restAfterDate(text, dateEnd);
        if (rest.isEmpty()) {
            return false; // a date alone is DATE_ONLY
        }
        if (rest.length() > 120) {
            return false;
        }
        if (META_REST.matcher(rest).matches() || isBylineAfterComma(rest)) {
            return true;
        }
        String firstWord = firstWord(rest).toLowerCase(Locale.ROOT);
        if (DECOY_LABELS.contains(firstWord)) { // "17. Juli 2019, 19:34 Uhr aktualisiert am 18. Juli 2019"
            return true; // also after a separator: "14/05/2019 17h58 | Actualisé 14/05/2019 17h58"
        }
        return isMetaSegments(rest) || isSiteAddress(rest);
    }

    /** A byline after a comma, its author's name left empty by the site too: "09 Mar 2016, by in International". */
    private static boolean isBylineAfterComma(String rest) {
        if (!rest.startsWith(",") || rest.length() > MAX_BYLINE_REST) {
            return false;
        }
        String word = firstWord(rest).toLowerCase(Locale.ROOT);
        return LineKinds.BYLINE_WORDS.contains(word) && rest.substring(1).strip().startsWith(firstWord(rest));
    }

    /** The first word of a text, after any separators or punctuation before it. */
    private static String firstWord(String text) {
        int start = 0;
        while (start < text.length() && !Character.isLetter(text.charAt(start))) {
            start++;
        }
        int end = start;
        while (end < text.length() && Character.isLetter(text.charAt(end))) {
            end++;
        }
        return text.substring(start, end);
    }

    /**
     * Whether the rest after a date is the site's address alone ("10-09-2024 - 18:15 - LArdennais.fr"), after a
     * separator: the source, not a title.
     */
    private static boolean isSiteAddress(String rest) {
        int start = 0;
        while (start < rest.length() && !Character.isLetterOrDigit(rest.charAt(start))) {
            start++;
        }
        String word = rest.substring(start);
        int dot = word.lastIndexOf('.');
        if (start == 0 || word.indexOf(' ') >= 0 || dot <= 0 || word.length() - dot - 1 < 2
                || word.length() - dot - 1 > 4) {
            return false;
        }
        for (int i = dot + 1; i < word.length(); i++) {
            if (!Character.isLowerCase(word.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** The text after a date and its time of day, stripped. */
    static String restAfterDate(String text, int dateEnd) {
        int i = skipTime(text, skipSpaces(text, dateEnd));
        return text.substring(Math.min(i, text.length())).strip();
    }

    /** Whether the rest after a date is only short metadata segments ("| 4 min read", "| Category: Parking"). */
    static boolean isMetaSegments(String rest) {
        return isMetaSegments(rest, SEGMENT_SEPARATORS);
    }

    /** {@link #isMetaSegments(String)} with the segments cut at {@code separators} (a character class). */
    static boolean isMetaSegments(String rest, String separators) {
        if (rest.isEmpty()) {
            return false;
        }
        char first = rest.charAt(0);
        if (first != '|' && first != '•' && first != '·') {
            return false;
        }
        for (String segment : rest.substring(1).split(separators)) {
            if (!isMetaSegment(segment.strip())) {
                return false;
            }
        }
        return true;
    }

    /**
     * One part of a metadata row: a few words ("4 min read", "Crime", "Ann Lee"), or a label and its short value
     * ("Category: Bins and recycling", "Kategorie: Verkehr"), never a sentence.
     */
    private static boolean isMetaSegment(String segment) {
        if (segment.endsWith(".")) {
            return false;
        }
        int words = LineKinds.wordCount(segment);
        int colon = segment.indexOf(':');
        boolean labelled = colon > 0 && colon < segment.length() - 1 && segment.substring(0, colon).indexOf(' ') < 0;
        boolean capitalNames = words <= MAX_CAPITAL_NAMES_WORDS && segment.equals(segment.toUpperCase(Locale.ROOT))
                && segment.chars().noneMatch(Character::isDigit); // "ANNA KELLER AND TOM ADEYEMI"
        return words <= 3 || (labelled && words <= MAX_LABELLED_SEGMENT_WORDS) || capitalNames
                || words <= MAX_LABELLED_SEGMENT_WORDS && hasNumericDate(segment); // "Distributed by X on 01/16/2026"
    }

    /** Whether a text holds a numeric date with its year, day and month first ("01/16/2026", "16.01.2026"). */
    private static boolean hasNumericDate(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (DateGrammar.isDigit(text.charAt(i)) && (i == 0 || !DateGrammar.isDigit(text.charAt(i - 1)))) {
                int j = numberEnd(text, i, 2);
                int k = j > i && j < text.length() && isDateMark(text.charAt(j)) ? numberEnd(text, j + 1, 2) : -1;
                if (k > j + 1 && k < text.length() && text.charAt(k) == text.charAt(j)
                        && numberEnd(text, k + 1, 4) == k + 5) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The end of a run of one to {@code most} digits at {@code from}, or {@code from} when there is none. */
    private static int numberEnd(String text, int from, int most) {
        int end = from;
        while (end < text.length() && end - from < most && DateGrammar.isDigit(text.charAt(end))) {
            end++;
        }
        return end < text.length() && DateGrammar.isDigit(text.charAt(end)) ? from : end;
    }

    private static boolean isDateMark(char ch) {
        return ch == '/' || ch == '.' || ch == '-';
    }

    /**
     * The rest after a date is a byline after a dash, in a metadata row whose date is not at the head ("Sucesos –
     * 14/01/2022 – Redacción", "Crime – 12/01/2022 – Jane Roe"): one to three words, none of them a sentence. A date
     * at the head of its line followed by a dash and words is a one-line item ("12 March 2021 – Minister visits") and
     * never comes here.
     */
    static boolean isBylineAfterDash(String rest) {
        if (rest.isEmpty() || !DateGrammar.isDash(rest.charAt(0))) {
            return false;
        }
        String byline = rest.substring(1).strip();
        return !byline.isEmpty() && LineKinds.wordCount(byline) <= 3 && !byline.endsWith(".")
                && Character.isUpperCase(byline.charAt(0));
    }

    /** Skips a wire service tag after a dateline's date ("/CNW/", "/PRNewswire/", "(ENS)"); else unchanged. */
    static int skipWireTag(String text, int from) {
        if (from >= text.length() || text.charAt(from) != '/' && text.charAt(from) != '(') {
            return from;
        }
        boolean bracketed = text.charAt(from) == '(';
        int close = text.indexOf(bracketed ? ')' : '/', from + 1);
        if (close < 0 || close - from > (bracketed ? MAX_BRACKETED_WIRE_TAG : 30) || close == from + 1) {
            return from;
        }
        for (int k = from + 1; k < close; k++) {
            if (!Character.isLetter(text.charAt(k)) && text.charAt(k) != ' ' && text.charAt(k) != '-') {
                return from;
            }
        }
        return skipSpaces(text, close + 1);
    }

    /** Skips a time of day after a date ("30 July 2023, 10:00", "30 July 2023 2.30 pm CET"); else unchanged. */
    static int skipTime(String text, int from) {
        int i = from < text.length() && (text.charAt(from) == ',' || text.charAt(from) == '-'
                || text.charAt(from) == '|' || text.charAt(from) == '@' || text.charAt(from) == '·')
                ? skipSpaces(text, from + 1) : from;
        for (String word : TIME_LEAD_INS) { // "3 mai 2021 à 10h30", "12. März 2022 um 10:42 Uhr"
            if (text.regionMatches(true, i, word, 0, word.length()) && i + word.length() < text.length()
                    && text.charAt(i + word.length()) == ' ') {
                i = skipSpaces(text, i + word.length());
                break;
            }
        }
        boolean isoTime = i == from && i > 0 && i + 1 < text.length() && text.charAt(i) == 'T'
                && DateGrammar.isDigit(text.charAt(i - 1)) && DateGrammar.isDigit(text.charAt(i + 1));
        if (isoTime) { // an ISO timestamp's time: "2020-01-06T17:47:26Z"
            i++;
        }
        int digits = 0;
        while (i + digits < text.length() && DateGrammar.isDigit(text.charAt(i + digits))) {
            digits++;
        }
        int colon = i + digits;
        if (digits >= 1 && digits <= 2 && colon < text.length() && text.charAt(colon) == 'h'
                && (colon + 1 == text.length() || !Character.isLetter(text.charAt(colon + 1)))) {
            // the French and Italian hour: "10h42", "17h", "17h:58"
            int j = colon + 1;
            if (j + 2 < text.length() && text.charAt(j) == ':' && DateGrammar.isDigit(text.charAt(j + 1))) {
                j++;
            }
            if (j + 1 < text.length() && DateGrammar.isDigit(text.charAt(j))
                    && DateGrammar.isDigit(text.charAt(j + 1))) {
                j += 2;
            }
            return skipTimeSuffixes(text, skipSpaces(text, j));
        }
        boolean time = digits >= 1 && digits <= 2 && colon + 2 < text.length()
                && (text.charAt(colon) == ':' || text.charAt(colon) == '.')
                && DateGrammar.isDigit(text.charAt(colon + 1)) && DateGrammar.isDigit(text.charAt(colon + 2));
        if (!time) {
            return from;
        }
        int j = colon + 3;
        if (j + 2 < text.length() && text.charAt(j) == ':' && DateGrammar.isDigit(text.charAt(j + 1))
                && DateGrammar.isDigit(text.charAt(j + 2))) {
            j += 3; // seconds
        }
        return skipTimeSuffixes(text, skipSpaces(text, isoTime ? skipIsoZone(text, j) : j));
    }

    /** Skips an ISO time's fraction of a second and its zone ("Z", "+00:00", "-0500"); else unchanged. */
    private static int skipIsoZone(String text, int from) {
        int j = from;
        if (j + 1 < text.length() && text.charAt(j) == '.' && DateGrammar.isDigit(text.charAt(j + 1))) {
            j++;
            while (j < text.length() && DateGrammar.isDigit(text.charAt(j))) {
                j++;
            }
        }
        if (j < text.length() && text.charAt(j) == 'Z') {
            return j + 1;
        }
        if (j + 3 <= text.length() && (text.charAt(j) == '+' || text.charAt(j) == '-')
                && DateGrammar.isDigit(text.charAt(j + 1)) && DateGrammar.isDigit(text.charAt(j + 2))) {
            j += 3;
            if (j < text.length() && text.charAt(j) == ':') {
                j++;
            }
            while (j < text.length() && DateGrammar.isDigit(text.charAt(j))) {
                j++;
            }
        }
        return j;
    }

    /** Skips what may follow a time of day: "pm", "Uhr", a time zone ("CET"); else unchanged. */
    private static int skipTimeSuffixes(String text, int from) {
        int j = from;
        for (String suffix : TIME_SUFFIXES) {
            if (text.regionMatches(true, j, suffix, 0, suffix.length())
                    && (j + suffix.length() == text.length() || !Character.isLetter(text.charAt(j + suffix.length())))) {
                j = skipSpaces(text, j + suffix.length());
            }
        }
        return j;
    }

    static int skipSpaces(String text, int from) {
        int i = from;
        while (i < text.length() && text.charAt(i) == ' ') {
            i++;
        }
        return i;
    }

    private DateLineRest() {
    }
}
