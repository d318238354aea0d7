package org.syndication.ingest.mapping;

import org.junit.jupiter.api.Test;
import org.syndication.ingest.rest.DocumentPreview;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PreviewTextTest {

    private static final LocalDate DAY = LocalDate.of(2023, 5, 12);

    @Test
    void layoutThenOneLinePerItemThenTheDroppedLinesWithTheirReasons() {
        DocumentPreview preview = new DocumentPreview(true, "harbour-office", "text", "title, then date line", 2,
                List.of(new DocumentPreview.Item("id-1", DAY, DAY.plusDays(2), "Night drills", "Summary.",
                                "https://press.example.org/drills", null),
                        new DocumentPreview.Item("id-2", DAY.minusDays(14), null, "Agreement signed", "", null, null)),
                List.of(new DocumentPreview.Dropped("Content type: News", "label line (name: value)")));

        assertThat(PreviewText.render(preview)).isEqualTo("""
                dry run: nothing published
                reader: text; layout: title, then date line; date lines: 2
                2 items:
                  2023-05-12..2023-05-14  Night drills  [https://press.example.org/drills]
                  2023-04-28  Agreement signed
                1 dropped line:
                  Content type: News  (label line (name: value))
                """);
    }

    @Test
    void aPageWithoutItemsStillShowsWhatWasDropped() {
        DocumentPreview preview = new DocumentPreview(true, "s", "text", "no item found", 0, List.of(),
                List.of(new DocumentPreview.Dropped("Home | News", "page chrome")));
        assertThat(PreviewText.render(preview)).contains("0 items\n", "1 dropped line:\n  Home | News  (page chrome)\n")
                .doesNotContain("0 items:");
    }

    @Test
    void pageTextCannotBreakLinesOrSendTerminalControls() {
        String hostile = "Title\u001b[2J\nsecond line\u2028\u202Eevil";
        String longLine = "word ".repeat(40);
        DocumentPreview preview = new DocumentPreview(true, "s", "text", "t", 1,
                List.of(new DocumentPreview.Item("id", DAY, null, hostile, "", null, null)),
                List.of(new DocumentPreview.Dropped(longLine, "page chrome")));

        String text = PreviewText.render(preview);

        assertThat(text).doesNotContain("\u001b", "\u2028", "\u202E")
                .contains("  2023-05-12  Title [2J second line evil\n");
        String droppedLine = text.lines().filter(l -> l.endsWith("(page chrome)")).findFirst().orElseThrow();
        assertThat(droppedLine.length()).isLessThanOrEqualTo(2 + PreviewText.DROPPED_MAX + "  (page chrome)".length());
        assertThat(droppedLine).contains("…");
    }
}
