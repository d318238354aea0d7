package org.syndication.feed;

import org.syndication.events.ItemStatus;
import org.syndication.events.NewsItemCatalogued;
import org.syndication.events.SourceRef;
import org.syndication.events.ThemeTag;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The one builder of test events: unique ids by default, every field overridable. */
public final class TestData {

    public static final ThemeTag CORRUPTION = new ThemeTag("corruption", "Corruption and economic crime");
    public static final ThemeTag CYBERCRIME = new ThemeTag("cybercrime", "Cybercrime");
    public static final ThemeTag TRAFFICKING = new ThemeTag("trafficking-in-persons", "Trafficking in persons");

    private String itemId = "it-" + UUID.randomUUID();
    private long version = 1;
    private LocalDate date = LocalDate.of(2026, 11, 20);
    private String title = "UNODC & partners <meet> on \"integrity\"";
    private String summary = "A short summary.";
    private String body = "First paragraph.\n\nSecond paragraph with ümlauts and €.";
    private String link = "https://www.unodc.org/news/item.html";
    private List<ThemeTag> themes = List.of(CORRUPTION);
    private ItemStatus status = ItemStatus.PUBLISHED;
    private Instant updatedAt = Instant.parse("2026-11-21T10:15:30Z");
    /** Now, so that among items of the same date the one built last is the newest. */
    private Instant ingestedAt = Instant.now();

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

    public TestData title(String t) {
        this.title = t;
        return this;
    }

    public TestData summary(String s) {
        this.summary = s;
        return this;
    }

    public TestData body(String b) {
        this.body = b;
        return this;
    }

    public TestData link(String l) {
        this.link = l;
        return this;
    }

    public TestData themes(ThemeTag... t) {
        this.themes = List.of(t);
        return this;
    }

    public TestData withdrawn() {
        this.status = ItemStatus.WITHDRAWN;
        return this;
    }

    public TestData updatedAt(Instant at) {
        this.updatedAt = at;
        return this;
    }

    public TestData ingestedAt(Instant at) {
        this.ingestedAt = at;
        return this;
    }

    public NewsItemCatalogued build() {
        return new NewsItemCatalogued(itemId, version, new SourceRef("eu-unodc", "https://www.unodc.org/news/"),
                date, null, title, summary, body, link, "en", "hash-" + version, themes, status,
                ingestedAt, updatedAt);
    }
}
