package org.syndication.ingest.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Evaluator;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.QueryParser;

/**
 * The fields of one record of an HTML listing (one subtree of the repeated shape {@link DomRecordReader} found):
 * title, link, date and summary.
 */
final class DomRecord {

    /** The words of "read the rest" links, in the languages of the pages we read (compared without punctuation). */
    private static final Set<String> MORE_LINKS = Set.of("more", "read more", "continue reading", "continue",
            "full story", "details", "weiterlesen", "mehr", "mehr lesen", "lire la suite", "en savoir plus", "suite",
            "leer más", "leggi tutto", "ler mais", "lees meer", "更多", "详情", "阅读全文", "查看详情");

    /** A title or summary line longer than this is running text, not a title. */
    private static final int MAX_TITLE = 300;

    /** A text holding a date and at most this many characters is a date field, left out of the summary. */
    private static final int DATE_FIELD = 48;

    /** Queries parsed once: jsoup parses a query string on every call. */
    private static final Evaluator HEADINGS = QueryParser.parse("h1, h2, h3, h4, h5, h6, [itemprop=headline]");
    private static final Evaluator MARKED_TITLES = QueryParser.parse("[class*=title], [class*=headline]");
    private static final Evaluator LINKS = QueryParser.parse("a[href]");

    private DomRecord() {
    }

    /**
     * Reads one record.
     *
     * @param record    the record's element
     * @param followers for a record that is a lone heading (a flat layout), the elements after it that belong to it
     * @param inherited the date of a day header above the record, used when the record has no date of its own
     * @return the item, or null when the record has no title or no date
     */
    static NewsItemDraft read(Element record, List<Element> followers, ItemDate inherited, DomDates dates,
            String baseUrl) {
        Element titleElement = titleElement(record, dates);
        String title = titleElement == null ? "" : titleText(titleElement);
        if (title.isEmpty()) {
            return null;
        }
        DateSearch search = new DateSearch(record, titleElement, dates);
        NodeTraversor.filter(search, record);
        ItemDate date = search.best();
        if (date == null) {
            date = inherited;
        }
        if (date == null) {
            return null;
        }
        String link = link(record, titleElement, title);
        Summary summary = new Summary(titleElement, title, search.dateText);
        NodeTraversor.filter(summary, record);
        for (Element follower : followers) {
            NodeTraversor.filter(summary, follower);
        }
        return new NewsItemDraft(date.start(), date.end(), title, summary.text(), link == null ? null
                : DocumentSplitter.absolute(baseUrl, link), null);
    }

    // ---- title ----------------------------------------------------------------------------------------------------

    /** The first heading, else the element marked as headline or title, else the link with the longest text. */
    private static Element titleElement(Element record, DomDates dates) {
        for (Element heading : record.select(HEADINGS)) {
            if (isTitleLike(heading, dates)) {
                return heading;
            }
        }
        for (Element marked : record.select(MARKED_TITLES)) {
            if (!marked.className().toLowerCase(Locale.ROOT).contains("subtitle") && isTitleLike(marked, dates)) {
                return marked;
            }
        }
        Element longest = null;
        int longestLength = 0;
        for (Element link : record.select(LINKS)) {
            String text = link.text();
            if (leadsSomewhere(link) && text.length() > longestLength && isTitleLike(link, dates)) {
                longest = link;
                longestLength = text.length();
            }
        }
        return longest;
    }

    private static boolean isTitleLike(Element element, DomDates dates) {
        if (DomRecordReader.isChrome(element)) {
            return false;
        }
        String text = titleText(element);
        if (text.length() < 2 || text.length() > MAX_TITLE) {
            return false;
        }
        DomDates.Found date = dates.first(text);
        return date == null || date.start() > 0 || date.end() < text.length() - 1; // not a date alone
    }

    /** The element's text without a leading label in an element of its own ({@code <span>Title:</span> ...}). */
    private static String titleText(Element element) {
        String text = TextSanitizer.collapse(element.text());
        Element first = element.firstElementChild();
        if (first != null && element.childNodeSize() > 0 && element.childNode(0) == first
                || first != null && element.childNodeSize() > 1 && element.childNode(0) instanceof TextNode t
                        && t.isBlank() && element.childNode(1) == first) {
            String label = TextSanitizer.collapse(first.text());
            if (label.endsWith(":") && label.length() < 24 && text.length() > label.length() + 1) {
                return text.substring(label.length()).strip();
            }
        }
        return text;
    }

    // ---- link -----------------------------------------------------------------------------------------------------

    /**
     * The link of the title (inside it or around it), else the record's own link, else a link with the title as its
     * text, else the record's first link.
     */
    private static String link(Element record, Element titleElement, String title) {
        String href = usableHref(titleElement.closest(LINKS));
        if (href == null) {
            for (Element inner : titleElement.select(LINKS)) {
                href = usableHref(inner);
                if (href != null) {
                    return href;
                }
            }
        }
        if (href == null) {
            href = usableHref(record.closest(LINKS));
        }
        List<Element> links = record.select(LINKS);
        for (int i = 0; href == null && i < links.size(); i++) {
            if (TextSanitizer.collapse(links.get(i).text()).equals(title)) {
                href = usableHref(links.get(i));
            }
        }
        for (int i = 0; href == null && i < links.size(); i++) {
            href = usableHref(links.get(i));
        }
        return href;
    }

    /** Whether the link has a target outside the page (which may still be a script or mail link). */
    static boolean leadsSomewhere(Element link) {
        String raw = link.attr("href").strip();
        return !raw.isEmpty() && !raw.startsWith("#");
    }

    /** The raw target of a link, or null for none, in-page, script, mail and phone links. */
    static String usableHref(Element link) {
        if (link == null) {
            return null;
        }
        String raw = link.attr("href").strip();
        String lower = raw.toLowerCase(Locale.ROOT);
        if (raw.isEmpty() || raw.startsWith("#") || lower.startsWith("javascript:") || lower.startsWith("mailto:")
                || lower.startsWith("tel:")) {
            return null;
        }
        return raw;
    }

    // ---- date -----------------------------------------------------------------------------------------------------

    /**
     * Finds the record's date: a {@code <time datetime>} first, then a date in an element marked as a date
     * ({@code class="date"}, {@code itemprop="datePublished"}, ...), then the first date outside the title, then one
     * in the title, then a short numeric date field.
     */
    private static final class DateSearch implements NodeFilter {
        private final Element record;
        private final Element titleElement;
        private final DomDates dates;
        private ItemDate timeDate;
        private ItemDate markedDate;
        private ItemDate plainDate;
        private ItemDate titleDate;
        private ItemDate shortDate;
        /** The text node the chosen date came from when it is a date field, left out of the summary. */
        private Node dateText;
        private Node markedNode;
        private Node plainNode;
        private Node shortNode;
        private Node timeNode;

        DateSearch(Element record, Element titleElement, DomDates dates) {
            this.record = record;
            this.titleElement = titleElement;
            this.dates = dates;
        }

        @Override
        public FilterResult head(Node node, int depth) {
            if (node instanceof Element element) {
                if (element != record && DomRecordReader.isChrome(element)) {
                    return FilterResult.SKIP_ENTIRELY;
                }
                if (timeDate == null && element.nameIs("time") && element.hasAttr("datetime")) {
                    timeDate = DomRecordReader.parseDateTime(element.attr("datetime"), dates);
                    timeNode = timeDate == null ? null : element;
                }
                return FilterResult.CONTINUE;
            }
            if (!(node instanceof TextNode textNode) || textNode.isBlank()) {
                return FilterResult.CONTINUE;
            }
            String text = textNode.getWholeText();
            DomDates.Found found = dates.first(text);
            if (found == null) {
                ItemDate field = shortDate == null ? dates.shortField(text) : null;
                if (field != null) {
                    shortDate = field;
                    shortNode = node;
                }
                return FilterResult.CONTINUE;
            }
            boolean inTitle = isInside(textNode, titleElement);
            if (inTitle) {
                titleDate = titleDate == null ? found.date() : titleDate;
            } else if (markedDate == null && isMarked(textNode)) {
                markedDate = found.date();
                markedNode = node;
            } else if (plainDate == null) {
                plainDate = found.date();
                plainNode = node;
            }
            return FilterResult.CONTINUE;
        }

        @Override
        public FilterResult tail(Node node, int depth) {
            return FilterResult.CONTINUE;
        }

        /** Whether the text is inside {@code element} (looks no further up than the record). */
        private boolean isInside(Node node, Element element) {
            Element start = node instanceof Element self ? self
                    : node.parentNode() instanceof Element parent ? parent : null;
            for (Element e = start; e != null; e = e.parent()) {
                if (e == element) {
                    return true;
                }
                if (e == record) {
                    return false;
                }
            }
            return false;
        }

        /** Whether an element between the text and the record is marked as holding a date. */
        private boolean isMarked(TextNode text) {
            for (Element e = text.parent(); e != null; e = e.parent()) {
                String marks = (e.className() + " " + e.attr("itemprop") + " " + e.normalName())
                        .toLowerCase(Locale.ROOT);
                if (marks.contains("date") || marks.contains("time") || marks.contains("publish")
                        || marks.contains("created") || marks.contains("posted")) {
                    return true;
                }
                if (e == record) {
                    return false;
                }
            }
            return false;
        }

        ItemDate best() {
            if (timeDate != null) {
                dateText = field(timeNode);
                return timeDate;
            }
            if (markedDate != null) {
                dateText = field(markedNode);
                return markedDate;
            }
            if (plainDate != null) {
                dateText = field(plainNode);
                return plainDate;
            }
            if (titleDate != null) {
                return titleDate;
            }
            dateText = shortNode;
            return shortDate;
        }

        /**
         * The date's field: the largest element around the date, below the record and without the title, whose text
         * is short ("Posted on 18 April 2024", "Ann Lee | Jun 26, 2022"); null when the date sits in running text.
         */
        private Node field(Node node) {
            if (node instanceof TextNode text && text.text().strip().length() > DATE_FIELD) {
                return null;
            }
            Node field = node;
            Element up = node.parentNode() instanceof Element parent ? parent : null;
            for (; up != null && up != record && !isInside(titleElement, up) && hasShortText(up); up = up.parent()) {
                field = up;
            }
            return field;
        }

        private static boolean hasShortText(Element element) {
            int[] length = {0};
            NodeTraversor.filter(new NodeFilter() {
                @Override
                public FilterResult head(Node node, int depth) {
                    if (node instanceof TextNode text) {
                        length[0] += text.getWholeText().strip().length();
                    }
                    return length[0] > DATE_FIELD ? FilterResult.STOP : FilterResult.CONTINUE;
                }
            }, element);
            return length[0] <= DATE_FIELD;
        }
    }

    /** Whether a link only leads to the rest of the item ("Read more »", "Continue Reading", "weiterlesen"). */
    private static boolean isMoreLink(Element link) {
        String text = link.text();
        if (text.length() > 40) {
            return false;
        }
        StringBuilder words = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (Character.isLetterOrDigit(ch)) {
                words.append(Character.toLowerCase(ch));
            } else if (Character.isWhitespace(ch) || ch == '\u00a0') {
                if (!words.isEmpty() && words.charAt(words.length() - 1) != ' ') {
                    words.append(' ');
                }
            }
        }
        return MORE_LINKS.contains(words.toString().strip());
    }

    // ---- summary --------------------------------------------------------------------------------------------------

    /** The record's text without its title, its date field, time elements and chrome, one line per block. */
    private static final class Summary implements NodeFilter {
        private final Element titleElement;
        private final String title;
        private final Node dateText;
        private final List<String> lines = new ArrayList<>();
        private final StringBuilder line = new StringBuilder();

        Summary(Element titleElement, String title, Node dateText) {
            this.titleElement = titleElement;
            this.title = title;
            this.dateText = dateText;
        }

        @Override
        public FilterResult head(Node node, int depth) {
            if (node == dateText) {
                return FilterResult.SKIP_ENTIRELY;
            }
            if (node instanceof TextNode text) {
                line.append(text.getWholeText());
                return FilterResult.CONTINUE;
            }
            if (!(node instanceof Element element)) {
                return FilterResult.CONTINUE;
            }
            if (element == titleElement || element.nameIs("time") || DomRecordReader.isChrome(element)
                    || element.nameIs("figure") || element.nameIs("a") && isMoreLink(element)) {
                return FilterResult.SKIP_ENTIRELY;
            }
            if (element.isBlock() || element.nameIs("br") || element.nameIs("li") || element.nameIs("td")) {
                flush();
            }
            return FilterResult.CONTINUE;
        }

        @Override
        public FilterResult tail(Node node, int depth) {
            if (node instanceof Element element && (element.isBlock() || element.nameIs("td"))) {
                flush();
            }
            return FilterResult.CONTINUE;
        }

        private void flush() {
            String text = TextSanitizer.collapse(line);
            line.setLength(0);
            if (!text.isEmpty() && !text.equals(title) && text.chars().anyMatch(Character::isLetterOrDigit)) {
                lines.add(text);
            }
        }

        String text() {
            flush();
            return String.join("\n\n", lines);
        }
    }
}
