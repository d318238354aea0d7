package org.syndication.ingest.parse;

import static org.syndication.ingest.parse.DateLineRest.DECOY_LABELS;
import static org.syndication.ingest.parse.DateLineRest.TAG_SEPARATORS;
import static org.syndication.ingest.parse.DateLineRest.isBylineAfterDash;
import static org.syndication.ingest.parse.DateLineRest.isMetaRest;
import static org.syndication.ingest.parse.DateLineRest.isMetaSegments;
import static org.syndication.ingest.parse.DateLineRest.restAfterDate;
import static org.syndication.ingest.parse.DateLineRest.skipSpaces;
import static org.syndication.ingest.parse.DateLineRest.skipTime;
import static org.syndication.ingest.parse.DateLineRest.skipWireTag;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Decides whether one line starts a news item: a date at the head of the line followed by nothing or by a separator
 * and text, or a dateline (a short place name, then a date). A date anywhere else in a line is running text. What
 * follows a date (its time, a wire tag, metadata) is {@link DateLineRest}'s to judge.
 */
final class AnchorFinder {

    /** How far into a line a dateline's date may start: past a place name, a date is running text. */
    private static final int MAX_PLACE_LENGTH = 50;

    /** The longest date text worth scanning ("Wednesday, 30 December 2019 - Saturday, 2 January 2020"). */
    private static final int MAX_DATE_LENGTH = 80;

    /** Longest name of the outlet before a digest entry's title ("Blue Mountain Eagle (MN): ..."). */
    private static final int MAX_OUTLET = 40;

    /** Words between a dateline's place and its date ("Wien, am 17. November 2016", "Paris, le 3 mai 2021"). */
    private static final Set<String> PLACE_DATE_INTROS = Set.of("am", "le", "el", "den", "il", "on");

    /** Fewest words of the sentence a dateline with a colon after its place opens. */
    private static final int MIN_DATELINE_SENTENCE_WORDS = 8;

    /** Fewest characters of a summary after a byline and its date on one line. */
    private static final int MIN_BYLINE_SUMMARY = 40;

    /** A metadata line is short: a date in a longer line is running text. */
    private static final int MAX_META_LINE = 200;

    /** Words that end a label before a date: "Posted on", "Publicado em", "Publié le", "By Ann on". */
    private static final Set<String> DATE_INTRO_WORDS = Set.of(
            "on", "am", "em", "le", "el", "il", "op", "den", "vom", "du", "dated", "posted", "published", "publié",
            "publiée", "publicado", "publicada", "pubblicato", "veröffentlicht", "erstellt", "date", "datum", "fecha",
            "data", "released", "issued", "publication", "publikacji", "publicação", "publicación", "pubblicazione",
            "publicatie", "veröffentlichung", "publicerad", "publiceret", "publisert", "opublikowano", "publicat",
            "zveřejněno");

    /** Words that open a label or byline before a date. */
    private static final Set<String> LABEL_OPENERS = Set.of(
            "by", "posted", "published", "publié", "publiée", "publicado", "publicada", "pubblicato", "veröffentlicht",
            "erstellt", "von", "por", "par", "door", "date", "datum", "fecha", "data", "release", "publishing",
            "publication", "released", "issued", "written", "geschrieben", "écrit", "escrito", "scritto", "publicerad",
            "publiceret", "publisert", "opublikowano", "publicat", "zveřejněno", "submitted");

    /** A summary ending with its item's date has at least this many characters: one sentence of some length. */
    private static final int MIN_DATED_SUMMARY = 80;

    /** A line with a trailing date longer than this is a paragraph that happens to end with a date. */
    private static final int MAX_TRAILING_TITLE_LINE = 250;

    /** Capitalised words that open sentences, never place names. */
    private static final Set<String> NOT_PLACES = Set.of(
            "on", "in", "at", "from", "since", "by", "until", "between", "during", "before", "after", "the", "this",
            "that", "today", "as", "of", "for", "and", "last", "next", "every", "each", "around", "also",
            "meanwhile", "thus", "we", "it", "he", "she", "they", "a", "an", "to", "with", "through", "till", "held",
            "launched", "signed", "adopted", "issued", "dated", "updated", "up", "over", "under", "about", "within",
            "throughout", "starting", "beginning", "ending", "effective", "deadline");

    /** Labels of an update date next to the publication date ("Updated: May 12, 2022"), lower case. */
    private static final List<String> UPDATE_LABELS = List.of(
            "last updated", "updated", "last modified", "modified", "mis à jour", "modifié le", "aktualisiert",
            "geändert", "actualizado", "actualizada", "última modificação", "última atualização", "atualizado",
            "atualizada", "aggiornato", "bijgewerkt", "uppdaterad", "oppdatert", "opdateret", "zaktualizowano",
            "actualizat");

    /** Words between an update label and its date. */
    private static final List<String> UPDATE_DATE_INTROS = List.of("on", "am", "le", "el", "em", "il", "op", "at");

    /** Labels of a publication date, which a line with an update date may also hold. */
    private static final List<String> PUBLICATION_LABELS = List.of(
            "published", "posted", "publié", "publiée", "veröffentlicht", "publicado", "publicada", "pubblicato",
            "gepubliceerd", "publicerad", "publiceret", "publisert");

    /** An update label stands right before its date: past this, the date belongs to a sentence. */
    private static final int MAX_UPDATE_PREFIX = 40;

    /** Labels of a site header's date of today, lower case. */
    private static final List<String> TODAY_LABELS = List.of(
            "today", "heute", "aujourd'hui", "aujourd’hui", "hoy", "oggi", "hoje", "vandaag", "idag", "dziś");

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
        return find(index, text, grammar);
    }

    /** The anchor this line is, if any, read with the page's own date grammar. */
    Optional<ItemAnchor> find(int index, String line, DateGrammar pageGrammar) {
        if (!hasDigit(line, Math.min(line.length(), MAX_META_LINE))) {
            return trailingDate(index, line, pageGrammar); // every date has a year: most lines are ruled out
        }
        if (isTodayLine(line)) {
            return Optional.empty();
        }
        Optional<ItemAnchor> ends = endsLine(index, line, pageGrammar);
        if (ends.isPresent()) {
            return ends;
        }
        String text = withoutUpdateDate(line, pageGrammar);
        int start = skipBullet(text);
        boolean bracketed = start < text.length() && text.charAt(start) == '('; // "- (March 14, 2024) A leader ..."
        int from = bracketed ? start + 1 : start;
        Optional<DateMatch> head = pageGrammar.parseAt(text, from, Math.min(text.length(), from + MAX_DATE_LENGTH))
                .filter(match -> !bracketed || match.endIndex() < text.length() && text.charAt(match.endIndex()) == ')');
        if (head.isPresent()) {
            int end = head.get().endIndex() + (bracketed ? 1 : 0);
            if (isMetaRest(text, end)) {
                return Optional.of(new ItemAnchor(index, ItemAnchor.Kind.META, head.get().date(), null, null));
            }
            Optional<ItemAnchor> headed = afterDate(text, end)
                    .map(rest -> new ItemAnchor(index, rest.isEmpty() ? ItemAnchor.Kind.DATE_ONLY : ItemAnchor.Kind.HEADED,
                            head.get().date(), rest.isEmpty() ? null : rest, null));
            if (headed.isPresent()) {
                return headed;
            }
        }
        Optional<ItemAnchor> dateline = dateline(index, text, pageGrammar);
        if (dateline.isPresent()) {
            return dateline;
        }
        Optional<ItemAnchor> byline = bylineThenSummary(index, text, pageGrammar);
        if (byline.isPresent()) {
            return byline;
        }
        Optional<ItemAnchor> meta = metaLine(index, text, pageGrammar);
        if (meta.isPresent()) {
            return meta;
        }
        Optional<ItemAnchor> stamped = titleStampedMidLine(index, text, pageGrammar);
        return stamped.isPresent() ? stamped : trailingDate(index, text, pageGrammar);
    }

    /**
     * A metadata line with a publication date and an update date ("Published: May 10, 2022 | Updated: May 12, 2022",
     * "Updated: May 5, 2022   Published: May 4, 2022", "17. Juli 2019 aktualisiert am 18. Juli 2019") without the
     * update: its label, its date and its time. The item's date is when it was published. A line whose only date is
     * an update stays as it is (some pages show only that), and so does every longer line.
     */
    String withoutUpdateDate(String text, DateGrammar pageGrammar) {
        if (text.length() > MAX_META_LINE) {
            return text;
        }
        String lower = text.toLowerCase(Locale.ROOT); // to rule labels out quickly; positions come from the text
        for (String label : UPDATE_LABELS) {
            if (!lower.contains(label)) {
                continue;
            }
            int at = labelAt(text, label);
            if (at < 0) {
                continue;
            }
            int from = at + label.length();
            while (from < text.length() && !Character.isLetterOrDigit(text.charAt(from))) {
                from++;
            }
            for (String word : UPDATE_DATE_INTROS) { // "updated on", "aktualisiert am", "mis à jour le"
                if (text.regionMatches(true, from, word + " ", 0, word.length() + 1)) {
                    from = skipSpaces(text, from + word.length());
                    break;
                }
            }
            Optional<DateMatch> update =
                    pageGrammar.parseAt(text, from, Math.min(text.length(), from + MAX_DATE_LENGTH));
            if (update.isEmpty()) {
                continue;
            }
            int end = skipTime(text, skipSpaces(text, update.get().endIndex()));
            String rest = (text.substring(0, at) + " " + text.substring(Math.min(end, text.length()))).strip();
            if (hasDate(rest, pageGrammar)) {
                return rest;
            }
        }
        return text;
    }

    /**
     * Whether a line's first date is labelled as an update ("Updated September 5, 2019", "Page last reviewed/updated:
     * 05/11/2022", "Aktualisiert am 3. Mai 2021"), not as a publication.
     */
    static boolean isUpdateLabelled(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        if (PUBLICATION_LABELS.stream().anyMatch(lower::contains)) {
            return false; // "Updated: May 5, 2022   Published: May 4, 2022" gives its publication date
        }
        if (UPDATE_LABELS.stream().noneMatch(lower::contains)) {
            return false;
        }
        int end = 0;
        while (end < Math.min(text.length(), MAX_UPDATE_PREFIX) && !Character.isDigit(text.charAt(end))) {
            end++;
        }
        String prefix = text.substring(0, end);
        for (String label : UPDATE_LABELS) {
            int at = labelAt(prefix, label);
            if (at >= 0) {
                // a label before its date ("Page last reviewed/updated:"), then at most an intro word and a month
                // ("Updated on September 5, 2019"); "updated its guidance on 3 May" is a sentence
                String[] before = prefix.substring(0, at).strip().split("[^\\p{L}]+");
                String[] between = prefix.substring(at + label.length()).strip().split("[^\\p{L}]+");
                int words = between.length == 1 && between[0].isEmpty() ? 0 : between.length;
                boolean introduced = words == 2 && UPDATE_DATE_INTROS.contains(between[0].toLowerCase(Locale.ROOT));
                return before.length <= 3 && (words <= 1 || introduced);
            }
        }
        return false;
    }

    /**
     * Where a label stands in a text, case aside: its first occurrence when a word starts there, else -1. Matched in
     * place: a lower-cased copy may not keep the text's indices ("İ" lower-cases to two chars).
     */
    private static int labelAt(String text, String label) {
        int at = indexOfIgnoreCase(text, label);
        return at > 0 && Character.isLetter(text.charAt(at - 1)) ? -1 : at;
    }

    /** The first index of a lower-case word in a text, case aside, or -1. */
    private static int indexOfIgnoreCase(String text, String word) {
        for (int i = 0; i + word.length() <= text.length(); i++) {
            if (text.regionMatches(true, i, word, 0, word.length())) {
                return i;
            }
        }
        return -1;
    }

    /** Whether a date starts anywhere in the text. */
    private static boolean hasDate(String text, DateGrammar grammar) {
        for (int i = 0; i < text.length(); i++) {
            boolean tokenStart = i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1));
            if (tokenStart && Character.isLetterOrDigit(text.charAt(i)) && nearNumber(text, i)
                    && grammar.parseAt(text, i, Math.min(text.length(), i + MAX_DATE_LENGTH)).isPresent()) {
                return true;
            }
        }
        return false;
    }

    /**
     * A short line of metadata with the item's date after a label, a byline or a separator
     * ({@code Posted by Ann | Apr 2, 2020 | Crime | 0}, {@code Publicado em 30/07/2021 - 15:15 Por Ana},
     * {@code News » Crime 4 September, 2017}); a date after a decoy label ({@code Deadline:}, {@code updated})
     * is not an item's date.
     */
    private Optional<ItemAnchor> metaLine(int index, String text, DateGrammar pageGrammar) {
        if (text.length() > MAX_META_LINE) {
            return Optional.empty();
        }
        int limit = Math.min(text.length(), 120);
        for (int i = 1; i < limit; i++) {
            char prev = text.charAt(i - 1);
            char ch = text.charAt(i);
            boolean glued = Character.isLetter(prev) && DateGrammar.isDigit(ch); // "Crime4 September 2017"
            boolean tokenStart = !Character.isLetterOrDigit(prev) && prev != '.' && prev != '/' && prev != '-';
            if (!(tokenStart || glued) || !Character.isLetterOrDigit(ch) || !nearNumber(text, i)) {
                continue;
            }
            Optional<DateMatch> match = pageGrammar.parseAt(text, i, Math.min(text.length(), i + MAX_DATE_LENGTH));
            if (match.isEmpty()) {
                continue;
            }
            String prefix = text.substring(0, i);
            boolean kicker = glued && LineKinds.wordCount(prefix.strip()) <= 3; // "Crime4 September 2017"
            boolean metaPrefix = isMetaPrefix(prefix);
            String rest = restAfterDate(text, match.get().endIndex());
            if (!(kicker || metaPrefix) || !(isMetaRest(text, match.get().endIndex())
                    || isBylineAfterDash(rest) || (metaPrefix && isMetaSegments(rest, TAG_SEPARATORS))
                    || afterDate(text, match.get().endIndex()).map(String::isEmpty).orElse(false))) {
                return Optional.empty();
            }
            return Optional.of(new ItemAnchor(index, ItemAnchor.Kind.META, match.get().date(), null, null));
        }
        return Optional.empty();
    }

    /**
     * Whether a date could start here: at a number, or at one of the two words before one ("Dec 15th",
     * "jueves 16 de enero"): every date has a number, so most words of a line are never tried.
     */
    private static boolean nearNumber(String text, int from) {
        int words = 0;
        int end = Math.min(text.length(), from + 24);
        for (int k = from; k < end; k++) {
            char ch = text.charAt(k);
            if (DateGrammar.isDigit(ch)) {
                return true;
            }
            if (ch == ' ' && ++words > 2) {
                return false;
            }
        }
        return false;
    }

    /** Whether the text before a date is a label, byline or breadcrumb, not a sentence or a decoy label. */
    static boolean isMetaPrefix(String prefix) {
        String trimmed = withoutTrailingTime(prefix).strip();
        if (trimmed.length() > 90 || trimmed.endsWith(".")) {
            return false;
        }
        String lower = trimmed.toLowerCase(Locale.ROOT);
        String[] words = lower.split("[^\\p{L}\\p{N}]+");
        for (String word : words) {
            if (DECOY_LABELS.contains(word)) {
                return false;
            }
        }
        if (words.length == 0 || words.length > 12) {
            return words.length == 0 && !trimmed.isEmpty(); // "• 3 May 2021", "| 3 May 2021"
        }
        char last = trimmed.charAt(trimmed.length() - 1);
        boolean separated = ":|»›•·,/".indexOf(last) >= 0 || DateGrammar.isDash(last);
        boolean breadcrumb = (trimmed.indexOf('|') >= 0 || trimmed.indexOf('»') >= 0 || trimmed.indexOf('›') >= 0)
                && shortSegments(trimmed);
        if (separated && LineKinds.isAuthorList(trimmed.substring(0, trimmed.length() - 1))) {
            return true; // "Dr Sarah Okafor, James Whitlock and Marta Ruiz | 16 May 2024"
        }
        String first = words[0].isEmpty() && words.length > 1 ? words[1] : words[0];
        boolean labelled = LABEL_OPENERS.contains(first) || DATE_INTRO_WORDS.contains(first);
        String lastWord = words[words.length - 1];
        // "Posted by Ann Lee at November 17, 2013": "at" ends a label only after its opener
        boolean introduced = (DATE_INTRO_WORDS.contains(lastWord) || "at".equals(lastWord) && words.length >= 2)
                && labelled;
        return breadcrumb || introduced || (separated && (labelled || words.length <= 4));
    }

    /** Whether every part of a breadcrumb or metadata row is a few words ("Posted by Ann | Crime"), not a title. */
    private static boolean shortSegments(String text) {
        for (String segment : text.split("[|»›]")) {
            if (LineKinds.wordCount(segment.strip()) > 4) {
                return false;
            }
        }
        return true;
    }

    /** A place's text without the word that introduces its date ("Wien, am", "Paris, le"). */
    private static String withoutDateIntro(String prefix) {
        int space = prefix.lastIndexOf(' ');
        if (space > 0 && prefix.charAt(space - 1) == ','
                && PLACE_DATE_INTROS.contains(prefix.substring(space + 1).toLowerCase(Locale.ROOT))) {
            return prefix.substring(0, space).strip(); // after the place's comma only: "Publié le" is a label
        }
        return prefix;
    }

    /**
     * A label's text without the time of day at its end ("Published 4:29 pm" before "Thursday, January 24, 2019"),
     * the time read as after a date ({@link DateLineRest#skipTime}): its last word, or its last two with "pm" or
     * "Uhr".
     */
    private static String withoutTrailingTime(String prefix) {
        String trimmed = prefix.strip();
        int space = trimmed.lastIndexOf(' ');
        for (int tries = 0; space > 0 && tries < 2; tries++, space = trimmed.lastIndexOf(' ', space - 1)) {
            int start = space + 1;
            if (DateGrammar.isDigit(trimmed.charAt(start)) && skipTime(trimmed, start) == trimmed.length()) {
                return trimmed.substring(0, start);
            }
        }
        return prefix;
    }

    private Optional<ItemAnchor> dateline(int index, String text, DateGrammar pageGrammar) {
        int close = text.startsWith("(") ? text.indexOf(')') : -1;
        if (close > 1 && close < MAX_PLACE_LENGTH) { // "(St. John's, NL), December 7, 2022 – The ..."
            return dateline(index, text.substring(1, close) + text.substring(close + 1), pageGrammar);
        }
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
            Optional<DateMatch> match = pageGrammar.parseAt(text, i, Math.min(text.length(), i + MAX_DATE_LENGTH));
            if (match.isEmpty()) {
                continue;
            }
            if (prev == '(' && text.substring(match.get().endIndex()).strip().equals(")")
                    && LineKinds.wordCount(text.substring(0, i - 1).strip()) <= 2) {
                // "Medienmitteilungen (02.07.2014)": a type label of a word or two and its date, the title a
                // neighbour; a longer text before the brackets is the title ("Rapport annuel ... (27 octobre 2022)")
                return Optional.of(new ItemAnchor(index, ItemAnchor.Kind.META, match.get().date(), null, null));
            }
            String prefix = withoutDateIntro(text.substring(0, i).strip()); // "Wien, am 17. November 2016 – ..."
            boolean colonPlace = prefix.endsWith(":") && LineKinds.wordCount(
                    restAfterDate(text, match.get().endIndex())) >= MIN_DATELINE_SENTENCE_WORDS;
            Optional<String> place = prefix.endsWith(":") && !colonPlace && !DATE_LABELS.contains(
                    prefix.substring(0, prefix.length() - 1).strip().toLowerCase(Locale.ROOT))
                    ? Optional.empty() : place(prefix); // "Erstellt: 22.11.2022" is a label, not a place; but
            // "Pretoria: Wednesday, 16 November 2016: The police ..." opens a statement's first sentence
            if (place.isEmpty()) {
                return Optional.empty();
            }
            String placeName = place.get().isEmpty() ? null : place.get();
            int end = match.get().endIndex();
            String after = restAfterDate(text, end);
            if (isMetaSegments(after) || isBylineAfterDash(after) || (placeName == null && after.isEmpty())) {
                // "Published: 2022-03-18 | Category: Parking", "Sucesos – 14/01/2022 – Redacción": a metadata row;
                // "Published: 12 December 2023" alone: a labelled date, its title a neighbour as on a date line
                return Optional.of(new ItemAnchor(index, ItemAnchor.Kind.META, match.get().date(), null, null));
            }
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
        int i = skipWireTag(text, skipTime(text, skipSpaces(text, end)));
        if (i >= text.length()) {
            return Optional.of("");
        }
        if (!hasLetter(text, i)) {
            return Optional.of(""); // "2019-02-23 05:10 :00": only numbers and signs follow
        }
        char ch = text.charAt(i);
        if (i == end && Character.isUpperCase(ch) && Character.isLowerCase(text.charAt(Math.min(i + 1, text.length() - 1)))
                && DateGrammar.isDigit(text.charAt(end - 1))) {
            return Optional.of(text.substring(i).strip()); // "3 May 2021Minister opens ..." (glued title)
        }
        boolean fullStop = ch == '.' && i + 1 < text.length() && text.charAt(i + 1) == ' ';
        if (ch == ',' && i + 2 < text.length() && text.charAt(i + 1) == ' '
                && Character.isUpperCase(text.charAt(i + 2))) { // "10/17/19, NBC News: Title": a news digest
            String rest = text.substring(i + 2).strip();
            int colon = rest.indexOf(": ");
            if (colon > 0 && colon <= MAX_OUTLET && LineKinds.wordCount(rest.substring(0, colon)) <= 5) {
                return Optional.of(rest.substring(colon + 2).strip()); // the title without its outlet
            }
        }
        // "[21.09.2021] Title", "03/05/2023 / Title"
        boolean closing = ch == ']' || (ch == '/' && i > end && i + 1 < text.length() && text.charAt(i + 1) == ' ');
        if (ch == ':' || ch == '|' || DateGrammar.isDash(ch) || fullStop || closing) {
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

    private static boolean isSeparator(char ch) {
        return ch == ':' || ch == '|' || ch == '.' || ch == ']' || ch == '/' || DateGrammar.isDash(ch);
    }

    /**
     * A title followed by its date at the end of the line ({@code Title (22 November 2022)},
     * {@code Title - 22.11.2022}); only short lines that do not end a sentence qualify.
     */
    private Optional<ItemAnchor> trailingDate(int index, String text, DateGrammar pageGrammar) {
        int length = text.length();
        boolean bulleted = opensWithBullet(text); // "• Title December 17, 2018": a list of titles with their dates
        Optional<ItemAnchor> summary = bulleted ? Optional.empty() : summaryEndingWithDate(index, text, pageGrammar);
        if (summary.isPresent()) {
            return summary;
        }
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
            boolean afterSeparator = parenthesised ? prev == '(' : prev == ' ' && i >= 3 && (isSeparator(text.charAt(i - 2))
                    || bulleted || isNumericDate(text, i, dateEnd)); // "Minister visits the port 12.05.2021"
            if (!afterSeparator) {
                continue;
            }
            Optional<DateMatch> match = pageGrammar.parseAt(text, i, dateEnd);
            if (match.isPresent() && match.get().endIndex() == dateEnd) {
                String title = text.substring(bulleted ? skipBullet(text) : 0, i - 1).strip();
                while (!title.isEmpty() && isSeparator(title.charAt(title.length() - 1))) {
                    title = title.substring(0, title.length() - 1).strip();
                }
                if (title.length() < 3 || title.endsWith(".")) {
                    return Optional.empty();
                }
                if (text.charAt(i - 2) == ':' && isLabelledField(text, i - 2)) {
                    return Optional.of(new ItemAnchor(index, ItemAnchor.Kind.META, match.get().date(), null, null));
                }
                if (text.charAt(i - 2) == ':' && LineKinds.wordCount(title) <= 3) {
                    return Optional.empty(); // "Deadline Date: May 22, 2025": a label, read as metadata or not at all
                }
                return Optional.of(new ItemAnchor(index, ItemAnchor.Kind.TRAILING, match.get().date(), title, null));
            }
        }
        return Optional.empty();
    }

    /**
     * A summary of sentences with the item's date after its last full stop ("... transferred to Darwin for
     * processing. 18 January 2021"): the item's date line, its text the summary, its title the line above, as a
     * dateline's.
     */
    private Optional<ItemAnchor> summaryEndingWithDate(int index, String text, DateGrammar pageGrammar) {
        int length = text.length();
        if (length < MIN_DATED_SUMMARY || !DateGrammar.isDigit(text.charAt(length - 1))) {
            return Optional.empty();
        }
        for (int i = Math.max(2, length - MAX_DATE_LENGTH); i < length; i++) {
            char stop = text.charAt(i - 2);
            if (text.charAt(i - 1) != ' ' || (stop != '.' && stop != '!' && stop != '?')) {
                continue;
            }
            Optional<DateMatch> match = pageGrammar.parseAt(text, i, length);
            if (match.isPresent() && match.get().endIndex() == length) {
                String summary = text.substring(0, i - 1).strip();
                return Optional.of(new ItemAnchor(index, ItemAnchor.Kind.DATELINE, match.get().date(), summary, null));
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
        if (trimmed.isEmpty() || words.length > 6 || NOT_PLACES.contains(words[0].toLowerCase(Locale.ROOT))
                || LineKinds.BYLINE_WORDS.contains(words[0].toLowerCase(Locale.ROOT))) { // "Par Julien Marchand, le"
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

    /** Whether the text between the indexes is all digits and date separators (12.05.2021, 2021-05-12). */
    private static boolean isNumericDate(String text, int from, int to) {
        if (to - from < 8) {
            return false;
        }
        for (int k = from; k < to; k++) {
            char ch = text.charAt(k);
            if (!DateGrammar.isDigit(ch) && ch != '.' && ch != '/' && ch != '-') {
                return false;
            }
        }
        return true;
    }

    private static boolean hasLetter(String text, int from) {
        for (int k = from; k < text.length(); k++) {
            if (Character.isLetter(text.charAt(k))) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasDigit(String text, int limit) {
        for (int i = 0; i < limit; i++) {
            if (DateGrammar.isDigit(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the colon at {@code colon} closes a date label in a row of labelled fields ({@code Source: Fresno Bee
     * Date: March 13, 2003}): the row opens with a label of its own, so the date is metadata, not a title's.
     */
    private static boolean isLabelledField(String text, int colon) {
        int start = colon;
        while (start > 0 && Character.isLetter(text.charAt(start - 1))) {
            start--;
        }
        String label = text.substring(start, colon).toLowerCase(Locale.ROOT);
        int first = text.indexOf(": ");
        return DATE_LABELS.contains(label) && first > 0 && first < start && first <= 20
                && text.substring(0, first).chars().allMatch(ch -> Character.isLetter(ch) || ch == ' ');
    }

    /** A site header's date labelled as today ("Today: April 11, 2025", "Heute, 3. Mai"): the day of the visit. */
    private static boolean isTodayLine(String line) {
        for (String label : TODAY_LABELS) {
            if (line.regionMatches(true, 0, label, 0, label.length()) && line.length() > label.length()
                    && (line.charAt(label.length()) == ':' || line.charAt(label.length()) == ',')) {
                return true;
            }
        }
        return false;
    }

    /**
     * A press release's closing line with its date ({@code [ENDS 03/03/2024]}, {@code Ends/Tuesday, July 26, 2016}):
     * a metadata line, the release's text and headline above it.
     */
    private static Optional<ItemAnchor> endsLine(int index, String line, DateGrammar pageGrammar) {
        int start = line.startsWith("[") ? 1 : 0;
        if (!line.regionMatches(true, start, "ends", 0, 4)) {
            return Optional.empty();
        }
        int from = start + 4;
        while (from < line.length() && (line.charAt(from) == ' ' || line.charAt(from) == '/'
                || line.charAt(from) == ':' || DateGrammar.isDash(line.charAt(from)))) {
            from++;
        }
        int end = line.length() - (start == 1 && line.endsWith("]") ? 1 : 0);
        Optional<DateMatch> date = from > start + 4 ? pageGrammar.parseAt(line, from, end) : Optional.empty();
        return date.filter(match -> line.substring(match.endIndex(), end).isBlank())
                .map(match -> new ItemAnchor(index, ItemAnchor.Kind.META, match.date(), null, null));
    }

    /**
     * A byline, the date and the summary on one line ("By: Ann Lee, Institute 14th September 2023 The summary ..."):
     * the date line of the title above, its text the summary, as a dateline's.
     */
    private static Optional<ItemAnchor> bylineThenSummary(int index, String text, DateGrammar pageGrammar) {
        if (!opensWithBylineWord(text)) {
            return Optional.empty(); // most lines do not
        }
        int limit = Math.min(text.length(), 120);
        for (int i = 4; i < limit; i++) {
            char ch = text.charAt(i);
            if (text.charAt(i - 1) != ' ' || !DateGrammar.isDigit(ch) && !Character.isUpperCase(ch)) {
                continue;
            }
            Optional<DateMatch> match = pageGrammar.parseAt(text, i, Math.min(text.length(), i + MAX_DATE_LENGTH));
            if (match.isEmpty()) {
                continue;
            }
            String rest = restAfterDate(text, match.get().endIndex());
            boolean summary = rest.length() >= MIN_BYLINE_SUMMARY && Character.isUpperCase(rest.codePointAt(0));
            return summary && isBylinePrefix(text.substring(0, i))
                    ? Optional.of(new ItemAnchor(index, ItemAnchor.Kind.DATELINE, match.get().date(), rest, null))
                    : Optional.empty();
        }
        return Optional.empty();
    }

    /**
     * One item per line: a title, its date with the time of day, then its summary ({@code Title 9 december 09:02
     * Summary ...}, as a list of news copied from a page puts them). The time makes the date a stamp, not a date in a
     * sentence; the title is three words or more, ends no sentence and is no byline or label ("Par Ann, le"), and the
     * summary opens a sentence.
     */
    private static Optional<ItemAnchor> titleStampedMidLine(int index, String text, DateGrammar pageGrammar) {
        int limit = Math.min(text.length(), MAX_TRAILING_TITLE_LINE);
        for (int i = 1; i < limit; i++) {
            if (text.charAt(i - 1) != ' ' || !DateGrammar.isDigit(text.charAt(i)) && !Character.isLetter(text.charAt(i))
                    || !nearNumber(text, i)) {
                continue;
            }
            Optional<DateMatch> match = pageGrammar.parseAt(text, i, Math.min(text.length(), i + MAX_DATE_LENGTH));
            if (match.isEmpty()) {
                continue;
            }
            int afterDate = skipSpaces(text, match.get().endIndex());
            int afterTime = skipTime(text, afterDate);
            String title = text.substring(0, i).strip();
            String summary = text.substring(Math.min(afterTime, text.length())).strip();
            boolean stamp = afterTime > afterDate && !summary.isEmpty()
                    && Character.isUpperCase(summary.codePointAt(0));
            int titleWords = LineKinds.wordCount(title);
            if (!stamp || titleWords < 3 || title.endsWith(".") || title.indexOf('|') >= 0
                    || title.indexOf(',') >= 0 && titleWords <= 6 || isMetaPrefix(title)) {
                return Optional.empty();
            }
            return Optional.of(new ItemAnchor(index, ItemAnchor.Kind.TRAILING, match.get().date(), title, null,
                    summary));
        }
        return Optional.empty();
    }

    /**
     * A byline before a date ("By: Ann Lee, Institute for Security Studies", "Par Julien Marchand"): a byline word,
     * perhaps with a colon, then capitalised names, at most a dozen words.
     */
    private static boolean isBylinePrefix(String prefix) {
        String[] words = LineKinds.SPACES.split(prefix.strip());
        return words.length >= 2 && words.length <= 12 && opensWithBylineWord(words[0])
                && Character.isUpperCase(words[1].codePointAt(0));
    }

    /** Whether a text's first word is a byline word, perhaps with a colon ("By:", "Par", "von"). */
    private static boolean opensWithBylineWord(String text) {
        int space = text.indexOf(' ');
        String first = (space < 0 ? text : text.substring(0, space)).toLowerCase(Locale.ROOT);
        return LineKinds.BYLINE_WORDS.contains(first.endsWith(":") ? first.substring(0, first.length() - 1) : first);
    }

    /**
     * Whether a field label on the line above a date makes it no item's date ("Appeared in issue:", "Deadline:",
     * "Updated:"): a short label ending in a colon with a decoy word in it.
     */
    static boolean isDecoyFieldLabel(String line) {
        if (!LineKinds.isFieldLabel(line)) {
            return false;
        }
        for (String word : line.toLowerCase(Locale.ROOT).split("[^\\p{L}]+")) {
            if (DECOY_LABELS.contains(word)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a line opens with a list bullet ("• ", "▪ ", "* "), as the items of a list of links do. */
    private static boolean opensWithBullet(String text) {
        return text.length() > 2 && "•·*▪►‣◦".indexOf(text.charAt(0)) >= 0 && text.charAt(1) == ' ';
    }

    /** Skips list bullets ("•", "-" or "–" and a space) and a leading time of day ("14:05 | 3 May 2021"). */
    private static int skipBullet(String text) {
        int i = 0;
        while (i < text.length() && ("•·*▪►‣◦[".indexOf(text.charAt(i)) >= 0
                || (DateGrammar.isDash(text.charAt(i)) && i + 1 < text.length() && text.charAt(i + 1) == ' '))) {
            i++;
            i = skipSpaces(text, i);
        }
        i = skipSpaces(text, i);
        if (i + 5 < text.length() && DateGrammar.isDigit(text.charAt(i)) && DateGrammar.isDigit(text.charAt(i + 1))
                && text.charAt(i + 2) == ':' && DateGrammar.isDigit(text.charAt(i + 3))
                && DateGrammar.isDigit(text.charAt(i + 4))) {
            int j = skipSpaces(text, i + 5);
            while (j < text.length() && (text.charAt(j) == '|' || text.charAt(j) == ',' || text.charAt(j) == '·'
                    || DateGrammar.isDash(text.charAt(j)))) {
                j = skipSpaces(text, j + 1);
            }
            if (j > i + 5 && j < text.length() && DateGrammar.isDigit(text.charAt(j))) {
                return j;
            }
        }
        return i;
    }

}
