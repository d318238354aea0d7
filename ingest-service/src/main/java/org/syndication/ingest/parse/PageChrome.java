package org.syndication.ingest.parse;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Recognises page chrome: the navigation, photo credits, "more" links and link-list labels that surround news items
 * on a page but belong to none of them. Patterns only ever see short lines, so they cost nothing on large input.
 */
final class PageChrome {

    /** Lines longer than this are content, whatever they start with. */
    private static final int MAX_CHROME_LENGTH = 160;

    /** Lines of navigation and sharing, lower case; "more" links ({@link #isMoreLink}) are chrome too. */
    private static final Set<String> CHROME_LINES = Set.of(
            "more...", "more…", "[more]", "more »", "» more", "read more »", "read more...", "news", "latest news",
            "share", "print", "tweet", "back to top", "top", "top of page", "home", "menu", "search",
            "skip to content", "skip to main content", "next", "previous", "older posts", "newer posts", "load more",
            "archive", "archives", "news archive", "news archives", "related links", "related news", "see also",
            "print this page", "share this page", "more news", "more stories", "all news", "read next",
            "weitere nachrichten", "weitere meldungen", "plus d'actualités", "toutes les actualités", "más noticias",
            "altre notizie", "mais notícias", "meer nieuws", "read the investigation", "read the story",
            "read the report", "read the article", "read the statement");

    /** The words of a pager's links, in the languages of the reader. */
    private static final String PAGER_WORDS = "(?:previous|prev|next|next page|previous page|vorherige|zurück"
            + "|weiter|nächste|nächste seite|vorherige seite|précédent|précédente|suivant|suivante|page suivante"
            + "|anterior|siguiente|página siguiente|precedente|successivo|successiva|pagina successiva|avanti"
            + "|vorige|volgende|próxima|próximo|seguinte)";

    /** Headings of a box beside or under a listing: what follows them is not the page's list. */
    private static final Set<String> SIDEBAR_HEADINGS = Set.of(
            "upcoming events", "latest news", "most read", "most popular", "trending", "related", "related articles",
            "related stories", "recent posts", "événements à venir", "prochains événements", "agenda",
            "les plus lus", "à lire aussi", "kommende veranstaltungen", "termine", "meistgelesen", "meist gelesen",
            "próximos eventos", "lo más leído", "más leídas", "prossimi eventi", "i più letti", "più letti",
            "mais lidas", "mais lidos", "komende evenementen", "meest gelezen", "evenementen");

    /** Headings of other articles recommended under an article or a listing, lower case. */
    private static final Set<String> RECOMMENDATION_HEADINGS = Set.of(
            "recommended for you", "recommended", "you may also like", "you might also like", "read also",
            "also read", "more from this section", "recommandés pour vous", "à découvrir aussi", "vous aimerez aussi",
            "lesen sie auch", "das könnte sie auch interessieren", "auch interessant", "te puede interesar",
            "también te puede interesar", "le puede interesar", "leia também", "veja também", "leggi anche",
            "potrebbe interessarti", "ti potrebbe interessare", "lees ook", "ook interessant", "läs också",
            "related news", "related articles", "related stories", "related posts", "related content",
            "noticias relacionadas", "notícias relacionadas", "artículos relacionados", "matérias relacionadas",
            "articles liés", "à lire aussi", "sur le même sujet", "articoli correlati", "notizie correlate",
            "ähnliche artikel", "weitere artikel", "das könnte sie interessieren", "gerelateerde artikelen");

    /** Openings of a heading over more articles of a section, with the colon that names it ("Mehr aus: Ausland"). */
    private static final List<String> MORE_FROM_SECTION = List.of("more from:", "more in:", "mehr aus:", "mehr zum thema:");

    /**
     * Whether a line heads other articles recommended after the page's own ("Recommandés pour vous", "Mehr aus:
     * Ausland").
     */
    static boolean isRecommendationHeading(String line) {
        String lower = line.strip().toLowerCase(Locale.ROOT);
        return line.length() <= 40 && (RECOMMENDATION_HEADINGS.contains(lower)
                || MORE_FROM_SECTION.stream().anyMatch(lower::startsWith));
    }

    /** Whether a line is the heading of a box beside or under the listing ("Upcoming events", "Les plus lus"). */
    static boolean isSidebarHeading(String line) {
        return line.length() <= 30 && SIDEBAR_HEADINGS.contains(line.strip().toLowerCase(Locale.ROOT));
    }

    /** Pagination: "Page 1 of 5", "Seite 2 von 9", "Página 1 de 3", "« Previous 1 2 3 … 10 Next page »". */
    private static final Pattern PAGINATION = Pattern.compile(
            "(?iu)(?:page|seite|página|pagina|pagina|blz\\.?)\\s*\\d+\\s*(?:of|von|sur|de|di|van|/)\\s*\\d+"
                    + "(?:\\s+" + PAGER_WORDS + ")?\\s*[»›>]?"
                    + "|(?:[«‹<]\\s*)?(?:" + PAGER_WORDS + "\\s+)?\\d{1,3}(?:\\s+\\d{1,3})+"
                    + "(?:\\s*(?:…|\\.\\.\\.)\\s*\\d{1,4})?"
                    + "(?:\\s+" + PAGER_WORDS + ")?\\s*[»›>]?");

    /** A row of year links ("2016 | 2017 | 2018"): archive navigation. */
    private static final Pattern YEAR_LINKS = Pattern.compile("(?:(?:19|20)\\d{2}\\s*[|/,·•-]?\\s*){2,}");

    /** A link to an item's full text, by its words in lower case ("Read more »", "Weiterlesen", "Lire la suite"). */
    private static final Set<String> MORE_LINKS = Set.of(
            "more", "read more", "continue reading", "full story", "read the full story", "read full story", "details",
            "weiterlesen", "mehr lesen", "mehr", "lire la suite", "lire plus", "en savoir plus", "leer más", "ver más",
            "seguir leyendo", "leia mais", "ler mais", "saiba mais", "continua a leggere", "leggi tutto",
            "leggi di più", "lees meer", "lees verder", "läs mer", "les mer", "læs mere", "czytaj więcej",
            "citește mai mult", "číst dále");

    private static final Pattern CHROME = Pattern.compile(
            "(?i)(?:please see below\\b.*"
                    + "|(?:please )?follow (?:the|us|our)\\b[^.!?]{0,100}[.:]?"
                    + "|read (?:our|all|the) (?:[\\w-]+ ){0,3}(?:stories|news|articles)\\b.*"
                    + "|[\\w-]+(?: [\\w-]+){0,3} brochure"
                    + "|(?:image|photo|picture|foto)?\\s*(?:©|\\(c\\)|credits?:|photo credits?:?)\\s*[^.!?]{0,40}"
                    + "|copyright\\b.{0,120}"
                    + "|share (?:this|on)\\b.{0,40}|back to (?:top|news|the|listing|list|overview|all|articles|press|search|results)\\b.{0,40}"
                    + "|(?:media advisory|press release|news release|for immediate release|note to correspondents)[.:]?"
                    + "|for information only\\b.{0,60}|embargo(?:ed)?\\b.{0,60}|unis/[\\w/-]{1,30})");

    /** Leading photo credit glued to the text that follows it ("Image © UNODCThe delegation ..."). */
    private static final Pattern CREDIT_MARKER = Pattern.compile(
            "(?i)^(?:(?:image|photo|picture|foto)\\s*(?:credits?\\s*:?)?\\s*©|©|\\(c\\)"
                    + "|photo\\s*credits?\\s*:?|credits?\\s*:)\\s*");

    /** Trailing labels of link lists whose links the text lost ("Further information:"). */
    private static final Pattern DANGLING_LABEL = Pattern.compile("[^.!?]{1,79}:");

    private static final Set<String> WORDS_ENDING_IN_MORE = Set.of(
            "furthermore", "anymore", "evermore", "nevermore", "baltimore", "sycamore", "sophomore", "theremore",
            "dunmore", "fillmore", "gilmore", "skidmore", "wetmore", "whitmore", "ardmore", "kenmore", "livermore",
            "claymore", "commodore", "seymore");

    private PageChrome() {
    }

    /** A "Read More" link glued to the next item's title ("Read MoreNew operation launched"). */
    private static final Pattern GLUED_MORE = Pattern.compile("^(?:read more|more|weiterlesen|lire la suite|leer más)"
            + "(?:\\s*[»›>…]+)?(?=\\p{Lu})", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    /** The text without a "Read More" glued in front of it; unchanged when there is none. */
    static String stripGluedMore(String text) {
        if (text.length() < 6 || (text.charAt(0) != 'R' && text.charAt(0) != 'M' && text.charAt(0) != 'W'
                && text.charAt(0) != 'L' && text.charAt(0) != 'r' && text.charAt(0) != 'm')) {
            return text;
        }
        java.util.regex.Matcher m = GLUED_MORE.matcher(text);
        return m.lookingAt() && m.end() < text.length() && Character.isUpperCase(text.charAt(m.end()))
                && !Character.isUpperCase(text.charAt(m.end() - 1)) ? text.substring(m.end()) : text;
    }

    /** Whether a whole line is chrome and never part of a title or body. */
    static boolean isChromeLine(String line) {
        if (line.length() > MAX_CHROME_LENGTH) {
            return false;
        }
        if (isPunctuationOnly(line)) {
            return true;
        }
        if (line.length() <= 25 && (CHROME_LINES.contains(line.toLowerCase(Locale.ROOT)) || isMoreLink(line))) {
            return true;
        }
        if (DateGrammar.isDigit(line.charAt(0)) && YEAR_LINKS.matcher(line).matches()) {
            return true;
        }
        if (line.length() <= 60 && PAGINATION.matcher(line).matches()) {
            return true;
        }
        char first = Character.toLowerCase(line.charAt(0));
        boolean candidate = "pfricsmnueb(©".indexOf(first) >= 0
                || line.regionMatches(true, line.length() - 8, "brochure", 0, 8);
        return candidate && CHROME.matcher(line).matches();
    }

    /** Whether a line is a "more" link (kept for its href, never for its text). */
    static boolean isMoreLink(String text) {
        if (text.length() > 30) {
            return false;
        }
        StringBuilder letters = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (Character.isLetter(ch) || ch == ' ') {
                letters.append(Character.toLowerCase(ch));
            }
        }
        return MORE_LINKS.contains(letters.toString().strip());
    }

    /** Whether a short last line of a body only introduced a list of links that the text no longer has. */
    static boolean isDanglingLabel(String line) {
        return line.length() <= 80 && line.endsWith(":") && DANGLING_LABEL.matcher(line).matches();
    }

    /** The length of a leading photo-credit marker ("Image ©", "Photo credit"), or 0 when there is none. */
    static int creditMarkerLength(String line) {
        if (line.isEmpty()) {
            return 0;
        }
        char first = Character.toLowerCase(line.charAt(0));
        if (first != 'i' && first != 'p' && first != 'f' && first != 'c' && first != '©' && first != '(') {
            return 0;
        }
        var matcher = CREDIT_MARKER.matcher(line);
        return matcher.lookingAt() ? matcher.end() : 0;
    }

    /**
     * The text without a trailing "more" link, or the text itself when it does not end with one. In a listing whose
     * summaries end with "more" ({@code listing}), any trailing "more" is the link, even glued to the last word
     * ("... Campaignmore"); elsewhere only one that follows the end of a sentence ("... event. more").
     */
    static String stripTrailingMore(String text, boolean listing) {
        String trimmed = withoutLinkDecoration(text.strip());
        int n = trimmed.length();
        if (n < 4 || !trimmed.regionMatches(true, n - 4, "more", 0, 4)) {
            return text;
        }
        int cut = n - 4;
        if (cut == 0) {
            return "";
        }
        char before = trimmed.charAt(cut - 1);
        if (before == ' ') {
            String head = trimmed.substring(0, cut).strip();
            if (head.regionMatches(true, Math.max(0, head.length() - 5), " read", 0, 5) || head.equalsIgnoreCase("read")) {
                return head.substring(0, head.length() - 4).strip(); // "... events. Read more"
            }
            char end = cut > 1 ? trimmed.charAt(cut - 2) : '.';
            boolean afterSentence = end == '.' || end == '!' || end == '?' || end == '"' || end == '”' || end == ')';
            return listing || afterSentence ? head : text;
        }
        if (before == '.' || before == '!' || before == '?' || before == '"' || before == '”' || before == ')') {
            return listing ? trimmed.substring(0, cut).strip() : text;
        }
        if (!listing || !Character.isLetter(before)) {
            return text;
        }
        int wordStart = trimmed.lastIndexOf(' ', cut - 1) + 1;
        String word = trimmed.substring(wordStart).toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
        return WORDS_ENDING_IN_MORE.contains(word) ? text : trimmed.substring(0, cut).strip();
    }

    /** The text without the arrows and brackets that decorate a trailing "more" link ("more »", "[more]"). */
    private static String withoutLinkDecoration(String text) {
        int end = text.length();
        while (end > 0 && " »>›…].".indexOf(text.charAt(end - 1)) >= 0) {
            end--;
        }
        if (end == text.length() || end < 4 || !text.regionMatches(true, end - 4, "more", 0, 4)) {
            return text;
        }
        String head = text.substring(0, end);
        int open = head.lastIndexOf('[');
        return open >= 0 && head.length() - open <= 11 ? head.substring(0, open) + head.substring(open + 1) : head;
    }

    /** Whether a text ends with a "more" link, as the summaries of a listing page do. */
    static boolean endsWithMore(String text) {
        return stripTrailingMore(text, true).length() != text.strip().length();
    }

    private static boolean isPunctuationOnly(String line) {
        for (int i = 0; i < line.length(); i++) {
            if (Character.isLetterOrDigit(line.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
