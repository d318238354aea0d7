package org.syndication.ingest.mapping;

import org.junit.jupiter.api.Test;
import org.syndication.ingest.ItemCandidate;
import org.syndication.ingest.parse.PageReading;
import org.syndication.ingest.rest.DocumentPreview;
import org.syndication.ingest.service.DocumentService;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ViewMapperTest {

    private static final LocalDate DAY = LocalDate.of(2023, 5, 12);

    @Test
    void previewKeepsTheLayoutTheDroppedLinesAndTheItemsAsTheyWouldBePublished() {
        String longBody = "Twelve pilots finished a week of drills. " + "They steered at night in fog. ".repeat(20);
        ItemCandidate ranged = new ItemCandidate("id-1", DAY, DAY.plusDays(2), "Night drills in the channel", longBody,
                "https://press.example.org/drills", "Northport");
        ItemCandidate plain = new ItemCandidate("id-2", DAY.minusDays(14), null, "Data-sharing agreement signed", "",
                null, null);
        PageReading reading = new PageReading(List.of(), "text", "title, then date line", 2,
                List.of(new PageReading.DroppedLine("Content type: News", "label line (name: value)")));

        DocumentPreview view = ViewMapper.toView(new DocumentService.Preview("harbour-office", reading,
                List.of(ranged, plain)));

        assertThat(view).usingRecursiveComparison().isEqualTo(new DocumentPreview(true, "harbour-office", "text",
                "title, then date line", 2,
                List.of(new DocumentPreview.Item("id-1", DAY, DAY.plusDays(2), "Night drills in the channel",
                                ItemMapper.summary(longBody), "https://press.example.org/drills", "Northport"),
                        new DocumentPreview.Item("id-2", DAY.minusDays(14), null, "Data-sharing agreement signed", "",
                                null, null)),
                List.of(new DocumentPreview.Dropped("Content type: News", "label line (name: value)"))));
        assertThat(view.items().get(0).summary()).hasSizeLessThanOrEqualTo(ItemMapper.SUMMARY_MAX)
                .startsWith("Twelve pilots finished a week of drills.");
    }
}
