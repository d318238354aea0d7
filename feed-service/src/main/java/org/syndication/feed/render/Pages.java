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

        public static native TemplateInstance digests(Site site, ThemeSummary theme, List<DigestLink> digests,
                                                      String atomUrl);

        public static native TemplateInstance digest(Site site, DigestMails.DigestView digest);

        public static native TemplateInstance message(Site site, Message message);

        public static native TemplateInstance manage(Site site, List<ThemeChoice> themes, String frequency,
                                                     ScheduleChoice schedule, String formAction, String unsubscribeUrl);
    }

    /** One issued digest in the archive list. */
    public record DigestLink(String periodId, String label, String url, int items) {
    }

    /**
     * A short page: a heading, a text and, optionally, a button that POSTs to {@code formAction} (so that a GET
     * never changes anything).
     */
    public record Message(String title, String text, String formAction, String button) {
    }

    public record ThemeChoice(String slug, String title, boolean checked) {
    }

    /** When digests go out, as the manage page offers it: hour and weekday options, the zone and known zone ids. */
    public record ScheduleChoice(List<Option> hours, String zone, List<Option> weekdays, List<String> zones) {
    }

    /** One option of a select field. */
    public record Option(String value, String label, boolean selected) {
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
