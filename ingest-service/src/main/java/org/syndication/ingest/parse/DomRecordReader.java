package org.syndication.ingest.parse;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * Reads an HTML listing by its structure: finds the repeated record (elements with the same shape, i.e. the same
 * path of tag and class names from the body, each holding a date and a heading or a link), and reads each record's
 * title, link, date and summary ({@link DomRecord}).
 *
 * <p>One walk over the tree (iterative, so any depth is safe) gives every element its shape and a few counts of
 * its subtree: text length, dates, headings, links. Shapes that repeat with a date (their own, or a day header above
 * them such as {@code <h3>Wed, 10 Nov 2021</h3>} over a list) and a heading or link in most of their elements are
 * candidates; the best one has the most records with a date and a distinct title, in the largest share of its
 * elements; among equals the one with more text wins (a list item over the link inside it). Navigation, page header and
 * footer, sidebars, scripts and form controls are never read, so a date in them is never a record.
 * An empty answer means that the page has no such record, and the caller reads it as text.
 */
final class DomRecordReader {

    private static final Set<String> CHROME_TAGS = Set.of("script", "style", "noscript", "template", "svg", "nav",
            "aside", "iframe", "canvas", "select", "option", "button", "textarea", "input", "label", "object", "video",
            "audio", "map", "dialog");

    private static final Set<String> CHROME_ROLES = Set.of("navigation", "banner", "contentinfo", "complementary",
            "search", "menu", "menubar", "dialog");

    private static final Set<String> HEADINGS = Set.of("h1", "h2", "h3", "h4", "h5", "h6");

    /** Class names that only say which state or position an element is in, not what it is. */
    private static final Set<String> STATE_CLASSES = Set.of("odd", "even", "first", "last", "active", "current",
            "selected", "clearfix", "alt", "new");

    /** A day header is a short text: at most this long, and at most {@link #HEADER_EXTRA} more than its date. */
    private static final int HEADER_TEXT = 48;
    private static final int HEADER_EXTRA = 12;

    /** The text of an element is kept while it is this short, to recognise day headers without a second walk. */
    private static final int SMALL_TEXT = 160;

    private static final int MIN_RECORDS = 2;

    /** An element with more dates than this is a list of records (or a full article), not one record. */
    private static final int MAX_RECORD_DATES = 5;

    /** Records with at least this many characters of text on average are as dense as records get. */
    private static final double DENSE_TEXT = 20;

    private final DateGrammar grammar;

    DomRecordReader(DateGrammar grammar) {
        this.grammar = grammar;
    }

    /** The items of the page's repeated record in page order, or an empty list when it has none. */
    List<NewsItemDraft> read(Document document, String baseUrl) {
        Element body = document.body();
        if (body == null) {
            return List.of();
        }
        // numeric dates are read in the page's own order (05.12.15 on a page of 05.19.15 is May 12)
        DomDates dates = new DomDates(PageDates.grammarFor(List.of(Line.plain(body.text())), grammar));
        Walk walk = new Walk(dates);
        NodeTraversor.filter(walk, body);
        List<Shape> shapes = new ArrayList<>();
        for (List<Box> group : walk.groups().values()) {
            Shape shape = shape(group, dates);
            if (shape != null) {
                shapes.add(shape);
            }
        }
        // reading records costs more than counting them: read the shapes that could still win, most promising first
        shapes.sort(Comparator.comparingDouble(Shape::bound).reversed());
        Candidate best = null;
        for (Shape shape : shapes) {
            if (best != null && shape.bound() < best.score() - 1e-9) {
                break;
            }
            Candidate candidate = evaluate(shape, walk, dates, baseUrl);
            if (candidate != null && (best == null || candidate.betterThan(best))) {
                best = candidate;
            }
        }
        if (best == null) {
            return List.of();
        }
        return withDatedSiblings(best, walk, dates, baseUrl);
    }

    /** Whether an element is page chrome that never holds a record. */
    static boolean isChrome(Element element) {
        String name = element.normalName();
        if (CHROME_TAGS.contains(name) || element.hasAttr("hidden")
                || "true".equalsIgnoreCase(element.attr("aria-hidden"))
                || CHROME_ROLES.contains(element.attr("role").toLowerCase(Locale.ROOT))) {
            return true;
        }
        if (name.equals("body") || name.equals("main")) {
            return false;
        }
        String marks = (element.id() + " " + element.className()).toLowerCase(Locale.ROOT);
        if (!marks.contains("sidebar")) {
            return false;
        }
        for (String token : marks.split("\\s+")) {
            if (token.startsWith("sidebar") || token.endsWith("-sidebar") && !token.startsWith("has-")
                    && !token.startsWith("with-") && !token.startsWith("no-")) {
                return true; // a sidebar, not a page "with a sidebar"
            }
        }
        return false;
    }

    /** The date of a {@code <time datetime>} value (ISO or written out), or null. */
    static ItemDate parseDateTime(String value, DomDates dates) {
        DomDates.Found found = dates.first(value.strip());
        return found != null && found.start() == 0 ? found.date() : null;
    }

    // ---- candidates -----------------------------------------------------------------------------------------------

    /** A shape's records read into items; null entries are records without a title or date. */
    private record Candidate(List<Box> records, List<NewsItemDraft> items, int valid, int distinct, int depth,
            double averageText) {

        /**
         * Records with a distinct title, times the share of the shape's elements that are records, times how much
         * text a record holds (a bare "pdf" link repeated under each entry is not a record).
         */
        double score() {
            return (double) distinct * valid / records.size() * Math.min(1.0, averageText / DENSE_TEXT);
        }

        boolean betterThan(Candidate other) {
            double a = score();
            double b = other.score();
            if (Math.abs(a - b) > 1e-9) {
                return a > b;
            }
            // of equal shapes the one with more text: the list item rather than the link inside it, the entry rather
            // than its identifier line
            return averageText > other.averageText || averageText == other.averageText && depth < other.depth;
        }
    }

    /**
     * A repeated shape whose elements mostly hold a date (or sit under a day header) and a heading or link, with the
     * inherited dates; {@code bound} is the best score its records could reach.
     */
    private record Shape(List<Box> group, ItemDate[] inherited, double bound) {
    }

    private static Shape shape(List<Box> group, DomDates dates) {
        if (group.size() < MIN_RECORDS) {
            return null;
        }
        int titled = 0;
        for (Box box : group) {
            titled += box.links > 0 || box.headings > 0 ? 1 : 0;
        }
        if (titled < MIN_RECORDS || 2 * titled < group.size()) {
            return null;
        }
        Box lca = group.get(0);
        for (Box box : group) {
            lca = commonAncestor(lca, box);
        }
        ItemDate[] inherited = new ItemDate[group.size()];
        int hinted = 0;
        for (int i = 0; i < group.size(); i++) {
            Box box = group.get(i);
            if (box.dates == 0) {
                inherited[i] = dayHeaderAbove(box, lca, dates);
            }
            boolean dated = box.dates > 0 && box.dates <= MAX_RECORD_DATES || inherited[i] != null;
            hinted += dated && (box.links > 0 || box.headings > 0) ? 1 : 0;
        }
        if (hinted < MIN_RECORDS || 2 * hinted < group.size()) {
            return null;
        }
        return new Shape(group, inherited, (double) hinted * hinted / group.size());
    }

    private static Candidate evaluate(Shape shape, Walk walk, DomDates dates, String baseUrl) {
        List<Box> group = shape.group();
        ItemDate[] inherited = shape.inherited();
        List<NewsItemDraft> items = new ArrayList<>(group.size());
        Map<String, Boolean> titles = new HashMap<>();
        int valid = 0;
        long text = 0;
        for (int i = 0; i < group.size(); i++) {
            Box box = group.get(i);
            NewsItemDraft item = DomRecord.read(box.element, followers(box, walk), inherited[i], dates, baseUrl);
            items.add(item);
            if (item != null) {
                valid++;
                titles.put(item.title(), Boolean.TRUE);
                text += box.text;
            }
        }
        if (valid < MIN_RECORDS || 2 * valid < group.size()) {
            return null;
        }
        return new Candidate(group, items, valid, titles.size(), group.get(0).depth, (double) text / valid);
    }

    /**
     * The summary paragraphs that follow a record as its siblings: for a record that is a lone heading, the siblings
     * up to the next heading; for a flat record ({@code <p>date: <a>title</a></p><p>summary</p>}, the record being
     * the paragraph or the link alone in it), the siblings of the paragraph's shape that hold no date, link or heading.
     */
    private static List<Element> followers(Box box, Walk walk) {
        boolean heading = HEADINGS.contains(box.element.normalName());
        Box block = box;
        while (!heading && !block.element.isBlock() && block.parent != null && block.parent.links == 1
                && block.parent.headings == 0) {
            block = block.parent;
        }
        List<Element> followers = new ArrayList<>();
        for (Element next = block.element.nextElementSibling(); next != null && followers.size() < 4;
                next = next.nextElementSibling()) {
            Box nextBox = walk.boxes.get(next);
            if (HEADINGS.contains(next.normalName()) || nextBox == null || nextBox.header) {
                break; // the next record, its day header or chrome
            }
            if (heading ? nextBox.path == block.path : nextBox.path != block.path || nextBox.dates > 0
                    || nextBox.links > 0 || nextBox.headings > 0) {
                break;
            }
            followers.add(next);
        }
        return followers;
    }

    /**
     * The date of the nearest day header before the record at its own level or above, up to the level just above
     * the records' common ancestor: a header inside a neighbouring subtree never dates a record.
     */
    private static ItemDate dayHeaderAbove(Box record, Box lca, DomDates dates) {
        for (Box box = record; box != null; box = box.parent) {
            if (box.previousHeader != null && box.previousHeader.path != record.path) {
                return box.previousHeader.headerDate(dates);
            }
            if (box == lca) {
                break;
            }
        }
        return null;
    }

    private static Box commonAncestor(Box a, Box b) {
        while (a.depth > b.depth) {
            a = a.parent;
        }
        while (b.depth > a.depth) {
            b = b.parent;
        }
        while (a != b) {
            a = a.parent;
            b = b.parent;
        }
        return a;
    }

    /**
     * The chosen records plus the dated elements with a heading and a link next to them or next to their list that
     * have another shape (a featured item above or among the teasers), in page order.
     */
    private static List<NewsItemDraft> withDatedSiblings(Candidate best, Walk walk, DomDates dates, String baseUrl) {
        Map<Box, NewsItemDraft> byBox = new IdentityHashMap<>();
        for (int i = 0; i < best.records().size(); i++) {
            if (best.items().get(i) != null) {
                byBox.put(best.records().get(i), best.items().get(i));
            }
        }
        Map<Element, Boolean> parents = new IdentityHashMap<>();
        for (Box record : best.records()) {
            Element parent = record.element.parent();
            Element grandparent = parent == null ? null : parent.parent();
            for (Element level : new Element[] {parent, grandparent}) { // the list's siblings too: a featured item
                if (level == null || parents.put(level, Boolean.TRUE) != null) {
                    continue;
                }
                for (Element sibling : level.children()) {
                    Box box = walk.boxes.get(sibling);
                    if (box == null || box.path == record.path || box.dates == 0 || box.dates > MAX_RECORD_DATES
                            || box.header || box.headings == 0 || box.links == 0 || sibling == parent) {
                        continue;
                    }
                    NewsItemDraft item = DomRecord.read(sibling, List.of(), null, dates, baseUrl);
                    if (item != null) {
                        byBox.put(box, item);
                    }
                }
            }
        }
        return byBox.entrySet().stream()
                .sorted(Comparator.comparingInt(entry -> entry.getKey().index))
                .map(Map.Entry::getValue)
                .toList();
    }

    // ---- the walk -------------------------------------------------------------------------------------------------

    /** One element as the walk saw it: its shape and counts over its subtree (chrome left out). */
    private static final class Box {
        final Element element;
        final Box parent;
        final int index;
        final int depth;
        final int path;
        final boolean inRecordLike;
        /** The last day header among the preceding siblings of this element, or null. */
        final Box previousHeader;
        int text;
        int dates;
        int headings;
        int links;
        boolean header;
        StringBuilder small = new StringBuilder();
        Box lastHeaderChild;
        private ItemDate headerDate;

        Box(Element element, Box parent, int index, int path, boolean inRecordLike) {
            this.element = element;
            this.parent = parent;
            this.index = index;
            this.depth = parent == null ? 0 : parent.depth + 1;
            this.path = path;
            this.inRecordLike = inRecordLike;
            this.previousHeader = parent == null ? null : parent.lastHeaderChild;
        }

        ItemDate headerDate(DomDates dates) {
            if (headerDate == null) {
                String text = small.toString();
                DomDates.Found found = dates.first(text);
                headerDate = found != null ? found.date() : dates.shortField(text);
            }
            return headerDate;
        }
    }

    /** Walks the body once: shapes, counts, day headers, and the elements of each shape in page order. */
    private static final class Walk implements NodeFilter {
        private final DomDates dates;
        private final Map<Element, Box> boxes = new IdentityHashMap<>();
        private final Map<String, Integer> paths = new HashMap<>();
        private final Map<Integer, List<Box>> byPath = new LinkedHashMap<>();
        private Box current;

        Walk(DomDates dates) {
            this.dates = dates;
        }

        Map<Integer, List<Box>> groups() {
            return byPath;
        }

        @Override
        public FilterResult head(Node node, int depth) {
            if (node instanceof TextNode textNode) {
                if (current != null) {
                    text(textNode);
                }
                return FilterResult.CONTINUE;
            }
            if (!(node instanceof Element element)) {
                return FilterResult.SKIP_ENTIRELY;
            }
            if (isChrome(element) || isPageHeaderOrFooter(element)) {
                return FilterResult.SKIP_ENTIRELY;
            }
            String name = element.normalName();
            int path = paths.computeIfAbsent((current == null ? "" : current.path + ">") + shape(element),
                    key -> paths.size());
            boolean recordLike = current != null && current.inRecordLike || name.equals("article") || name.equals("li");
            Box box = new Box(element, current, boxes.size(), path, recordLike);
            boxes.put(element, box);
            byPath.computeIfAbsent(path, key -> new ArrayList<>()).add(box);
            if (name.equals("time") && element.hasAttr("datetime")
                    && parseDateTime(element.attr("datetime"), dates) != null) {
                box.dates++;
            }
            current = box;
            return FilterResult.CONTINUE;
        }

        @Override
        public FilterResult tail(Node node, int depth) {
            if (current == null || node != current.element) {
                return FilterResult.CONTINUE;
            }
            Box box = current;
            String name = box.element.normalName();
            if (box.text > 0 && HEADINGS.contains(name)) {
                box.headings++;
            }
            // a script link still makes its text a title (the item is kept, its link becomes the page's); only in-page
            // and empty links are not links
            if (box.text > 0 && name.equals("a") && DomRecord.leadsSomewhere(box.element)) {
                box.links++;
            }
            box.header = box.dates > 0 && box.text <= HEADER_TEXT && isDayHeader(box);
            Box parent = box.parent;
            if (parent != null) {
                parent.text += box.text;
                parent.dates += box.dates;
                parent.headings += box.headings;
                parent.links += box.links;
                if (box.header) {
                    parent.lastHeaderChild = box;
                }
                if (parent.small != null) {
                    if (box.small == null || parent.small.length() + box.small.length() + 1 > SMALL_TEXT) {
                        parent.small = null;
                    } else {
                        parent.small.append(' ').append(box.small).append(' ');
                    }
                }
            }
            if (!box.header) {
                box.small = null; // only day headers need their text later
            }
            current = parent;
            return FilterResult.CONTINUE;
        }

        private void text(TextNode textNode) {
            String raw = textNode.getWholeText();
            int visible = 0;
            boolean digits = false;
            for (int i = 0; i < raw.length(); i++) {
                char ch = raw.charAt(i);
                visible += Character.isWhitespace(ch) || ch == '\u00a0' ? 0 : 1;
                digits |= DateGrammar.isDigit(ch);
            }
            if (visible == 0) {
                return;
            }
            current.text += visible;
            if (digits) { // every date has a day or a year in digits
                dates.observe(raw);
                if (dates.first(raw) != null || dates.shortField(raw) != null) {
                    current.dates++;
                }
            }
            if (current.small != null) {
                if (current.small.length() + raw.length() > SMALL_TEXT) {
                    current.small = null;
                } else {
                    current.small.append(raw);
                }
            }
        }

        /** A short text that is a date and little else ("Wed, 10 Nov 2021", "Posted: 3 May 2016"). */
        private boolean isDayHeader(Box box) {
            if (box.small == null || box.headings > 1 || box.links > 1) {
                return false;
            }
            String text = TextSanitizer.collapse(box.small);
            DomDates.Found found = dates.first(text);
            if (found == null) {
                return dates.shortField(text) != null;
            }
            int extra = 0;
            for (int i = 0; i < text.length(); i++) {
                if ((i < found.start() || i >= found.end()) && Character.isLetterOrDigit(text.charAt(i))) {
                    extra++;
                }
            }
            return extra <= HEADER_EXTRA;
        }

        /** The page's own header and footer; an article's or list item's header is part of it. */
        private boolean isPageHeaderOrFooter(Element element) {
            return (element.nameIs("header") || element.nameIs("footer")) && (current == null || !current.inRecordLike);
        }
    }

    /**
     * The shape of an element: its tag and its first class name that says what it is, without digits
     * ({@code views-row views-row-1 views-row-odd} and {@code cat-list-row0} are {@code views-row} and
     * {@code cat-list-row}).
     */
    static String shape(Element element) {
        String name = element.normalName();
        String classes = element.attr("class");
        if (classes.isEmpty()) {
            return name;
        }
        int start = 0;
        while (start < classes.length()) {
            while (start < classes.length() && Character.isWhitespace(classes.charAt(start))) {
                start++;
            }
            int end = start;
            while (end < classes.length() && !Character.isWhitespace(classes.charAt(end))) {
                end++;
            }
            String plain = stripDigits(classes.substring(start, end).toLowerCase(Locale.ROOT));
            if (!plain.isEmpty() && !STATE_CLASSES.contains(plain)) {
                return name + "." + plain;
            }
            start = end;
        }
        return name;
    }

    private static String stripDigits(String token) {
        StringBuilder plain = new StringBuilder(token.length());
        for (int i = 0; i < token.length(); i++) {
            char ch = token.charAt(i);
            if (!DateGrammar.isDigit(ch)) {
                plain.append(ch);
            }
        }
        int end = plain.length();
        while (end > 0 && (plain.charAt(end - 1) == '-' || plain.charAt(end - 1) == '_')) {
            end--;
        }
        return plain.substring(0, end);
    }
}
