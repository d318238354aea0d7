package org.syndication.ingest.parse;

import static org.syndication.ingest.parse.LineKinds.endsSentence;
import static org.syndication.ingest.parse.LineKinds.hasSecondSentence;
import static org.syndication.ingest.parse.LineKinds.isKicker;
import static org.syndication.ingest.parse.LineKinds.isLabel;
import static org.syndication.ingest.parse.LineKinds.isParagraph;
import static org.syndication.ingest.parse.LineKinds.isPlaceLine;
import static org.syndication.ingest.parse.LineKinds.titleScore;
import static org.syndication.ingest.parse.LineKinds.wordCount;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The layout rules: turns the lines of one document into news items. Item starts are found line by line
 * ({@link AnchorFinder}); each item then takes its title from the anchor line or a neighbouring line, and its body
 * from the lines up to the next item, without chrome. The rules cover listing pages (many items) and press releases
 * (one item headed by a dateline) alike.
 */
final class ListingLayout {

    /** Most words of a label after a date ("News", "Crimes Ambientais", "Auxílio à Imigração Ilegal"). */
    private static final int MAX_LABEL_WORDS = 5;

    /** How many lines around a single article's date its repeated headline is looked for. */
    private static final int REPEATED_HEADLINE_REACH = 8;

    /** Fewest words of a paragraph under a single item's date: shorter lines there are the page's chrome. */
    private static final int MIN_PARAGRAPH_WORDS = 12;

    /** Most lines of sentences between a single item's headline and the date that ends its text. */
    private static final int MAX_SENTENCES_ABOVE = 6;

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
        List<Line> lines = withDateBadgesJoined(withoutChrome(GluedLines.split(rawLines, grammar), dropped));
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
        found = DecoyDates.withoutHeaderDate(found, anchorAt, lines, dropped);
        found = DecoyDates.withoutUpdateDates(found, anchorAt, lines, dropped);
        found = DecoyDates.withoutDecoyFields(found, anchorAt, lines, dropped);
        found = DecoyDates.withoutSummaryDatelines(found, anchorAt);
        found = DecoyDates.withoutSidebarAfterList(found, anchorAt, lines, dropped);
        found = DecoyDates.withoutRecommendations(found, anchorAt, lines, dropped);
        found = DecoyDates.withRepeatedRestsAsMeta(found, lines, anchorAt);
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
        if (found.size() == 1 && drafts.size() == 1) {
            drafts = List.of(withRepeatedHeadline(drafts.get(0), lines, anchorAt));
        }
        drafts = withDayArchiveSplit(drafts, lines);
        drafts = withDateGroupsSplit(drafts, lines, template);
        List<NewsItemDraft> items = bodies(drafts, lines, template, dropped);
        if (dropped != null) {
            int first = drafts.isEmpty() ? lines.size() : drafts.get(0).startLine();
            for (int i = first - 1; i >= 0; i--) {
                PageReading.DroppedLine.note(dropped, lines.get(i).text(), "before the first item (page header)",
                        0);
            }
            for (ItemAnchor anchor : found) {
                if (anchor.kind() == ItemAnchor.Kind.META) {
                    PageReading.DroppedLine.note(dropped, lines.get(anchor.line()).text(),
                            "metadata line: gave its item's date", -1);
                }
            }
        }
        return new PageReading(items, "text", template.describe(), found.size(),
                dropped == null ? List.of() : dropped);
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

    /**
     * A date line's shape: its first word ("published"), or "#" when it opens with its date (a number, a month's or a
     * weekday's name: "June 6, 2023" and "May 25, 2023" are one kind of line).
     */
    private static String dateLineShape(ItemAnchor anchor, List<Line> lines) {
        String text = lines.get(anchor.line()).text();
        if (text.isEmpty() || !Character.isLetter(text.charAt(0)) || DateGrammar.opensWithWeekday(text)) {
            return "#";
        }
        int end = 0;
        while (end < text.length() && Character.isLetter(text.charAt(end))) {
            end++;
        }
        String word = text.substring(0, end);
        return DateGrammar.isMonthWord(word) ? "#" : word.toLowerCase(Locale.ROOT);
    }

    /** Drops chrome lines (a dropped "more" link's target moves to the line before it) and photo credits. */
    private static List<Line> withoutChrome(List<Line> rawLines, List<PageReading.DroppedLine> dropped) {
        List<String> texts = new ArrayList<>(rawLines.size());
        rawLines.forEach(line -> texts.add(line.text()));
        PhotoCredits credits = PhotoCredits.learn(texts);
        List<Line> kept = new ArrayList<>(rawLines.size());
        boolean gap = false; // a blank line before a dropped line stands before the next kept one
        boolean more = false; // so does a dropped "more" link
        for (Line line : rawLines) {
            String text = credits.strip(line.text());
            gap |= line.afterGap();
            if (text.isEmpty() || PageChrome.isChromeLine(text)) {
                if (!text.isEmpty()) {
                    PageReading.DroppedLine.note(dropped, text,
                            "page chrome (navigation, credit, more link, boilerplate)", -1);
                }
                boolean moreLink = !kept.isEmpty() && PageChrome.isMoreLink(text);
                more |= moreLink;
                if (!line.links().isEmpty() && moreLink) {
                    Line previous = kept.remove(kept.size() - 1);
                    List<Line.Link> links = new ArrayList<>(previous.links());
                    links.addAll(line.links());
                    kept.add(new Line(previous.text(), previous.heading(), links, previous.afterGap(),
                            previous.afterMore()));
                }
                continue;
            }
            text = PageChrome.stripGluedMore(text);
            kept.add(text.equals(line.text()) && gap == line.afterGap() && !more ? line
                    : new Line(text, line.heading(), line.links(), gap, more));
            gap = false;
            more = false;
        }
        return kept;
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
                boolean paragraph = isParagraph(rest) || (endsSentence(rest) && wordCount(rest) > 8)
                        || hasSecondSentence(rest);
                // the first record takes the line above as its title unless records are single lines, one under
                // the other: then the line above the first is the page's heading ("Press Highlights")
                boolean firstWithHeadline = first && (only || next >= 0);
                if (paragraph && prev >= 0 && titleScore(lines.get(prev)) >= 2
                        && (firstWithHeadline || !first && (!template.titleBeforeDate() || prev > claimed))) {
                    return new Draft(anchor, lines.get(prev).text(), prev, rest); // "Title" / "3 May 2016 - The ..."
                }
                if (template.titleBeforeDate() && prev >= 0 && titleScore(lines.get(prev)) >= 2
                        && wordCount(rest) <= MAX_LABEL_WORDS && !endsSentence(rest)
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
                if (only && prev >= 0 && !paragraphBelow(at, lines)) { // "Posted by Ann at November 17, 2013"
                    int headline = headlineAbove(prev, lines, anchorAt); // under the text, the page's rest chrome
                    if (headline >= 0) {
                        return new Draft(anchor, lines.get(headline).text(), headline, null);
                    }
                }
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
                        int headline = headlineAbove(prev, lines, anchorAt);
                        if (headline >= 0) {
                            return new Draft(anchor, lines.get(headline).text(), headline, null);
                        }
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
                return new Draft(anchor, rest, -1, anchor.summary());
            }
            default -> { // DATELINE
                boolean restIsTitle = rest != null && !isParagraph(rest) && !endsSentence(rest)
                        && !headlineOverSummary(prev >= 0 ? lines.get(prev) : null, rest);
                if (restIsTitle && (prev < 0 || !lines.get(prev).heading())) {
                    return new Draft(anchor, rest, -1, null); // "Vienna, 3 March 2019: Title"
                }
                int below = rest == null && template.titleAfterDate() ? template.titleLine(anchor, claimed) : -1;
                if (below >= 0) { // "Politics 2019-11-02T13:51:08Z" over its title, as every record of the page
                    return new Draft(anchor, lines.get(below).text(), below, null);
                }
                if (prev >= 0 && titleScore(lines.get(prev)) >= 1) {
                    int headline = prev - 1; // "Title" / "WWF-Presseaussendung" / "Wien, am 17. November 2016 – ..."
                    boolean typeLabel = wordCount(lines.get(prev).text()) <= 2 && isKicker(lines.get(prev).text())
                            && headline > claimed && anchorAt[headline] == null
                            && titleScore(lines.get(headline)) >= 2 && wordCount(lines.get(headline).text()) >= 4;
                    int title = typeLabel ? headline : prev;
                    return new Draft(anchor, lines.get(title).text(), title, rest);
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
     * Whether the line above a dateline is its headline and the dateline's text a summary, cut short by the site
     * ("Organised crime – the fuel that ignited 9/11" over "By: ISS 14th September 2023 The confluence between ...
     * is... →"): a headline of four words or more over a text more than twice as long or of two sentences.
     */
    private static boolean headlineOverSummary(Line above, String rest) {
        if (above == null || titleScore(above) < 2) {
            return false;
        }
        int headlineWords = wordCount(above.text());
        return headlineWords >= 4 && (wordCount(rest) >= 2 * headlineWords + 4 || hasSecondSentence(rest));
    }

    /**
     * A single article's headline that the page shows twice near its date (over the article and again as its image's
     * caption or the article's own header: "Digitales Angebot unterstützt ..." above and below the date line): the one
     * title-like line of four words or more that repeats there is the headline, whatever stands next to the date.
     */
    private static Draft withRepeatedHeadline(Draft draft, List<Line> lines, ItemAnchor[] anchorAt) {
        int at = draft.anchor.line();
        int from = Math.max(0, at - REPEATED_HEADLINE_REACH);
        int to = Math.min(lines.size(), at + REPEATED_HEADLINE_REACH + 1);
        int headline = -1;
        for (int i = from; i < to; i++) {
            String text = lines.get(i).text();
            if (anchorAt[i] != null || titleScore(lines.get(i)) < 2 || wordCount(text) < 4) {
                continue;
            }
            for (int j = i + 1; j < to; j++) {
                if (lines.get(j).text().equals(text)) {
                    if (headline >= 0 && !lines.get(headline).text().equals(text)) {
                        return draft; // two repeated lines: no telling which is the headline
                    }
                    headline = headline < 0 ? i : headline;
                }
            }
        }
        if (headline < 0 || lines.get(headline).text().equals(draft.title)) {
            return draft;
        }
        return new Draft(draft.anchor, lines.get(headline).text(), headline, draft.firstParagraph);
    }

    /** Whether a paragraph (a line of twelve words or more) follows the line {@code at}. */
    private static boolean paragraphBelow(int at, List<Line> lines) {
        for (int i = at + 1; i < lines.size(); i++) {
            if (wordCount(lines.get(i).text()) >= MIN_PARAGRAPH_WORDS) {
                return true;
            }
        }
        return false;
    }

    /**
     * The headline over a single item's text that ends with its date (a headline, sentences, then "11 Jun 2019"): the
     * nearest title-like line above the sentences right above the date, or -1 when the line above is no sentence.
     */
    private static int headlineAbove(int last, List<Line> lines, ItemAnchor[] anchorAt) {
        String text = lines.get(last).text();
        if (!endsSentence(text) && !text.endsWith("…")) { // a sentence, or a summary cut short ("More…")
            return -1;
        }
        return RecordTemplate.nearestHeadlineAbove(lines, anchorAt, last - 1, last - MAX_SENTENCES_ABOVE);
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

    /**
     * A one-day archive: the day's date once, then its stories, each a headline, a summary and a "more" link
     * ("06. Dezember 2021", "Kanton Tessin: ...", "...", "Weiterlesen", "Bundespolizisten stellen ...", ...). Every
     * headline that follows a "more" link is an item of that day, as in a date group. A single article's text holds
     * no such links between its paragraphs.
     */
    private static List<Draft> withDayArchiveSplit(List<Draft> drafts, List<Line> lines) {
        Draft day = drafts.size() == 1 ? drafts.get(0) : null;
        if (day == null || day.anchor.kind() != ItemAnchor.Kind.DATE_ONLY || day.titleLine <= day.anchor.line()) {
            return drafts;
        }
        List<Draft> result = new ArrayList<>(drafts);
        for (int i = day.titleLine + 1; i < lines.size(); i++) {
            if (lines.get(i).afterMore()) {
                if (titleScore(lines.get(i)) < 2 || endsSentence(lines.get(i).text())) {
                    return drafts; // after a "more" link, something else than the next story's headline
                }
                ItemAnchor own = new ItemAnchor(i, ItemAnchor.Kind.DATE_ONLY, day.anchor.date(), null, null);
                result.add(new Draft(own, lines.get(i).text(), i, null));
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
                    PageReading.DroppedLine.note(dropped, lines.get(i).text(), "label line (name: value)", -1);
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
                    PageReading.DroppedLine.note(dropped, body.remove(body.size() - 1),
                            "kicker or category above the next title", -1);
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
