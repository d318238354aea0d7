package org.syndication.feed.render;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import java.time.LocalDate;
import java.util.List;

/** The HTML pages (type-safe Qute templates under {@code templates/Pages/}) and the data they show. */
public final class Pages {

    private Pages() {
    }

    @CheckedTemplate
    public static class Templates {
        public static native TemplateInstance index(Site site, List<ThemeSummary> themes, ThemeSummary all,
                                                    List<ItemSummary> latest);

        public static native TemplateInstance theme(Site site, ThemeSummary theme, List<ItemSummary> items);

        public static native TemplateInstance item(Site site, ItemSummary item);
    }

    /** Site-wide data every page needs. */
    public record Site(String title, String homeUrl, String opmlUrl, List<FeedLink> alternates) {
    }

    /** A feed of a theme in one format: for subscribe links and {@code <link rel="alternate">}. */
    public record FeedLink(String label, String mediaType, String url, String title) {
    }

    public record ThemeSummary(String slug, String title, long count, String pageUrl, List<FeedLink> feeds) {
    }

    public record ItemSummary(String id, String title, LocalDate date, LocalDate endDate, String summary, String body,
                              String link, String pageUrl, List<ThemeSummary> themes) {
    }
}
