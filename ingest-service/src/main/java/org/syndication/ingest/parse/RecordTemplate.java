package org.syndication.ingest.parse;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The repeating record of a listing page, inferred from the page itself: where an item's title stands relative to
 * its date line (the line after it, the line before it, or two or three lines before it with a summary or byline in
 * between), decided once per page from the lines at each distance from every date line, and then applied to every
 * item. A page whose date lines have no title-like neighbours at any one distance has no title lines: its items
 * take their title from their first paragraph.
 */
final class RecordTemplate {

    /**
     * The distances tried, nearest first: a tie goes to the nearer one, and between the two nearest to the line
     * above (a page of one item, a press release, opens with its headline).
     */
    private static final int[] OFFSETS = {-1, 1, -2, 2, -3};

    /**
     * An average template score below this at the best distance means the page has no title lines: most of the
     * lines there would have to be headline-like (title score 2 and more).
     */
    private static final double MIN_AVERAGE_SCORE = 3.5;

    /** What a title line across a blank line from its date costs, where blank lines separate records. */
    private static final int GAP_PENALTY = 3;

    /** Most paragraphs between a headline and the date line that closes its record. */
    private static final int MAX_PARAGRAPHS_ABOVE = 5;

    /** Fewest words of a line cut short with an ellipsis that is a summary rather than a long headline cut. */
    private static final int MIN_CUT_SUMMARY_WORDS = 12;

    /** Fewest words of a headline that takes the place of a kicker at the template's distance. */
    private static final int MIN_HEADLINE_WORDS = 5;

    private final List<Line> lines;
    private final ItemAnchor[] anchorAt;
    /** Lines that are other records' titles (another kind of record on the same page), or null. */
    private final boolean[] othersTitles;
    private final int offset;
    /** Whether the page has several date lines without a title line at any one distance: it has no titles. */
    private final boolean untitled;
    /** Whether each record is a headline, paragraphs of any number, then the date line (a blog's excerpts). */
    private final boolean aboveParagraphs;
    /**
     * Per line, whether it is a byline or metadata line ({@link LineKinds#isMetaLine}), judged at most once for every
     * distance and record that steps over it: 0 not judged yet, 1 no, 2 yes.
     */
    private final byte[] meta;

    private RecordTemplate(RecordTemplate probe, int offset, boolean untitled, boolean aboveParagraphs) {
        this(probe.lines, probe.anchorAt, probe.othersTitles, offset, untitled, aboveParagraphs, probe.meta);
    }

    private RecordTemplate(List<Line> lines, ItemAnchor[] anchorAt, boolean[] othersTitles, int offset,
                           boolean untitled, boolean aboveParagraphs, byte[] meta) {
        this.lines = lines;
        this.anchorAt = anchorAt;
        this.othersTitles = othersTitles;
        this.offset = offset;
        this.untitled = untitled;
        this.aboveParagraphs = aboveParagraphs;
        this.meta = meta;
    }

    static RecordTemplate infer(List<Line> lines, List<ItemAnchor> found, ItemAnchor[] anchorAt) {
        return infer(lines, found, anchorAt, null);
    }

    /**
     * The template of the records of {@code found}, where {@code othersTitles} (or null) marks the title lines of the
     * page's other kind of record: a title at some distance never reaches into another record.
     */
    static RecordTemplate infer(List<Line> lines, List<ItemAnchor> found, ItemAnchor[] anchorAt,
                                boolean[] othersTitles) {
        RecordTemplate probe = new RecordTemplate(lines, anchorAt, othersTitles, 0, false, false,
                new byte[lines.size()]);
        int best = 0;
        int bestScore = 0;
        int dated = 0;
        for (ItemAnchor anchor : found) {
            dated += needsTitleLine(anchor) ? 1 : 0;
        }
        if (dated == 0) {
            return probe;
        }
        boolean gapsBetweenRecords = gapsBetweenRecords(lines, found);
        for (int offset : OFFSETS) {
            int score = 0;
            int previous = -1;
            Set<String> seen = new HashSet<>();
            Set<String> repeated = new HashSet<>();
            List<Line> candidates = new ArrayList<>();
            List<String> shapes = new ArrayList<>();
            for (ItemAnchor anchor : found) {
                if (needsTitleLine(anchor)) {
                    int line = probe.lineAt(anchor, offset, previous);
                    if (line >= 0) {
                        score -= gapsBetweenRecords && probe.crossesGap(anchor.line(), line) ? GAP_PENALTY : 0;
                        String shape = LineKinds.shape(lines.get(line).text());
                        candidates.add(lines.get(line));
                        shapes.add(shape);
                        if (!seen.add(shape)) {
                            repeated.add(shape);
                        }
                    }
                }
                previous = anchor.line();
            }
            // lines of the same shape at one distance are the page's furniture (the court, the section, "Download the
            // release (PDF, 118 KB)"), not headlines, which differ from item to item
            for (int c = 0; c < candidates.size(); c++) {
                score += repeated.contains(shapes.get(c)) ? 0 : templateScore(candidates.get(c), dated >= 2);
            }
            if (score > bestScore) {
                bestScore = score;
                best = offset;
            }
        }
        if ((double) bestScore / dated >= MIN_AVERAGE_SCORE) {
            if (best == -1 && probe.decksBelowHeadlines(found)) {
                best = -2;
            }
            return new RecordTemplate(probe, best, false, false);
        }
        if (dated >= 2 && probe.headlinesAboveParagraphs(found) * 3 >= dated * 2) {
            return new RecordTemplate(probe, -1, false, true);
        }
        return new RecordTemplate(probe, 0, dated >= 2, false);
    }

    /**
     * How many date lines close a record of a headline and paragraphs, however many ("Title" / "At this year's
     * conference ..." / "10 December 2015", then "Title" / two paragraphs / "9 November 2015"): the paragraphs vary
     * in number from record to record, so no one distance finds the headlines.
     */
    private int headlinesAboveParagraphs(List<ItemAnchor> found) {
        int count = 0;
        int previous = -1;
        for (ItemAnchor anchor : found) {
            if (needsTitleLine(anchor) && headlineAboveParagraphs(anchor, previous) >= 0) {
                count++;
            }
            previous = anchor.line();
        }
        return count;
    }

    /** The headline over the paragraphs right above a date line, or -1: at least one paragraph stands between. */
    private int headlineAboveParagraphs(ItemAnchor anchor, int claimed) {
        int above = anchor.line() - 1;
        int lowest = Math.max(claimed + 1, above - MAX_PARAGRAPHS_ABOVE);
        int headline = nearestHeadlineAbove(lines, anchorAt, above, lowest);
        return headline < above ? headline : -1;
    }

    /**
     * The nearest title-like line (title score 2 or more) from {@code from} up to {@code lowest}, never past a date
     * line; -1 when there is none.
     */
    static int nearestHeadlineAbove(List<Line> lines, ItemAnchor[] anchorAt, int from, int lowest) {
        for (int i = from; i >= Math.max(0, lowest) && anchorAt[i] == null; i--) {
            if (LineKinds.titleScore(lines.get(i)) >= 2) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Whether, in most records, the line above the date is a deck under its headline: headline-like too but half
     * again as long as the headline-like line above it, which itself opens the record (above it no title-like line:
     * a count, an earlier date, the page's header). A card of title, standfirst and date ("Shark fins, ports and
     * paperwork" over "Why fins landed in one country and were re-exported ..." over "JAN 25, 2024") then has its
     * title two lines up. Not when the line two up repeats from record to record: that is a kicker over the title.
     */
    private boolean decksBelowHeadlines(List<ItemAnchor> found) {
        int decks = 0;
        int previous = -1;
        Set<String> headlines = new HashSet<>();
        for (ItemAnchor anchor : found) {
            int deck = lineAt(anchor, -1, previous);
            int headline = lineAt(anchor, -2, previous);
            if (deck >= 0 && headline >= 0) {
                Line above = headline > previous + 1 ? lines.get(headline - 1) : null;
                int headlineWords = LineKinds.wordCount(lines.get(headline).text());
                boolean opens = above == null || LineKinds.titleScore(above) < 2;
                boolean repeated = !headlines.add(LineKinds.shape(lines.get(headline).text()));
                if (repeated) { // the same line over every record ("News You Need to Know") is a kicker
                    return false;
                }
                if (opens && LineKinds.titleScore(lines.get(headline)) >= 2 && headlineWords >= 4
                        && LineKinds.titleScore(lines.get(deck)) >= 2
                        && LineKinds.wordCount(lines.get(deck).text()) * 2 >= headlineWords * 3) {
                    decks++;
                }
            }
            previous = anchor.line();
        }
        return decks * 2 > found.size();
    }

    /**
     * Whether the plain text puts one blank line between records and none inside them: about one blank line per date
     * line, no more (a text with blank lines between its paragraphs, or between every two lines, says nothing).
     */
    private static boolean gapsBetweenRecords(List<Line> lines, List<ItemAnchor> found) {
        if (found.size() < 2) {
            return false; // a single item's blank lines are between its own paragraphs
        }
        int gaps = 0;
        for (Line line : lines) {
            gaps += line.afterGap() ? 1 : 0;
        }
        return gaps * 2 >= found.size() && gaps <= found.size() + 2;
    }

    /** Whether a blank line stands between the date line and the candidate title line, which are then two records. */
    private boolean crossesGap(int anchor, int candidate) {
        int from = Math.min(anchor, candidate);
        int to = Math.max(anchor, candidate);
        for (int i = from + 1; i <= to; i++) {
            if (lines.get(i).afterGap()) {
                return true;
            }
        }
        return false;
    }

    /**
     * How title-like a line is for choosing the page's template: the title score, doubled, plus one on a listing for
     * the length of a headline (4 to 16 words): a kicker or type label is shorter, a summary longer; minus one for a
     * long line the site cut with an ellipsis, a summary's mark.
     */
    private static int templateScore(Line line, boolean listing) {
        int score = LineKinds.titleScore(line);
        int words = line.text().split(" ").length;
        if (score == 0 || !listing) { // one item: no repetition to learn lengths from, the nearest line wins a tie,
            // unless it is one word ("Top-Meldung", a kicker) or opens in lower case (an image's alt text)
            boolean weak = score > 0 && (words == 1 || Character.isLowerCase(line.text().codePointAt(0)));
            return score * 2 - (weak ? 1 : 0);
        }
        return score * 2 + (words >= 4 && words <= 16 ? 1 : 0) - (isCutSummary(line.text(), words) ? 1 : 0);
    }

    /** A summary the site cut short ("The High Court today ruled the Government is wrongly ... denying food and…"). */
    private static boolean isCutSummary(String text, int words) {
        return words >= MIN_CUT_SUMMARY_WORDS && (text.endsWith("…") || text.endsWith("..."));
    }

    /** Whether the title stands below the date line on this page (a page without title lines has offset 0). */
    boolean titleAfterDate() {
        return offset > 0;
    }

    /** Whether the title stands above the date on this page (a summary or byline may be in between). */
    boolean titleBeforeDate() {
        return offset < 0;
    }

    /** A description for the preview: where the title stands. */
    String describe() {
        if (aboveParagraphs) {
            return "title, its paragraphs, then date line";
        }
        return switch (offset) {
            case 0 -> "no title lines: titles from each item's first paragraph";
            case 1 -> "date line, then title";
            case -1 -> "title, then date line";
            default -> offset < 0 ? "title, " + (-offset - 1) + " line(s) (summary or byline), then date line"
                    : "date line, " + (offset - 1) + " line(s), then title";
        };
    }

    /**
     * The title line of an item whose date line has no title of its own, or -1: the template's line when it is
     * title-like, else a title-like direct neighbour.
     */
    int titleLine(ItemAnchor anchor, int claimed) {
        if (untitled) {
            return -1;
        }
        if (aboveParagraphs) {
            return headlineAboveParagraphs(anchor, claimed);
        }
        if (offset != 0) {
            int line = lineAt(anchor, offset, claimed);
            if (line >= 0 && LineKinds.titleScore(lines.get(line)) >= 1) {
                int below = line + 1;
                if (offset < -1 && LineKinds.isKicker(lines.get(line).text()) && below < anchor.line()
                        && LineKinds.titleScore(lines.get(below)) >= 2
                        && LineKinds.wordCount(lines.get(below).text()) >= MIN_HEADLINE_WORDS) {
                    return below; // a record without the summary the others have: its section label stands there
                }
                return line;
            }
        }
        int before = lineAt(anchor, -1, claimed);
        if (before >= 0 && LineKinds.titleScore(lines.get(before)) >= 2 && offset <= 0) {
            return before;
        }
        int after = lineAt(anchor, 1, claimed);
        if (after >= 0 && LineKinds.titleScore(lines.get(after)) >= 2 && offset >= 0) {
            return after;
        }
        return -1;
    }

    /**
     * The line at {@code offset} from the anchor when no other date line and no claimed line is in the way, counting
     * only lines that may hold content: a byline or label line present in some records and not in others
     * ({@code Von Jana Wendtland}, {@code Category: News}) does not shift where the title stands.
     */
    private int lineAt(ItemAnchor anchor, int offset, int claimed) {
        int step = offset < 0 ? -1 : 1;
        int remaining = Math.abs(offset);
        for (int i = anchor.line() + step; i >= 0 && i < lines.size() && i > claimed; i += step) {
            if (anchorAt[i] != null || (othersTitles != null && othersTitles[i])) {
                return -1;
            }
            if (!isMeta(i) && --remaining == 0) {
                return i;
            }
        }
        return -1;
    }

    private boolean isMeta(int line) {
        if (meta[line] == 0) {
            meta[line] = LineKinds.isMetaLine(lines.get(line).text()) ? (byte) 2 : (byte) 1;
        }
        return meta[line] == 2;
    }

    /** A date line with no title of its own: a date, a labelled date, or a place or section and a date alone. */
    private static boolean needsTitleLine(ItemAnchor anchor) {
        return anchor.kind() == ItemAnchor.Kind.DATE_ONLY || anchor.kind() == ItemAnchor.Kind.META
                || anchor.kind() == ItemAnchor.Kind.DATELINE && anchor.rest() == null;
    }
}
