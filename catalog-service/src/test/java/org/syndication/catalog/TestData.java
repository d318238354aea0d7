package org.syndication.catalog;

import org.syndication.events.NewsItemIngested;
import org.syndication.events.SourceRef;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** The one builder of test events: unique ids, sensible defaults. */
public final class TestData {

    private String itemId = "test-" + UUID.randomUUID();
    private long version = 1;
    private LocalDate date = LocalDate.of(2024, 5, 17);
    private LocalDate endDate;
    private String title = "UNODC and partners discuss cooperation";
    private String body = "Partners met in Brussels to discuss cooperation and next steps.";
    private String sourceName = "test-source";
    private String sourceUrl = "https://example.org/news";
    private String link;
    private String contentHash;
    private boolean linkSet;

    private TestData() {
    }

    public static TestData item() {
        return new TestData();
    }

    public TestData id(String id) {
        this.itemId = id;
        return this;
    }

    public TestData version(long v) {
        this.version = v;
        return this;
    }

    public TestData date(LocalDate d) {
        this.date = d;
        return this;
    }

    public TestData endDate(LocalDate d) {
        this.endDate = d;
        return this;
    }

    public TestData title(String t) {
        this.title = t;
        return this;
    }

    public TestData body(String b) {
        this.body = b;
        return this;
    }

    /** The source (name and the page or feed it came from). */
    public TestData source(String name, String url) {
        this.sourceName = name;
        this.sourceUrl = url;
        return this;
    }

    /** The item's link (default: an anchor of the source page unique to the item); null for none. */
    public TestData link(String l) {
        this.link = l;
        this.linkSet = true;
        return this;
    }

    /** The content hash (default: derived from title and body). */
    public TestData contentHash(String h) {
        this.contentHash = h;
        return this;
    }

    public String itemId() {
        return itemId;
    }

    public NewsItemIngested build() {
        return new NewsItemIngested(itemId, version, new SourceRef(sourceName, sourceUrl), date,
                endDate, title, body.length() > 80 ? body.substring(0, 80) : body, body,
                linkSet ? link : "https://example.org/news#" + itemId, "en",
                contentHash != null ? contentHash : Integer.toHexString((title + body).hashCode()),
                Instant.parse("2024-05-18T10:00:00Z"));
    }
}
