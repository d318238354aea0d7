package org.syndication.ingest.parse;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Decides whether one line starts a news item: a date at the head of the line followed by nothing or by a separator
 * and text, or a dateline (a short place name, then a date). A date anywhere else in a line is running text.
 */
final class AnchorFinder {

    /** How far into a line a dateline's date may start: past a place name, a date is running text. */
    private static final int MAX_PLACE_LENGTH = 50;

    /** The longest date text worth scanning ("Wednesday, 30 December 2019 - Saturday, 2 January 2020"). */
    private static final int MAX_DATE_LENGTH = 80;

    private static final String[] TIME_SUFFIXES = {"a.m.", "p.m.", "am", "pm", "h", "cet", "cest", "gmt", "utc"};

    /** A line with a trailing date longer than this is a paragraph that happens to end with a date. */
    private static final int MAX_TRAILING_TITLE_LINE = 250;

    /** Capitalised words that open sentences, never place names. */
    private static final Set<String> NOT_PLACES = Set.of(
            "on", "in", "at", "from", "since", "by", "until", "between", "during", "before", "after", "the", "this",
            "that", "today", "as", "of", "for", "and", "last", "next", "every", "each", "around", "also",
            "meanwhile", "thus", "we", "it", "he", "she", "they", "a", "an", "to", "with", "through", "till", "held",
            "launched", "signed", "adopted", "issued", "dated", "updated", "up", "over", "under", "about", "within",
            "throughout", "starting", "beginning", "ending", "effective", "deadline");

    /** Labels that introduce a date in page metadata ("Published: 3 March 2019"): a dateline without a place. */
    private static final Set<String> DATE_LABELS = Set.of(
            "published", "published on", "posted", "posted on", "date", "dated", "last updated", "updated",
            "released", "release date", "issued", "news", "press release");

    /** Lower-case words allowed inside a place name ("Port of Spain", "Dar es Salaam"). */
    private static final Set<String> PLACE_CONNECTORS = Set.of(
            "of", "de", "du", "des", "la", "le", "les", "es", "el", "al", "and", "upon", "am", "an", "der", "da",
            "do", "dos", "di", "en", "sur", "on", "the");

    private final DateGrammar grammar;

    AnchorFinder(DateGrammar grammar) {
        this.grammar = grammar;
    }

    /** The anchor this line is, if any. */
    Optional<ItemAnchor> find(int index, String text) {
        if (!hasDigit(text, Math.min(text.length(), MAX_PLACE_LENGTH + MAX_DATE_LENGTH))) {
            return trailingDate(index, text); // every date has a year: most lines are ruled out without parsing
        }
        int start = skipBullet(text);
        Optional<DateMatch> head = grammar.parseAt(text, start, Math.min(text.length(), start + MAX_DATE_LENGTH));
        if (head.isPresent()) {
            return afterDate(text, head.get().endIndex())
                    .map(rest -> new ItemAnchor(index, rest.isEmpty() ? ItemAnchor.Kind.DATE_ONLY : ItemAnchor.Kind.HEADED,
                            head.get().date(), rest.isEmpty() ? null : rest, null));
        }
        Optional<ItemAnchor> dateline = dateline(index, text);
        return dateline.isPresent() ? dateline : trailingDate(index, text);
    }

    private Optional<ItemAnchor> dateline(int index, String text) {
        if (text.isEmpty() || !Character.isLetter(text.charAt(0)) || !Character.isUpperCase(text.charAt(0))) {
            return Optional.empty();
        }
        int limit = Math.min(text.length(), MAX_PLACE_LENGTH);
        for (int i = 2; i < limit; i++) {
            char prev = text.charAt(i - 1);
            char ch = text.charAt(i);
            boolean tokenStart = prev == ' ' || prev == ',' || prev == '(';
            if (!tokenStart || !(Character.isDigit(ch) || Character.isUpperCase(ch))) {
                continue;
            }
            Optional<DateMatch> match = grammar.parseAt(text, i, Math.min(text.length(), i + MAX_DATE_LENGTH));
            if (match.isEmpty()) {
                continue;
            }
            Optional<String> place = place(text.substring(0, i));
            if (place.isEmpty()) {
                return Optional.empty();
            }
            String placeName = place.get().isEmpty() ? null : place.get();
            return afterDate(text, match.get().endIndex())
                    .map(rest -> new ItemAnchor(index, ItemAnchor.Kind.DATELINE, match.get().date(),
                            rest.isEmpty() ? null : rest, placeName));
        }
        return Optional.empty();
    }

    /**
     * What follows a heading date: empty when nothing does, the text after a separator ({@code : - – | .}) or after
     * spaces when it starts like a title (a capital letter or a quote), or nothing at all when the date runs into
     * ordinary text (then the line is not an anchor).
     */
    private static Optional<String> afterDate(String text, int end) {
        int i = skipTime(text, skipSpaces(text, end));
        if (i >= text.length()) {
            return Optional.of("");
        }
        char ch = text.charAt(i);
        boolean fullStop = ch == '.' && i + 1 < text.length() && text.charAt(i + 1) == ' ';
        if (ch == ':' || ch == '|' || DateGrammar.isDash(ch) || fullStop) {
            while (i < text.length() && isSeparator(text.charAt(i))) {
                i++;
            }
            return Optional.of(text.substring(skipSpaces(text, i)).strip());
        }
        boolean spaced = i > end;
        if (spaced && (Character.isUpperCase(ch) || ch == '"' || ch == '“' || ch == '‘')) {
            return Optional.of(text.substring(i).strip());
        }
        return Optional.empty();
    }

    /** Skips a time of day after a date ("30 July 2023, 10:00", "30 July 2023 2.30 pm CET"); else unchanged. */
    private static int skipTime(String text, int from) {
        int i = from < text.length() && text.charAt(from) == ',' ? skipSpaces(text, from + 1) : from;
        int digits = 0;
        while (i + digits < text.length() && DateGrammar.isDigit(text.charAt(i + digits))) {
            digits++;
        }
        int colon = i + digits;
        boolean time = digits >= 1 && digits <= 2 && colon + 2 < text.length()
                && (text.charAt(colon) == ':' || text.charAt(colon) == '.')
                && DateGrammar.isDigit(text.charAt(colon + 1)) && DateGrammar.isDigit(text.charAt(colon + 2));
        if (!time) {
            return from;
        }
        int j = skipSpaces(text, colon + 3);
        for (String suffix : TIME_SUFFIXES) {
            if (text.regionMatches(true, j, suffix, 0, suffix.length())
                    && (j + suffix.length() == text.length() || !Character.isLetter(text.charAt(j + suffix.length())))) {
                j = skipSpaces(text, j + suffix.length());
            }
        }
        return j;
    }

    private static boolean isSeparator(char ch) {
        return ch == ':' || ch == '|' || ch == '.' || DateGrammar.isDash(ch);
    }

    /**
     * A title followed by its date at the end of the line ({@code Title (22 November 2022)},
     * {@code Title - 22.11.2022}); only short lines that do not end a sentence qualify.
     */
    private Optional<ItemAnchor> trailingDate(int index, String text) {
        int length = text.length();
        if (length > MAX_TRAILING_TITLE_LINE || length < 8) {
            return Optional.empty();
        }
        boolean parenthesised = text.charAt(length - 1) == ')';
        int dateEnd = parenthesised ? length - 1 : length;
        if (!DateGrammar.isDigit(text.charAt(dateEnd - 1))) {
            return Optional.empty();
        }
        int from = Math.max(1, dateEnd - MAX_DATE_LENGTH);
        for (int i = from; i < dateEnd; i++) {
            char prev = text.charAt(i - 1);
            boolean afterSeparator = parenthesised ? prev == '(' : prev == ' ' && i >= 3 && isSeparator(text.charAt(i - 2));
            if (!afterSeparator) {
                continue;
            }
            Optional<DateMatch> match = grammar.parseAt(text, i, dateEnd);
            if (match.isPresent() && match.get().endIndex() == dateEnd) {
                String title = text.substring(0, parenthesised ? i - 1 : i - 2).strip();
                while (!title.isEmpty() && isSeparator(title.charAt(title.length() - 1))) {
                    title = title.substring(0, title.length() - 1).strip();
                }
                if (title.length() < 3 || title.endsWith(".")) {
                    return Optional.empty();
                }
                return Optional.of(new ItemAnchor(index, ItemAnchor.Kind.TRAILING, match.get().date(), title, null));
            }
        }
        return Optional.empty();
    }

    /**
     * The place named by a dateline prefix ("Vienna, Austria "), "" for a date label ("Published: "), or empty when
     * the prefix is not a place.
     */
    static Optional<String> place(String prefix) {
        String trimmed = trimEnd(prefix);
        String lower = trimmed.toLowerCase(Locale.ROOT);
        if (DATE_LABELS.contains(lower)) {
            return Optional.of("");
        }
        String[] words = trimmed.split("[ ,]+");
        if (trimmed.isEmpty() || words.length > 6 || NOT_PLACES.contains(words[0].toLowerCase(Locale.ROOT))) {
            return Optional.empty();
        }
        for (int w = 0; w < words.length; w++) {
            String word = words[w].replace("(", "").replace(")", "");
            if (word.isEmpty() || !isPlaceWord(word)) {
                return Optional.empty();
            }
            boolean capitalised = Character.isUpperCase(word.charAt(0));
            boolean connector = PLACE_CONNECTORS.contains(word);
            if (!capitalised && (!connector || w == 0 || w == words.length - 1)) {
                return Optional.empty();
            }
        }
        return Optional.of(trimmed.replaceAll("[()]", "").strip());
    }

    private static boolean isPlaceWord(String word) {
        for (int i = 0; i < word.length(); i++) {
            char ch = word.charAt(i);
            if (!Character.isLetter(ch) && ch != '.' && ch != '-' && ch != '\'' && ch != '’') {
                return false;
            }
        }
        return true;
    }

    private static String trimEnd(String prefix) {
        int end = prefix.length();
        while (end > 0 && " ,:(-–—".indexOf(prefix.charAt(end - 1)) >= 0) {
            end--;
        }
        return prefix.substring(0, end);
    }

    private static boolean hasDigit(String text, int limit) {
        for (int i = 0; i < limit; i++) {
            if (DateGrammar.isDigit(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static int skipBullet(String text) {
        int i = 0;
        while (i < text.length() && "•·*▪►‣◦".indexOf(text.charAt(i)) >= 0) {
            i++;
        }
        return skipSpaces(text, i);
    }

    private static int skipSpaces(String text, int from) {
        int i = from;
        while (i < text.length() && text.charAt(i) == ' ') {
            i++;
        }
        return i;
    }
}
