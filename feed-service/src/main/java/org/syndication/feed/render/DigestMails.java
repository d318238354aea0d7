package org.syndication.feed.render;

import io.quarkus.mailer.MailTemplate;
import io.quarkus.qute.CheckedTemplate;

import java.time.LocalDate;
import java.util.List;

/**
 * The e-mails (Qute templates under {@code templates/DigestMails/}): each one has an HTML template (responsive,
 * inline CSS) and a plain-text template of the same name, sent as alternatives. Confirmation and manage mails go
 * through the type-safe mail templates below; digests through {@link DigestMailRenderer}, which renders once per
 * digest.
 */
public final class DigestMails {

    private DigestMails() {
    }

    @CheckedTemplate
    public static class Templates {
        public static native MailTemplate.MailTemplateInstance confirm(String siteTitle, String themes, String frequency,
                                                                       String confirmUrl, long validHours);

        public static native MailTemplate.MailTemplateInstance manage(String siteTitle, String manageUrl);
    }

    /** A digest as shown in the mail and on its archive page. */
    public record DigestView(String siteTitle, String theme, String themeTitle, String periodId, String periodLabel,
                             List<Item> items, String archiveUrl, String themeUrl) {
    }

    public record Item(String title, LocalDate date, String summary, String link) {
    }

    /** Per-recipient links of the footer. */
    public record Links(String archiveUrl, String manageUrl, String unsubscribeUrl) {
    }
}
