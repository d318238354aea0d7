package org.syndication.ingest.parse;

import java.util.List;

/**
 * One line of a document as the layout rules see it.
 *
 * @param text    the collapsed, non-blank text
 * @param heading whether the line was an HTML heading (a strong hint that it is a title)
 * @param links   the links on the line, in order (empty for plain text)
 * @param afterGap whether a blank line stands before it in plain text (a break between records on many pages)
 * @param afterMore whether a "more" link ("Read more", "Weiterlesen") stood right before it: the end of a record
 */
record Line(String text, boolean heading, List<Link> links, boolean afterGap, boolean afterMore) {

    Line(String text, boolean heading, List<Link> links) {
        this(text, heading, links, false, false);
    }

    Line(String text, boolean heading, List<Link> links, boolean afterGap) {
        this(text, heading, links, afterGap, false);
    }

    static Line plain(String text) {
        return new Line(text, false, List.of());
    }

    static Line plain(String text, boolean afterGap) {
        return new Line(text, false, List.of(), afterGap);
    }

    /** A hyperlink: its resolved target and its visible text. */
    record Link(String href, String text) {
    }
}
