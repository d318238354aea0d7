package org.syndication.ingest.parse;

import static org.syndication.ingest.parse.LineKinds.shape;
import static org.syndication.ingest.parse.LineKinds.titleScore;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Dates a page shows that start no item, taken out of the anchors before the records are read: a site header's
 * "today", update dates, a dateline that opens a summary, a box of other dated things after the listing; and dates
 * whose text after them is metadata, which become metadata lines. Each filter clears the anchors it drops from
 * {@code anchorAt} and notes the line for the preview.
 */
final class DecoyDates {

    /** A site header's "today" date stands in the page's first lines (site name, skip links, the date). */
    private static final int HEADER_DATE_LINES = 5;

    /** Most lines between two dates of a box beside the listing (an event's title above its date). */
    private static final int MAX_BOX_GAP = 1;

    /**
     * Drops a site header's "today" date: the first anchor, near the top, either of a kind no other anchor has and
     * later than every item below it, or alone on the page in naming its day of the week ("Friday, December 8, 2023"
     * above items dated "Dec. 7, 2023"; an events page may list items later than its today) with the site's own
     * lines under it ("Subscribe | Sign in", a menu), not a headline: under a headline it is a top story's date.
     */
    static List<ItemAnchor> withoutHeaderDate(List<ItemAnchor> found, ItemAnchor[] anchorAt, List<Line> lines,
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
        PageReading.DroppedLine.note(dropped, lines.get(first.line()).text(),
                "site header date: the day the page was made", -1);
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
        long words = Arrays.stream(LineKinds.SPACES.split(text))
                .filter(w -> w.chars().anyMatch(Character::isLetter)).count();
        return words >= 4 && text.indexOf('|') < 0; // "Subscribe | Sign in" is the site's menu
    }

    /**
     * A box after the listing under its own heading ("Upcoming events", "Événements à venir", "Latest news") lists
     * other dated things in another shape: its dates, when their kind differs from the listing's and they follow the
     * heading and each other closely (a line of title between them at most), are not items of the page. The listing
     * needs two items before the heading.
     */
    static List<ItemAnchor> withoutSidebarAfterList(List<ItemAnchor> found, ItemAnchor[] anchorAt,
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
                        PageReading.DroppedLine.note(dropped, lines.get(after.line()).text(),
                                "after the listing, under \"" + lines.get(heading).text() + "\" (a sidebar)", -1);
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
     * Drops the dates whose field label on the line above names them as something else than the item's date
     * ("Appeared in issue:" over "325 - 01 July 2025", "Deadline:" over a date).
     */
    static List<ItemAnchor> withoutDecoyFields(List<ItemAnchor> found, ItemAnchor[] anchorAt, List<Line> lines,
                                               List<PageReading.DroppedLine> dropped) {
        List<ItemAnchor> kept = new ArrayList<>(found.size());
        for (ItemAnchor anchor : found) {
            if (anchor.line() > 0 && AnchorFinder.isDecoyFieldLabel(lines.get(anchor.line() - 1).text())) {
                anchorAt[anchor.line()] = null;
                PageReading.DroppedLine.note(dropped, lines.get(anchor.line()).text(),
                        "a date labelled as something else: " + lines.get(anchor.line() - 1).text(), -1);
            } else {
                kept.add(anchor);
            }
        }
        return kept.size() == found.size() ? found : kept;
    }

    /**
     * Other articles recommended after the page's own under their heading ("Recommandés pour vous", "Lesen Sie
     * auch"): their dates start no item, and their lines are no item's body. Only after a first date of the page's
     * own.
     */
    static List<ItemAnchor> withoutRecommendations(List<ItemAnchor> found, ItemAnchor[] anchorAt, List<Line> lines,
                                                   List<PageReading.DroppedLine> dropped) {
        if (found.isEmpty()) {
            return found;
        }
        for (int heading = found.get(0).line() + 1; heading < lines.size(); heading++) {
            if (PageChrome.isRecommendationHeading(lines.get(heading).text())) {
                List<ItemAnchor> kept = new ArrayList<>(found.size());
                for (ItemAnchor anchor : found) {
                    if (anchor.line() < heading) {
                        kept.add(anchor);
                    } else {
                        anchorAt[anchor.line()] = null;
                    }
                }
                for (int i = heading; i < lines.size(); i++) {
                    PageReading.DroppedLine.note(dropped, lines.get(i).text(),
                            "recommended articles after the page's own", -1);
                    lines.set(i, Line.plain(""));
                }
                return kept;
            }
        }
        return found;
    }

    /**
     * A dateline right under an item's own date line, with the same date, opens that item's summary ("News | 14 Mar
     * 2022 | 4 min read" then "LEEDS, 14 March 2022 – Detectives ...", or "07.10.2021: Title" then the title again
     * and "Berne, 07.10.2021: The office ..."): it is body text, not a second item.
     */
    static List<ItemAnchor> withoutSummaryDatelines(List<ItemAnchor> found, ItemAnchor[] anchorAt) {
        List<ItemAnchor> kept = new ArrayList<>(found.size());
        ItemAnchor previous = null;
        for (ItemAnchor anchor : found) {
            boolean summary = previous != null && anchor.kind() == ItemAnchor.Kind.DATELINE && anchor.rest() != null
                    && (previous.kind() == ItemAnchor.Kind.META || previous.kind() == ItemAnchor.Kind.DATE_ONLY
                    || previous.kind() == ItemAnchor.Kind.HEADED)
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
    static List<ItemAnchor> withoutUpdateDates(List<ItemAnchor> found, ItemAnchor[] anchorAt, List<Line> lines,
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
            PageReading.DroppedLine.note(dropped, lines.get(update.line()).text(), "an update date, not an item's", -1);
        }
        return kept;
    }

    /**
     * Text after a date that repeats on the page with only its numbers changed ("Dave 0", "Dave 1") is metadata
     * (an author and a comment count), not a title: such lines are metadata lines.
     */
    static List<ItemAnchor> withRepeatedRestsAsMeta(List<ItemAnchor> found, List<Line> lines,
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
                || LineKinds.wordCount(anchor.rest()) > 3 || anchor.line() == 0) {
            return false;
        }
        return titleScore(lines.get(anchor.line() - 1)) >= 2;
    }

    /** A short text after a heading date, of at most three words: a name and a count, never a headline. */
    private static boolean isMetaShaped(ItemAnchor anchor) {
        return anchor.kind() == ItemAnchor.Kind.HEADED && anchor.rest().length() <= 40
                && LineKinds.wordCount(anchor.rest()) <= 3;
    }

    private DecoyDates() {
    }
}
