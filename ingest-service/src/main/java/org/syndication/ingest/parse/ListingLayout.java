package org.syndication.ingest.parse;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The layout rules: turns the lines of one document into news items. Item starts are found line by line
 * ({@link AnchorFinder}); each item then takes its title from the anchor line or a neighbouring line, and its body
 * from the lines up to the next item, without chrome. The rules cover listing pages (many items) and press releases
 * (one item headed by a dateline) alike.
 */
final class ListingLayout {

    /** Text after a heading date longer than this, with a sentence break, is a first paragraph, not a title. */
    private static final int MAX_INLINE_TITLE = 160;

    private static final int MAX_TITLE_LENGTH = 250;

    /** Most words of a label after a date ("News", "Crimes Ambientais", "Auxílio à Imigração Ilegal"). */
    private static final int MAX_LABEL_WORDS = 5;

    /** A site header's "today" date stands in the page's first lines (site name, skip links, the date). */
    private static final int HEADER_DATE_LINES = 5;

    /** Words that open a byline: "By Ann Lee", "Par Julien Marchand", "Von Anna Roth", "Por Redacción". */
    private static final Set<String> BYLINE_WORDS = Set.of("by", "par", "por", "von", "door", "di", "av");

    /** Most lines between two dates of a box beside the listing (an event's title above its date). */
    private static final int MAX_BOX_GAP = 1;

    /** Most words of a byline: the authors' names and perhaps their roles. */
    private static final int MAX_BYLINE_WORDS = 12;

    private final DateGrammar grammar;
    private final AnchorFinder anchors;

    ListingLayout(DateGrammar grammar) {
        this.grammar = grammar;
        this.anchors = new AnchorFinder(grammar);
    }

    List<NewsItemDraft> assemble(List<Line> rawLines) {
        return read(rawLines, null).items();
    }

    /**
     * Reads the lines into items and says how: the record template and the dropped lines (only when {@code dropped}
     * is given: the preview asks for them, ordinary ingestion does not pay for them).
     */
    PageReading read(List<Line> rawLines, List<PageReading.DroppedLine> dropped) {
        List<Line> lines = withDateBadgesJoined(withoutChrome(rawLines, dropped));
        DateGrammar pageGrammar = PageDates.grammarFor(lines, grammar);
        ItemAnchor[] anchorAt = new ItemAnchor[lines.size()];
        List<ItemAnchor> found = findAnchors(lines, pageGrammar, anchorAt);
        if (found.size() < 2) { // dates without a year ("3 May"), the year from the page
            LocalDate newest = newestContext(lines, found);
            if (newest != null) {
                ItemAnchor[] yearless = new ItemAnchor[lines.size()];
                List<ItemAnchor> more = findAnchors(lines, pageGrammar.withYearFromContext(newest), yearless);
                if (more.size() > found.size()) {
                    found = more;
                    System.arraycopy(yearless, 0, anchorAt, 0, yearless.length);
                }
            }
        }
        if (found.isEmpty()) { // a page dated by month only ("September 2017"), and only then
            found = findAnchors(lines, pageGrammar.withMonthOnly(), anchorAt);
        }
        if (found.isEmpty()) {
            return new PageReading(List.of(), "text", "no item found", 0, dropped == null ? List.of() : dropped);
        }
        found = withoutHeaderDate(found, anchorAt, lines, dropped);
        found = withoutUpdateDates(found, anchorAt, lines, dropped);
        found = withoutSummaryDatelines(found, anchorAt);
        found = withoutSidebarAfterList(found, anchorAt, lines, dropped);
        found = withRepeatedRestsAsMeta(found, lines, anchorAt);
        RecordTemplate template = RecordTemplate.infer(lines, found, anchorAt);
        Map<String, RecordTemplate> templates = templatesByShape(lines, found, anchorAt);
        List<Draft> drafts = new ArrayList<>();
        int claimed = -1; // lines up to here belong to earlier items
        for (ItemAnchor anchor : found) {
            RecordTemplate own = templates.isEmpty() ? template
                    : templates.getOrDefault(dateLineShape(anchor, lines), template);
            Draft draft = headOf(anchor, lines, anchorAt, claimed, own, drafts.isEmpty(), found.size() == 1);
            if (draft != null) {
                drafts.add(draft);
                claimed = Math.max(anchor.line(), draft.titleLine);
            }
        }
        drafts = withDateGroupsSplit(drafts, lines, template);
        List<NewsItemDraft> items = bodies(drafts, lines, template, dropped);
        if (dropped != null) {
            int first = drafts.isEmpty() ? lines.size() : drafts.get(0).startLine();
            for (int i = first - 1; i >= 0; i--) {
                drop(dropped, lines.get(i).text(), "before the first item (page header)", 0);
            }
            for (ItemAnchor anchor : found) {
                if (anchor.kind() == ItemAnchor.Kind.META) {
                    drop(dropped, lines.get(anchor.line()).text(), "metadata line: gave its item's date", -1);
                }
            }
        }
        return new PageReading(items, "text", template.describe(), found.size(),
                dropped == null ? List.of() : dropped);
    }

    /** Notes a dropped line for the preview, at {@code position} (-1: at the end), up to the preview's limit. */
    private static void drop(List<PageReading.DroppedLine> dropped, String text, String reason, int position) {
        if (dropped != null && dropped.size() < PageReading.MAX_DROPPED) {
            PageReading.DroppedLine line = new PageReading.DroppedLine(text, reason);
            if (position < 0) {
                dropped.add(line);
            } else {
                dropped.add(position, line);
            }
        }
    }

    /**
     * The day that dates without a year must not pass: the page's newest item date, else the end of the year the page
     * names most often (in a title, a header); null when the page gives no year at all.
     */
    private static LocalDate newestContext(List<Line> lines, List<ItemAnchor> found) {
        LocalDate newest = null;
        for (ItemAnchor anchor : found) {
            LocalDate day = anchor.date().end() != null ? anchor.date().end() : anchor.date().start();
            newest = newest == null || day.isAfter(newest) ? day : newest;
        }
        if (newest != null) {
            return newest;
        }
        Map<Integer, Integer> years = new HashMap<>();
        int latest = LocalDate.now(ZoneOffset.UTC).getYear() + 1;
        for (Line line : lines) {
            String text = line.text();
            for (int i = 0; i + 4 <= text.length(); i++) {
                boolean bounded = (i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1)))
                        && (i + 4 == text.length() || !Character.isLetterOrDigit(text.charAt(i + 4)));
                if (bounded && DateGrammar.isDigit(text.charAt(i)) && DateGrammar.isDigit(text.charAt(i + 1))
                        && DateGrammar.isDigit(text.charAt(i + 2)) && DateGrammar.isDigit(text.charAt(i + 3))) {
                    int year = Integer.parseInt(text, i, i + 4, 10);
                    if (year >= DateGrammar.MIN_YEAR && year <= latest) {
                        years.merge(year, 1, Integer::sum);
                    }
                }
            }
        }
        return years.entrySet().stream().max(Map.Entry.<Integer, Integer>comparingByValue()
                        .thenComparing(Map.Entry.comparingByKey()))
                .map(e -> LocalDate.of(e.getKey(), 12, 31)).orElse(null);
    }

    /** Every line's anchor with a plausible date (from 1900 to a year ahead), in page order. */
    private List<ItemAnchor> findAnchors(List<Line> lines, DateGrammar pageGrammar, ItemAnchor[] anchorAt) {
        LocalDate latest = LocalDate.now(ZoneOffset.UTC).plusYears(1);
        List<ItemAnchor> found = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            anchorAt[i] = null;
            Optional<ItemAnchor> anchor = anchors.find(i, lines.get(i).text(), pageGrammar);
            if (anchor.isPresent() && !anchor.get().date().start().isAfter(latest)) {
                found.add(anchor.get());
                anchorAt[i] = anchor.get();
            }
        }
        return found;
    }

    /**
     * Drops a site header's "today" date: the first anchor, near the top, either of a kind no other anchor has and
     * later than every item below it, or alone on the page in naming its day of the week ("Friday, December 8, 2023"
     * above items dated "Dec. 7, 2023"; an events page may list items later than its today) with the site's own
     * lines under it ("Subscribe | Sign in", a menu), not a headline: under a headline it is a top story's date.
     */
    private static List<ItemAnchor> withoutHeaderDate(List<ItemAnchor> found, ItemAnchor[] anchorAt, List<Line> lines,
                                                      List<PageReading.DroppedLine> dropped) {
        if (found.size() < 2 || found.get(0).line() > HEADER_DATE_LINES) {
            return found;
        }
        ItemAnchor first = found.get(0);
        List<ItemAnchor> others = found.subList(1, found.size());
        boolean laterOfItsKind = first.line() <= 2 && others.stream().allMatch(other -> other.kind() != first.kind()
                && first.date().start().isAfter(other.date().start().plusMonths(6)));
        boolean onlyWeekday = first.kind() == ItemAnchor.Kind.DATE_ONLY
                && DateGrammar.opensWithWeekday(lines.get(first.line()).text())
                && others.stream().noneMatch(other -> DateGrammar.opensWithWeekday(lines.get(other.line()).text()))
                && !headlineFollows(first, lines);
        if (!laterOfItsKind && !onlyWeekday) {
            return found;
        }
        anchorAt[first.line()] = null;
        drop(dropped, lines.get(first.line()).text(), "site header date: the day the page was made", -1);
        lines.set(first.line(), Line.plain("")); // neither a title nor a body line
        return found.subList(1, found.size());
    }

    /** Whether the line after an anchor reads as a headline: a title-like line of four words or more. */
    private static boolean headlineFollows(ItemAnchor anchor, List<Line> lines) {
        int next = anchor.line() + 1;
        while (next < lines.size() && lines.get(next).text().isEmpty()) {
            next++;
        }
        if (next >= lines.size() || titleScore(lines.get(next)) < 2) {
            return false;
        }
        String text = lines.get(next).text();
        long words = Arrays.stream(text.split("\\s+")).filter(w -> w.chars().anyMatch(Character::isLetter)).count();
        return words >= 4 && text.indexOf('|') < 0; // "Subscribe | Sign in" is the site's menu
    }

    /**
     * A date badge that a page's markup splits over lines ("17" / "apr" / "2025", "APR" / "17" / "2025", "17" /
     * "apr 2025") joined into one date line; every other line stays as it is.
     */
    static List<Line> withDateBadgesJoined(List<Line> lines) {
        List<Line> joined = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            String a = lines.get(i).text();
            String b = i + 1 < lines.size() ? lines.get(i + 1).text() : "";
            String c = i + 2 < lines.size() ? lines.get(i + 2).text() : "";
            if ((isDayNumber(a) && DateGrammar.isMonthWord(b) || DateGrammar.isMonthWord(a) && isDayNumber(b))
                    && isYearNumber(c)) {
                joined.add(Line.plain(a + " " + b + " " + c, lines.get(i).afterGap()));
                i += 2;
            } else if (isDayNumber(a) && b.indexOf(' ') > 0 && DateGrammar.isMonthWord(b.substring(0, b.indexOf(' ')))
                    && isYearNumber(b.substring(b.indexOf(' ') + 1))) {
                joined.add(Line.plain(a + " " + b, lines.get(i).afterGap()));
                i += 1;
            } else {
                joined.add(lines.get(i));
            }
        }
        return joined;
    }

    private static boolean isDayNumber(String text) {
        String day = text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
        return day.length() >= 1 && day.length() <= 2 && day.chars().allMatch(ch -> DateGrammar.isDigit((char) ch))
                && Integer.parseInt(day) >= 1 && Integer.parseInt(day) <= 31;
    }

    private static boolean isYearNumber(String text) {
        return text.length() == 4 && text.chars().allMatch(ch -> DateGrammar.isDigit((char) ch))
                && Integer.parseInt(text) >= DateGrammar.MIN_YEAR && Integer.parseInt(text) <= DateGrammar.MAX_YEAR;
    }

    /**
     * A template for each shape of date line, when a page mixes two kinds of record with two or more of each (untitled
     * incident reports under "04.06.2021 | 22:40 UTC" beside news under their headline and "Published 16:05 CEST, 3
     * June 2021"); empty on a page of one kind, whose single template serves every item.
     */
    private static Map<String, RecordTemplate> templatesByShape(List<Line> lines, List<ItemAnchor> found,
                                                               ItemAnchor[] anchorAt) {
        Map<String, List<ItemAnchor>> byShape = new HashMap<>();
        for (ItemAnchor anchor : found) {
            if (anchor.kind() == ItemAnchor.Kind.DATE_ONLY || anchor.kind() == ItemAnchor.Kind.META) {
                byShape.computeIfAbsent(dateLineShape(anchor, lines), shape -> new ArrayList<>()).add(anchor);
            }
        }
        if (byShape.size() < 2 || byShape.values().stream().anyMatch(group -> group.size() < 2)) {
            return Map.of();
        }
        // first each kind alone: where its titles stand; a line two kinds reach is the nearer date line's title
        int[] distance = new int[lines.size()];
        String[] owner = new String[lines.size()];
        byShape.forEach((shape, group) -> {
            RecordTemplate alone = RecordTemplate.infer(lines, group, anchorAt);
            int claimed = -1;
            for (ItemAnchor anchor : group) {
                int title = alone.titleLine(anchor, claimed);
                int away = Math.abs(title - anchor.line());
                if (title >= 0 && (owner[title] == null || away < distance[title])) {
                    owner[title] = shape;
                    distance[title] = away;
                }
                claimed = anchor.line();
            }
        });
        Map<String, RecordTemplate> templates = new HashMap<>();
        byShape.forEach((shape, group) -> { // then each kind again, the other kinds' titles out of its reach
            boolean[] others = new boolean[lines.size()];
            for (int i = 0; i < others.length; i++) {
                others[i] = owner[i] != null && !owner[i].equals(shape);
            }
            templates.put(shape, RecordTemplate.infer(lines, group, anchorAt, others));
        });
        return templates;
    }

    /** A date line's shape: its first word ("published"), or "#" when it opens with a number. */
    private static String dateLineShape(ItemAnchor anchor, List<Line> lines) {
        String text = lines.get(anchor.line()).text();
        if (text.isEmpty() || !Character.isLetter(text.charAt(0))) {
            return "#";
        }
        int end = 0;
        while (end < text.length() && Character.isLetter(text.charAt(end))) {
            end++;
        }
        return text.substring(0, end).toLowerCase(Locale.ROOT);
    }

    /**
     * A box after the listing under its own heading ("Upcoming events", "Événements à venir", "Latest news") lists
     * other dated things in another shape: its dates, when their kind differs from the listing's and they follow the
     * heading and each other closely (a line of title between them at most), are not items of the page. The listing
     * needs two items before the heading.
     */
    private static List<ItemAnchor> withoutSidebarAfterList(List<ItemAnchor> found, ItemAnchor[] anchorAt,
                                                            List<Line> lines, List<PageReading.DroppedLine> dropped) {
        if (found.size() < 3) {
            return found;
        }
        Map<ItemAnchor.Kind, Integer> kinds = new EnumMap<>(ItemAnchor.Kind.class);
        for (int k = 0; k < found.size(); k++) {
            ItemAnchor anchor = found.get(k);
            int from = k == 0 ? 0 : found.get(k - 1).line() + 1;
            int heading = -1;
            for (int i = from; i < anchor.line() && k >= 2; i++) {
                heading = PageChrome.isSidebarHeading(lines.get(i).text()) ? i : heading;
            }
            if (heading >= 0) {
                ItemAnchor.Kind listing = kinds.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow()
                        .getKey();
                List<ItemAnchor> kept = new ArrayList<>(found.subList(0, k));
                int boxEnd = heading;
                for (ItemAnchor after : found.subList(k, found.size())) {
                    if (after.kind() != listing && after.line() - boxEnd <= MAX_BOX_GAP + 1) {
                        anchorAt[after.line()] = null;
                        boxEnd = after.line();
                        drop(dropped, lines.get(after.line()).text(), "after the listing, under \""
                                + lines.get(heading).text() + "\" (a sidebar)", -1);
                    } else {
                        kept.add(after);
                        boxEnd = -MAX_BOX_GAP - 2; // the box has ended
                    }
                }
                return kept;
            }
            kinds.merge(anchor.kind(), 1, Integer::sum);
        }
        return found;
    }

    /**
     * A dateline right under an item's own date line, with the same date, opens that item's summary ("News | 14 Mar
     * 2022 | 4 min read" then "LEEDS, 14 March 2022 – Detectives ..."): it is body text, not a second item.
     */
    private static List<ItemAnchor> withoutSummaryDatelines(List<ItemAnchor> found, ItemAnchor[] anchorAt) {
        List<ItemAnchor> kept = new ArrayList<>(found.size());
        ItemAnchor previous = null;
        for (ItemAnchor anchor : found) {
            boolean summary = previous != null && anchor.kind() == ItemAnchor.Kind.DATELINE && anchor.rest() != null
                    && (previous.kind() == ItemAnchor.Kind.META || previous.kind() == ItemAnchor.Kind.DATE_ONLY)
                    && anchor.line() - previous.line() <= 2
                    && anchor.date().start().equals(previous.date().start());
            if (summary) {
                anchorAt[anchor.line()] = null;
            } else {
                kept.add(anchor);
                previous = anchor;
            }
        }
        return kept.size() == found.size() ? found : kept;
    }

    /**
     * Drops the dates a page labels as updates ("Updated September 5, 2019" under the list, "Page last
     * reviewed/updated: 05/11/2022") when other dates of the page are not: those are the items' own. A page whose
     * every date is an update keeps them (some sites show nothing else).
     */
    private static List<ItemAnchor> withoutUpdateDates(List<ItemAnchor> found, ItemAnchor[] anchorAt, List<Line> lines,
                                                       List<PageReading.DroppedLine> dropped) {
        List<ItemAnchor> kept = new ArrayList<>(found.size());
        List<ItemAnchor> updates = new ArrayList<>();
        for (ItemAnchor anchor : found) {
            (AnchorFinder.isUpdateLabelled(lines.get(anchor.line()).text()) ? updates : kept).add(anchor);
        }
        if (kept.isEmpty() || updates.isEmpty()) {
            return found;
        }
        for (ItemAnchor update : updates) {
            anchorAt[update.line()] = null;
            drop(dropped, lines.get(update.line()).text(), "an update date, not an item's", -1);
        }
        return kept;
    }

    /**
     * Text after a date that repeats on the page with only its numbers changed ("Dave 0", "Dave 1") is metadata
     * (an author and a comment count), not a title: such lines are metadata lines.
     */
    private static List<ItemAnchor> withRepeatedRestsAsMeta(List<ItemAnchor> found, List<Line> lines,
                                                            ItemAnchor[] anchorAt) {
        Map<String, Integer> shapes = new HashMap<>();
        for (ItemAnchor anchor : found) {
            if (isMetaShaped(anchor)) {
                shapes.merge(shape(anchor.rest()), 1, Integer::sum);
            }
        }
        List<ItemAnchor> result = new ArrayList<>(found.size());
        for (ItemAnchor anchor : found) {
            boolean repeated = isMetaShaped(anchor) && shapes.getOrDefault(shape(anchor.rest()), 0) >= 2;
            boolean labelAfterPipe = anchor.kind() == ItemAnchor.Kind.HEADED && isLabelAfterPipe(anchor, lines);
            if (repeated || labelAfterPipe) {
                ItemAnchor meta = new ItemAnchor(anchor.line(), ItemAnchor.Kind.META, anchor.date(), null, null);
                anchorAt[anchor.line()] = meta;
                result.add(meta);
            } else {
                result.add(anchor);
            }
        }
        return result;
    }

    /** {@code 8 July, 2016 | News Releases} under a title: a section label after the date, not a title. */
    private static boolean isLabelAfterPipe(ItemAnchor anchor, List<Line> lines) {
        String text = lines.get(anchor.line()).text();
        int pipe = text.indexOf('|');
        if (pipe < 0 || !text.substring(pipe + 1).strip().equals(anchor.rest())
                || anchor.rest().split("\\s+").length > 3 || anchor.line() == 0) {
            return false;
        }
        return titleScore(lines.get(anchor.line() - 1)) >= 2;
    }

    /** A short text after a heading date, of at most three words: a name and a count, never a headline. */
    private static boolean isMetaShaped(ItemAnchor anchor) {
        return anchor.kind() == ItemAnchor.Kind.HEADED && anchor.rest().length() <= 40
                && anchor.rest().split("\\s+").length <= 3;
    }

    /** A text with its numbers as {@code #}, lower case: the same shape is the same furniture with other numbers. */
    static String shape(String rest) {
        return rest.toLowerCase(Locale.ROOT).replaceAll("\\d+", "#");
    }

    /** Drops chrome lines (a dropped "more" link's target moves to the line before it) and photo credits. */
    private static List<Line> withoutChrome(List<Line> rawLines, List<PageReading.DroppedLine> dropped) {
        List<String> texts = new ArrayList<>(rawLines.size());
        rawLines.forEach(line -> texts.add(line.text()));
        PhotoCredits credits = PhotoCredits.learn(texts);
        List<Line> kept = new ArrayList<>(rawLines.size());
        boolean gap = false; // a blank line before a dropped line stands before the next kept one
        for (Line line : rawLines) {
            String text = credits.strip(line.text());
            gap |= line.afterGap();
            if (text.isEmpty() || PageChrome.isChromeLine(text)) {
                if (!text.isEmpty()) {
                    drop(dropped, text, "page chrome (navigation, credit, more link, boilerplate)", -1);
                }
                if (!line.links().isEmpty() && !kept.isEmpty() && PageChrome.isMoreLink(text)) {
                    Line previous = kept.remove(kept.size() - 1);
                    List<Line.Link> links = new ArrayList<>(previous.links());
                    links.addAll(line.links());
                    kept.add(new Line(previous.text(), previous.heading(), links));
                }
                continue;
            }
            text = PageChrome.stripGluedMore(text);
            kept.add(text.equals(line.text()) && gap == line.afterGap() ? line
                    : new Line(text, line.heading(), line.links(), gap));
            gap = false;
        }
        return kept;
    }

    /** A line naming an item's authors ("By Ann Lee", "Par Julien Marchand et Sofia Van den Berg"): never a title. */
    static boolean isByline(String text) {
        String[] words = text.split("\\s+");
        return words.length >= 2 && words.length <= MAX_BYLINE_WORDS
                && BYLINE_WORDS.contains(words[0].toLowerCase(Locale.ROOT))
                && Character.isUpperCase(words[1].charAt(0)) && !text.endsWith(".");
    }

    /**
     * A byline or metadata row: present in some records of a page and not in others, so it does not count when the
     * template measures where a title stands from its date.
     */
    static boolean isMetaLine(String text) {
        return isByline(text) || isMetadataRow(text) || AnchorFinder.isAuthorList(text);
    }

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
                || isByline(text) || isCategoryPath(text)) {
            return 0;
        }
        if (length <= 200 && !text.endsWith(".")) {
            return 2;
        }
        return length <= 160 ? 1 : 0;
    }

    /** The date, title and first paragraph of one item; null when the anchor has no usable title. */
    private static Draft headOf(ItemAnchor anchor, List<Line> lines, ItemAnchor[] anchorAt, int claimed,
                                RecordTemplate template, boolean first, boolean only) {
        int at = anchor.line();
        int prev = at - 1 > claimed && at - 1 >= 0 && anchorAt[at - 1] == null ? at - 1 : -1;
        int next = at + 1 < lines.size() && anchorAt[at + 1] == null ? at + 1 : -1;
        String rest = anchor.rest();
        switch (anchor.kind()) {
            case HEADED -> {
                boolean paragraph = isParagraph(rest) || (endsSentence(rest) && rest.split("\\s+").length > 8)
                        || hasSecondSentence(rest);
                if (paragraph && prev >= 0 && titleScore(lines.get(prev)) >= 2
                        && (first || !template.titleBeforeDate() || prev > claimed)) {
                    return new Draft(anchor, lines.get(prev).text(), prev, rest); // "Title" / "3 May 2016 - The ..."
                }
                if (template.titleBeforeDate() && prev >= 0 && titleScore(lines.get(prev)) >= 2
                        && rest.split("\\s+").length <= MAX_LABEL_WORDS && !endsSentence(rest)
                        && lines.get(prev).text().length() > rest.length()) {
                    // "6 de maio de 2022 | Auxílio à Imigração Ilegal" under its title, on a page whose titles
                    // stand above their dates: a category label longer than the others, not the item's title
                    return new Draft(anchor, lines.get(prev).text(), prev, null);
                }
                if (!isParagraph(rest) && !hasSecondSentence(rest)) {
                    return new Draft(anchor, TitleDeriver.headlineCell(rest), -1, null);
                }
                return new Draft(anchor, TitleDeriver.fromParagraph(rest), -1, rest);
            }
            case DATE_ONLY, META -> {
                int title = template.titleLine(anchor, claimed);
                if (title >= 0) {
                    return new Draft(anchor, lines.get(title).text(), title, null);
                }
                int body = next;
                String place = null;
                while (body >= 0 && body < lines.size() && anchorAt[body] == null
                        && (isLabel(lines.get(body).text()) || lines.get(body).text().isEmpty()
                        || (place == null && isPlaceLine(lines.get(body).text())))) {
                    place = isPlaceLine(lines.get(body).text()) ? lines.get(body).text() : place;
                    body++;
                }
                if (body < 0 || body >= lines.size() || anchorAt[body] != null) {
                    if (only && prev >= 0 && !lines.get(prev).text().isEmpty()) { // the text stands above its date
                        return new Draft(anchor, TitleDeriver.fromParagraph(lines.get(prev).text()), prev,
                                lines.get(prev).text());
                    }
                    return null;
                }
                ItemAnchor placed = place == null ? anchor : new ItemAnchor(anchor.line(), anchor.kind(),
                        anchor.date(), anchor.rest(), place.replaceAll("[.,]+$", ""));
                return new Draft(placed, TitleDeriver.fromParagraph(lines.get(body).text()), -1, null);
            }
            case TRAILING -> {
                return new Draft(anchor, rest, -1, null);
            }
            default -> { // DATELINE
                boolean restIsTitle = rest != null && !isParagraph(rest) && !endsSentence(rest);
                if (restIsTitle && (prev < 0 || !lines.get(prev).heading())) {
                    return new Draft(anchor, rest, -1, null); // "Vienna, 3 March 2019: Title"
                }
                if (prev >= 0 && titleScore(lines.get(prev)) >= 1) {
                    return new Draft(anchor, lines.get(prev).text(), prev, rest);
                }
                if (rest != null) {
                    return new Draft(anchor, TitleDeriver.fromParagraph(rest), -1, rest);
                }
                if (next >= 0 && titleScore(lines.get(next)) >= 2) {
                    return new Draft(anchor, lines.get(next).text(), next, null);
                }
                return next >= 0 ? new Draft(anchor, TitleDeriver.fromParagraph(lines.get(next).text()), -1, null) : null;
            }
        }
    }

    /**
     * A date heading over several stories ({@code 14 March 2024}, then a kicker, a headline, its standfirst, another
     * kicker and headline ..., or a day's list of releases): every headline of the group is an item of that date. A
     * line after a headline is its deck when it is much longer or holds a sentence; a further headline is about as
     * long as the group's first and no sentence. Only where most groups between two date lines hold more than one
     * headline: on other pages such a line is a subtitle, and after the last date line the page's footer follows.
     */
    private static List<Draft> withDateGroupsSplit(List<Draft> drafts, List<Line> lines, RecordTemplate template) {
        if (template.titleBeforeDate() || drafts.size() < 3) {
            return drafts;
        }
        int withDeck = 0;
        for (Draft draft : drafts) {
            int after = draft.titleLine + 1;
            if (draft.titleLine > draft.anchor.line() && after < lines.size()) {
                int headlineWords = wordCount(lines.get(draft.titleLine).text());
                boolean deck = wordCount(lines.get(after).text()) > headlineWords
                        || !isGroupHeadline(lines.get(after), headlineWords);
                withDeck += deck ? 1 : 0;
            }
        }
        boolean decks = withDeck * 2 > drafts.size(); // a headline's next line is its deck (standfirst) on this page
        List<List<Draft>> groups = new ArrayList<>(drafts.size());
        int grouped = 0;
        for (int k = 0; k + 1 < drafts.size(); k++) {
            List<Draft> more = furtherHeadlines(drafts.get(k), drafts.get(k + 1).startLine(), lines, decks);
            groups.add(more);
            grouped += more.isEmpty() ? 0 : 1;
        }
        if (grouped * 2 < drafts.size() - 1) {
            return drafts;
        }
        List<Draft> result = new ArrayList<>(drafts.size() * 2);
        for (int k = 0; k < drafts.size(); k++) {
            result.add(drafts.get(k));
            if (k < groups.size()) {
                result.addAll(groups.get(k));
            }
        }
        return result;
    }

    private static List<Draft> furtherHeadlines(Draft draft, int end, List<Line> lines, boolean decks) {
        if (draft.anchor.kind() != ItemAnchor.Kind.DATE_ONLY || draft.titleLine <= draft.anchor.line()) {
            return List.of();
        }
        List<Draft> more = new ArrayList<>();
        int headlineWords = wordCount(lines.get(draft.titleLine).text());
        int previous = draft.titleLine;
        for (int i = draft.titleLine + 1; i < end; i++) {
            if (decks && i == previous + 1) {
                continue;
            }
            String text = lines.get(i).text();
            if (isGroupHeadline(lines.get(i), headlineWords)) {
                ItemAnchor own = new ItemAnchor(i, ItemAnchor.Kind.DATE_ONLY, draft.anchor.date(), null, null);
                more.add(new Draft(own, text, i, null));
                previous = i;
            }
        }
        return more;
    }

    /** A line as long as a group's first headline, give or take half, and no sentence. */
    private static boolean isGroupHeadline(Line line, int headlineWords) {
        String text = line.text();
        int words = wordCount(text);
        return !endsSentence(text) && !text.contains(". ") && titleScore(line) >= 2 && words >= 5
                && words * 2 >= headlineWords && words <= headlineWords * 3 / 2;
    }

    static int wordCount(String text) {
        return text.split("\\s+").length;
    }

    /** Whether text after a date holds a second sentence ("Council approves budget. The vote was ..."). */
    private static boolean hasSecondSentence(String rest) {
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
        return text.length() <= 40 && text.split("\\s+").length <= 4 && !endsSentence(text);
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
        String[] words = name.split("\\s+");
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
        return text.substring(cut + 3).strip().split("\\s+").length <= 2;
    }

    private static boolean endsSentence(String text) {
        char last = text.charAt(text.length() - 1);
        return last == '.' || last == '!' || last == '?';
    }

    /** Whether text after a date is an opening paragraph rather than a title. */
    private static boolean isParagraph(String rest) {
        if (rest.length() <= MAX_INLINE_TITLE) {
            return false;
        }
        int stop = rest.indexOf(". ");
        return rest.length() > MAX_TITLE_LENGTH || (stop > 0 && stop < rest.length() - 2);
    }

    /** Gives every item the lines between its head and the next item's head as its body. */
    private static List<NewsItemDraft> bodies(List<Draft> drafts, List<Line> lines, RecordTemplate template,
                                              List<PageReading.DroppedLine> dropped) {
        List<List<String>> paragraphs = new ArrayList<>();
        List<String> links = new ArrayList<>();
        int endingWithMore = 0;
        for (int k = 0; k < drafts.size(); k++) {
            Draft draft = drafts.get(k);
            int from = draft.startLine();
            int to = k + 1 < drafts.size() ? drafts.get(k + 1).startLine() : lines.size();
            List<String> body = new ArrayList<>();
            if (draft.firstParagraph != null) {
                body.add(draft.firstParagraph);
            }
            for (int i = from; i < to; i++) {
                boolean label = isLabel(lines.get(i).text());
                if (label && i != draft.anchor.line()) {
                    drop(dropped, lines.get(i).text(), "label line (name: value)", -1);
                }
                boolean skipped = label || lines.get(i).text().isEmpty()
                        || (draft.anchor.place() != null && lines.get(i).text().startsWith(draft.anchor.place())
                        && isPlaceLine(lines.get(i).text()));
                if (i != draft.anchor.line() && i != draft.titleLine && !skipped) {
                    String text = lines.get(i).text();
                    body.add(body.isEmpty() ? PhotoCredits.stripGluedCaption(text) : text);
                }
            }
            boolean nextInGroup = k + 1 < drafts.size()
                    && drafts.get(k + 1).anchor.line() == drafts.get(k + 1).titleLine;
            if (k + 1 < drafts.size() && (template.titleBeforeDate() || nextInGroup)) { // the next item's kicker
                while (body.size() > 1 && isKicker(body.get(body.size() - 1))) {
                    drop(dropped, body.remove(body.size() - 1), "kicker or category above the next title", -1);
                }
            }
            while (!body.isEmpty() && PageChrome.isDanglingLabel(body.get(body.size() - 1))) {
                body.remove(body.size() - 1);
            }
            if (!body.isEmpty() && PageChrome.endsWithMore(body.get(body.size() - 1))) {
                endingWithMore++;
            }
            paragraphs.add(body);
            links.add(linkOf(draft, lines, from, to));
        }
        // Summaries that end in a "more" link mark a listing layout; only then is a glued "more" a link, not a word.
        boolean moreLayout = drafts.size() > 1 && endingWithMore * 2 >= drafts.size();
        List<NewsItemDraft> items = new ArrayList<>(drafts.size());
        for (int k = 0; k < drafts.size(); k++) {
            Draft draft = drafts.get(k);
            List<String> body = paragraphs.get(k);
            if (!body.isEmpty()) {
                String last = PageChrome.stripTrailingMore(body.get(body.size() - 1), moreLayout);
                body.set(body.size() - 1, last);
                if (last.isEmpty()) {
                    body.remove(body.size() - 1);
                }
            }
            String title = cleanTitle(draft.title);
            if (!title.isEmpty()) {
                ItemDate date = draft.anchor.date();
                items.add(new NewsItemDraft(date.start(), date.end(), title, String.join("\n\n", body), links.get(k),
                        draft.anchor.place()));
            }
        }
        return items;
    }

    /** The item's own link: on its title, else on its date line, else its "more" link. */
    private static String linkOf(Draft draft, List<Line> lines, int from, int to) {
        if (draft.titleLine >= 0 && !lines.get(draft.titleLine).links().isEmpty()) {
            return lines.get(draft.titleLine).links().get(0).href();
        }
        List<Line.Link> anchorLinks = lines.get(draft.anchor.line()).links();
        if (!anchorLinks.isEmpty()) {
            return anchorLinks.get(0).href();
        }
        for (int i = from; i < to; i++) {
            for (Line.Link link : lines.get(i).links()) {
                if (PageChrome.isMoreLink(link.text())) {
                    return link.href();
                }
            }
        }
        return null;
    }

    private static String cleanTitle(String title) {
        String cleaned = title.strip();
        int end = cleaned.length();
        while (end > 0 && (cleaned.charAt(end - 1) == ':' || cleaned.charAt(end - 1) == '|'
                || DateGrammar.isDash(cleaned.charAt(end - 1)) || cleaned.charAt(end - 1) == ' ')) {
            end--;
        }
        return cleaned.substring(0, end);
    }

    /** An item head found on the page; its body is filled in once every head is known. */
    private record Draft(ItemAnchor anchor, String title, int titleLine, String firstParagraph) {

        int startLine() {
            return titleLine >= 0 ? Math.min(titleLine, anchor.line()) : anchor.line();
        }
    }
}
