package org.syndication.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A newsletter digest issued once for a theme and period, on {@link Topics#NEWS_DIGESTS}, keyed by
 * {@code theme + "/" + period}.
 *
 * @param theme      theme slug, or {@code all}
 * @param frequency  DAILY or WEEKLY
 * @param period     period id: {@code 2026-11-23} (daily) or {@code 2026-W48} (ISO week)
 * @param from       first day of the period (inclusive)
 * @param to         last day of the period (inclusive)
 * @param itemIds    items in the digest, in the order shown
 * @param archiveUrl absolute URL of the web archive page of this digest
 */
public record DigestIssued(
        String theme,
        Frequency frequency,
        String period,
        LocalDate from,
        LocalDate to,
        List<String> itemIds,
        String archiveUrl,
        Instant issuedAt) {

    public enum Frequency {
        DAILY,
        WEEKLY
    }

    public DigestIssued {
        Require.text(theme, "theme");
        Require.present(frequency, "frequency");
        Require.text(period, "period");
        Require.present(from, "from");
        Require.present(to, "to");
        Require.text(archiveUrl, "archiveUrl");
        Require.present(issuedAt, "issuedAt");
        itemIds = itemIds == null ? List.of() : List.copyOf(itemIds);
    }

    /** The Kafka key and natural id of this digest. */
    public String digestId() {
        return theme + "/" + period;
    }
}
