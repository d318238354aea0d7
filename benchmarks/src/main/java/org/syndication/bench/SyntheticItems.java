package org.syndication.bench;

import org.syndication.events.NewsItemIngested;
import org.syndication.events.SourceRef;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Made-up news items, shaped like the demo pages, so that every run measures the same work. */
final class SyntheticItems {

    private static final DateTimeFormatter LISTING_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);
    /** Past days only: the page reader takes dates up to a year ahead, so 2031 items were no items at all (422). */
    private static final LocalDate FIRST_DAY = LocalDate.of(2015, 1, 1);
    private static final String BODY = "UNODC and the European Union held a meeting in Brussels on border control,"
            + " migrant smuggling and trafficking in persons, with prosecutors and customs officers from the region."
            + " The participants agreed on joint training on financial investigation and digital evidence.";

    private SyntheticItems() {
    }

    static LocalDate date(int n) {
        return FIRST_DAY.plusDays(n % 3000);
    }

    static String title(String run, int n) {
        return "Synthetic item " + run + "-" + n + " on border control and migrant smuggling";
    }

    /** A plain-text listing page with {@code count} items, numbered from {@code first}. */
    static String listingPage(String run, int first, int count) {
        StringBuilder page = new StringBuilder("News\n\n");
        for (int n = first; n < first + count; n++) {
            page.append(LISTING_DATE.format(date(n))).append(": ").append(title(run, n)).append("\n\n")
                    .append(BODY).append("\n\n");
        }
        return page.toString();
    }

    /** A plain-text page of one item with its own date and title. */
    static String singleItemPage(LocalDate date, String title) {
        return "News\n\n" + LISTING_DATE.format(date) + ": " + title + "\n\n" + BODY + "\n";
    }

    static NewsItemIngested event(int n) {
        return new NewsItemIngested("bench-" + n, 1, new SourceRef("bench", null), date(n), null,
                title("raw", n), BODY.substring(0, 80), BODY, null, "en", Integer.toHexString(n), Instant.now());
    }
}
