package org.syndication.ingest.parse;

import java.util.List;

/**
 * One line of a document as the layout rules see it.
 *
 * @param text    the collapsed, non-blank text
 * @param heading whether the line was an HTML heading (a strong hint that it is a title)
 * @param links   the links on the line, in order (empty for plain text)
 */
record Line(String text, boolean heading, List<Link> links) {

    static Line plain(String text) {
        return new Line(text, false, List.of());
    }

    /** A hyperlink: its resolved target and its visible text. */
    record Link(String href, String text) {
    }
}
