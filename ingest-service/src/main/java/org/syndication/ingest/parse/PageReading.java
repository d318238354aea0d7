package org.syndication.ingest.parse;

import java.util.List;

/**
 * What the page reader found in one document and how: the items, and the layout it inferred, for a preview that
 * lets a user check a new kind of page before anything is published.
 *
 * @param items   the items, in page order
 * @param reader  which reader read the page: {@code text} (lines) or {@code html-records} (repeated DOM records)
 * @param layout  the record template inferred for the page, in words (where the title stands relative to the date)
 * @param dateLines how many lines started an item (a date line, alone, heading, trailing or in metadata)
 * @param dropped the lines left out of every item, with the reason, in page order (at most {@link #MAX_DROPPED})
 */
public record PageReading(List<NewsItemDraft> items, String reader, String layout, int dateLines,
                          List<DroppedLine> dropped) {

    /** A preview lists this many dropped lines at most: a huge page must not give a huge answer. */
    public static final int MAX_DROPPED = 200;

    public PageReading {
        items = List.copyOf(items);
        dropped = List.copyOf(dropped);
    }

    static PageReading empty(String reader) {
        return new PageReading(List.of(), reader, "no item found", 0, List.of());
    }

    /** A line that belongs to no item, and why. */
    public record DroppedLine(String text, String reason) {

        /**
         * Notes a dropped line for the preview in {@code dropped} (null: nobody asked), at {@code position} (-1: at
         * the end), up to the preview's limit.
         */
        static void note(List<DroppedLine> dropped, String text, String reason, int position) {
            if (dropped != null && dropped.size() < MAX_DROPPED) {
                DroppedLine line = new DroppedLine(text, reason);
                if (position < 0) {
                    dropped.add(line);
                } else {
                    dropped.add(position, line);
                }
            }
        }
    }
}
