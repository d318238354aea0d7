package org.syndication.ingest.parse;

/**
 * A line that starts a news item.
 *
 * @param line  the index of the line
 * @param kind  how the line starts the item
 * @param date  the item's date
 * @param rest  the text after the date on the same line (a title or a first paragraph), or {@code null}
 * @param place the dateline's place, or {@code null}
 * @param summary a title's summary after its date on the same line ({@code Title 9 December 09:02 Summary}), or
 *                {@code null}
 */
record ItemAnchor(int line, Kind kind, ItemDate date, String rest, String place, String summary) {

    ItemAnchor(int line, Kind kind, ItemDate date, String rest, String place) {
        this(line, kind, date, rest, place, null);
    }

    enum Kind {
        /** {@code 20 - 21 April 2017: Title}: the date heads the line and a title or paragraph follows it. */
        HEADED,
        /** {@code 30 July 2023} alone: the title is on a neighbouring line. */
        DATE_ONLY,
        /** {@code New York, 22 November 2022 [- text]}: a place, then the date; the title usually comes before. */
        DATELINE,
        /** {@code Title (22 November 2022)}: the title, then its date at the end of the line. */
        TRAILING,
        /**
         * {@code Posted by Ann | 3 May 2021 | Crime}, {@code Publishing date: 4 March 2022}, {@code 8 July, 2016 | News}:
         * a line of metadata that carries the item's date; never a title or body line, the title is a neighbour.
         */
        META
    }
}
