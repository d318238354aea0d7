package org.syndication.ingest.mapping;

import org.syndication.ingest.rest.DocumentPreview;

/**
 * A dry run's answer as plain text, for a terminal ({@code ./syndicate ingest --dry-run} asks for it with
 * {@code Accept: text/plain}, so the script needs no JSON parser): the layout, one line per item
 * ({@code date[..end]  title  [link]}), then the dropped lines with their reasons.
 */
public final class PreviewText {

    /** Dropped lines are cut to this many characters: enough to recognise them, short enough for one line. */
    static final int DROPPED_MAX = 72;

    private PreviewText() {
    }

    public static String render(DocumentPreview preview) {
        StringBuilder out = new StringBuilder();
        out.append("dry run: nothing published\n");
        out.append("reader: ").append(preview.reader()).append("; layout: ").append(preview.layout())
                .append("; date lines: ").append(preview.dateLines()).append('\n');
        out.append(count(preview.items().size(), "item")).append(preview.items().isEmpty() ? "\n" : ":\n");
        for (DocumentPreview.Item item : preview.items()) {
            out.append("  ").append(item.date());
            if (item.endDate() != null) {
                out.append("..").append(item.endDate());
            }
            out.append("  ").append(oneLine(item.title()));
            if (item.link() != null) {
                out.append("  [").append(oneLine(item.link())).append(']');
            }
            out.append('\n');
        }
        out.append(count(preview.dropped().size(), "dropped line")).append(preview.dropped().isEmpty() ? "\n" : ":\n");
        for (DocumentPreview.Dropped dropped : preview.dropped()) {
            out.append("  ").append(ItemMapper.shorten(oneLine(dropped.text()), DROPPED_MAX))
                    .append("  (").append(dropped.reason()).append(")\n");
        }
        return out.toString();
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    /** Control characters, line breaks and bidi overrides as spaces: one record is one terminal line, as written. */
    private static String oneLine(String text) {
        return text.replaceAll("[\\p{Cc}\\p{Zl}\\p{Zp}\\u202A-\\u202E\\u2066-\\u2069]+", " ").strip();
    }
}
