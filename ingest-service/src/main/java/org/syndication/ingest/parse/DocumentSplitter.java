package org.syndication.ingest.parse;

import java.net.URI;
import java.util.List;

import org.jboss.logging.Logger;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * Splits a document (a listing page or a press release, as plain text or HTML) into news items. Stateless and
 * thread-safe: {@code new DocumentSplitter()} is all it takes. Never returns null and never throws on bad input:
 * an empty list means that no item was found.
 */
public final class DocumentSplitter {

    /** A plain JBoss logger, not Quarkus' Log: the splitter also runs outside Quarkus (benchmarks, plain tests). */
    private static final Logger LOG = Logger.getLogger(DocumentSplitter.class);

    private final ListingLayout layout = new ListingLayout(new DateGrammar());

    private final DomRecordReader records = new DomRecordReader(new DateGrammar());

    /**
     * A preview of the reading: the items and how the reader found them (the inferred layout and the lines it left
     * out, with the reason). Never throws on bad input.
     *
     * @param pageUrl the page's address, used to make item links absolute; may be null
     */
    public PageReading preview(String document, boolean html, String pageUrl) {
        if (document == null || document.isBlank()) {
            return PageReading.empty("text");
        }
        try {
            if (html && looksLikeMarkup(document)) {
                Document dom = Jsoup.parse(document);
                List<NewsItemDraft> items = records.read(dom, HtmlLines.baseUrl(dom, pageUrl));
                if (!items.isEmpty()) {
                    return new PageReading(items, "html-records",
                            "repeated DOM records: title from each record's heading or main link, date from its "
                                    + "<time> or date text", items.size(), List.of());
                }
                HtmlLines.Page page = HtmlLines.read(dom, pageUrl);
                PageReading reading = layout.read(page.lines(), new java.util.ArrayList<>());
                return new PageReading(reading.items().stream()
                        .map(item -> item.link() == null ? item : withLink(item, absolute(page.baseUrl(), item.link())))
                        .toList(), reading.reader(), reading.layout(), reading.dateLines(), reading.dropped());
            }
            return layout.read(TextSanitizer.plainLines(document),
                    new java.util.ArrayList<>());
        } catch (RuntimeException e) {
            LOG.debugf(e, "document not readable for a preview: length=%d", document.length());
            return PageReading.empty("text");
        }
    }

    /** The items of a plain-text listing page or press release, in page order. */
    public List<NewsItemDraft> splitText(String plainText) {
        if (plainText == null || plainText.isBlank()) {
            return List.of();
        }
        try {
            return layout.assemble(TextSanitizer.plainLines(plainText));
        } catch (RuntimeException e) { // garbage in must never become a 500; the caller answers "no items found"
            LOG.debugf(e, "plain text not splittable: length=%d", plainText.length());
            return List.of();
        }
    }

    /**
     * The items of an HTML listing page or press release, in page order: the page's repeated record when its DOM has
     * one ({@link DomRecordReader}), else the lines of the page read as text.
     *
     * @param pageUrl the page's address, used to make item links absolute; may be null
     */
    public List<NewsItemDraft> splitHtml(String html, String pageUrl) {
        if (html == null || html.isBlank()) {
            return List.of();
        }
        if (!looksLikeMarkup(html)) { // text sent as HTML: its line breaks are its structure
            return splitText(html);
        }
        try {
            Document document = Jsoup.parse(html);
            List<NewsItemDraft> items = records.read(document, HtmlLines.baseUrl(document, pageUrl));
            if (!items.isEmpty()) { // the page's repeated record, read by its structure
                return items;
            }
            HtmlLines.Page page = HtmlLines.read(document, pageUrl);
            return layout.assemble(page.lines()).stream()
                    .map(item -> item.link() == null ? item : withLink(item, absolute(page.baseUrl(), item.link())))
                    .toList();
        } catch (RuntimeException e) {
            LOG.debugf(e, "html not splittable: length=%d", html.length());
            return List.of();
        }
    }

    /** Whether the text has at least one tag ("<p", "</div", "<!DOCTYPE"); looks at the first 64 kB only. */
    private static boolean looksLikeMarkup(String text) {
        int limit = Math.min(text.length() - 1, 64 * 1024);
        for (int i = 0; i < limit; i++) {
            char next = text.charAt(i + 1);
            if (text.charAt(i) == '<' && (Character.isLetter(next) || next == '/' || next == '!')) {
                return true;
            }
        }
        return false;
    }

    private static NewsItemDraft withLink(NewsItemDraft item, String link) {
        return new NewsItemDraft(item.date(), item.endDate(), item.title(), item.body(), link, item.place());
    }

    /** The link resolved against the page address; as written when there is no address or it cannot be resolved. */
    static String absolute(String pageUrl, String href) {
        if (pageUrl == null || pageUrl.isBlank()) {
            return href;
        }
        try {
            return URI.create(pageUrl.strip()).resolve(href.strip().replace(" ", "%20")).toString();
        } catch (IllegalArgumentException e) {
            return href;
        }
    }
}
