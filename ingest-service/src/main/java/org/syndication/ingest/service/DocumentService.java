package org.syndication.ingest.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.MDC;
import org.syndication.events.SourceRef;
import org.syndication.ingest.DocumentDecoder;
import org.syndication.ingest.DocumentTooLargeException;
import org.syndication.ingest.EmptyDocumentException;
import org.syndication.ingest.InvalidRequestException;
import org.syndication.ingest.ItemCandidate;
import org.syndication.ingest.ItemOutcome;
import org.syndication.ingest.NoItemsFoundException;
import org.syndication.ingest.config.IngestConfig;
import org.syndication.ingest.mapping.ItemMapper;
import org.syndication.ingest.parse.DocumentSplitter;
import org.syndication.ingest.parse.ItemIdentity;
import org.syndication.ingest.parse.NewsItemDraft;
import org.syndication.ingest.parse.PageReading;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Accepts a posted page: decode, split into items, then dedup and publish through {@link IngestService}; or, for a
 * dry run, only shows what the reader found.
 */
@ApplicationScoped
public class DocumentService {

    /** Longest canonical source name (the column is 200). */
    static final int MAX_SOURCE = 200;

    /** A posted document. {@code html} tells HTML from plain text; {@code charset} is the media type's, or null. */
    public record Document(byte[] body, boolean html, String charset, String source, String url) {
    }

    /** The receipt of an accepted document. */
    public record Accepted(String documentId, String source, List<ItemOutcome> items) {
    }

    /**
     * A document read but not published (a dry run): how the reader read it, and its items with the ids they would
     * get, in page order.
     */
    public record Preview(String source, PageReading reading, List<ItemCandidate> items) {
    }

    private final IngestService ingest;
    private final IngestConfig config;
    private final MeterRegistry metrics;
    private final DocumentSplitter splitter = new DocumentSplitter();

    public DocumentService(IngestService ingest, IngestConfig config, MeterRegistry metrics) {
        this.ingest = ingest;
        this.config = config;
        this.metrics = metrics;
    }

    public Accepted accept(Document document) {
        // every log line of this post carries the document's id (a field of the JSON logs)
        String documentId = UUID.randomUUID().toString();
        MDC.put("documentId", documentId);
        try {
            return accept(document, documentId);
        } finally {
            MDC.remove("documentId");
        }
    }

    private Accepted accept(Document document, String documentId) {
        long started = System.nanoTime();
        String source = canonicalSource(document.source());
        String url = checkUrl(document.url());
        String text = decode(document);
        List<NewsItemDraft> drafts = document.html() ? splitter.splitHtml(text, url) : splitter.splitText(text);
        if (drafts.isEmpty()) {
            throw new NoItemsFoundException("no news item found: no line starts with a date the splitter reads "
                    + "(e.g. '20 April 2017: Title', '01.03.2021: Title') and no dated press release");
        }
        List<ItemCandidate> items = drafts.stream().map(d -> ItemMapper.fromDraft(source, d, url)).toList();
        List<ItemOutcome> outcomes = ingest.ingest(new SourceRef(source, url), config.defaultLanguage(), items);
        metrics.counter("ingest.documents", "type", document.html() ? "html" : "text").increment();
        Log.infof("document accepted documentId=%s source=%s items=%d published=%d ms=%d", documentId, source,
                outcomes.size(), outcomes.stream().filter(ItemOutcome::published).count(),
                (System.nanoTime() - started) / 1_000_000);
        return new Accepted(documentId, source, outcomes);
    }

    /**
     * A dry run: the same checks and decoding as {@link #accept}, then the reader's items and layout; publishes
     * nothing and neither reads nor writes the ledger (so the items stay new for a later real post). A page without
     * items is an answer here, not an error: a preview is for pages that do not work yet.
     */
    public Preview preview(Document document) {
        long started = System.nanoTime();
        String source = canonicalSource(document.source());
        String url = checkUrl(document.url());
        String text = decode(document);
        PageReading reading = splitter.preview(text, document.html(), url);
        List<ItemCandidate> items = IngestService.withUniqueIds(
                reading.items().stream().map(d -> ItemMapper.fromDraft(source, d, url)).toList());
        metrics.counter("ingest.previews", "type", document.html() ? "html" : "text").increment();
        Log.infof("document previewed source=%s items=%d dropped=%d ms=%d", source, items.size(),
                reading.dropped().size(), (System.nanoTime() - started) / 1_000_000);
        return new Preview(source, reading, items);
    }

    /** The posted body as text, after the size limit, emptiness and decoding checks that every post goes through. */
    private String decode(Document document) {
        byte[] body = document.body() == null ? new byte[0] : document.body();
        long max = config.maxBodySize().asLongValue();
        if (body.length > max) {
            throw new DocumentTooLargeException("the body has " + body.length + " bytes; the limit is " + max
                    + " (ingest.max-body-size)");
        }
        if (body.length == 0) {
            throw new EmptyDocumentException("the body is empty");
        }
        String text = DocumentDecoder.decode(body, document.charset(), document.html()).text();
        if (text.isBlank()) {
            throw new EmptyDocumentException("the body holds only white space");
        }
        return text;
    }

    static String canonicalSource(String source) {
        if (source == null || source.isBlank()) {
            throw new InvalidRequestException("query parameter 'source' (the canonical source name) is required");
        }
        String canonical = ItemIdentity.canonicalSource(source);
        if (canonical.isEmpty() || canonical.length() > MAX_SOURCE) {
            throw new InvalidRequestException("query parameter 'source' must hold letters or digits, at most "
                    + MAX_SOURCE + " characters");
        }
        return canonical;
    }

    static String checkUrl(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        try {
            URI uri = new URI(url.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return uri.toString();
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw new InvalidRequestException("query parameter 'url' must be an absolute http(s) URL");
    }
}
