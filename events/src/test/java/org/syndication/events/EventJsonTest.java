package org.syndication.events;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventJsonTest {

    private static final SourceRef SOURCE = new SourceRef("eu-unodc", "https://example.org/news.html");
    private static final Instant AT = Instant.parse("2026-11-23T10:15:30Z");

    static NewsItemIngested ingested() {
        return new NewsItemIngested("item-1", 2, SOURCE, LocalDate.of(2017, 4, 20), LocalDate.of(2017, 4, 21),
                "Exchanges on migrant smuggling", "A delegation came.", "A delegation came to Brussels.",
                "https://example.org/news.html#1", "en", "abc123", AT);
    }

    @Test
    void ingestedRoundTrips() {
        NewsItemIngested event = ingested();
        assertThat(EventJson.fromBytes(EventJson.toBytes(event), NewsItemIngested.class)).isEqualTo(event);
    }

    @Test
    void cataloguedRoundTripsWithThemes() {
        NewsItemCatalogued event = new NewsItemCatalogued("item-1", 3, SOURCE, LocalDate.of(2017, 4, 20), null,
                "Title", "Summary", "Body", null, "en", "abc",
                List.of(new ThemeTag("corruption", "Corruption and economic crime"),
                        new ThemeTag("cybercrime", "Cybercrime")),
                ItemStatus.PUBLISHED, AT, AT.plusSeconds(5));
        NewsItemCatalogued read = EventJson.fromBytes(EventJson.toBytes(event), NewsItemCatalogued.class);
        assertThat(read).isEqualTo(event);
        assertThat(read.themeSlugs()).isEqualTo("corruption,cybercrime");
    }

    @Test
    void digestRoundTrips() {
        DigestIssued event = new DigestIssued("cybercrime", DigestIssued.Frequency.WEEKLY, "2026-W48",
                LocalDate.of(2026, 11, 23), LocalDate.of(2026, 11, 29), List.of("a", "b"),
                "https://news.example.org/digests/cybercrime/2026-W48", AT);
        DigestIssued read = EventJson.fromBytes(EventJson.toBytes(event), DigestIssued.class);
        assertThat(read).isEqualTo(event);
        assertThat(read.digestId()).isEqualTo("cybercrime/2026-W48");
    }

    @Test
    void datesAreWrittenAsIsoStrings() {
        String json = EventJson.toJson(ingested());
        assertThat(json).contains("\"date\":\"2017-04-20\"", "\"ingestedAt\":\"2026-11-23T10:15:30Z\"");
    }

    @Test
    void unknownFieldsAreIgnoredSoEventsCanGrow() {
        String json = EventJson.toJson(ingested()).replaceFirst("\\{", "{\"addedLater\":42,");
        assertThat(EventJson.fromJson(json, NewsItemIngested.class)).isEqualTo(ingested());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "",
            "not json",
            "{\"itemId\":\"x\"",
            "[1,2,3]",
            "{\"itemId\":\"x\",\"version\":1}",
            "{} {}",
    })
    void malformedPayloadsAreRefusedWithAReason(String json) {
        assertThatThrownBy(() -> EventJson.fromJson(json, NewsItemIngested.class))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("NewsItemIngested");
    }

    @Test
    void missingTitleIsRefused() {
        String json = EventJson.toJson(ingested()).replace("\"title\":\"Exchanges on migrant smuggling\",", "");
        assertThatThrownBy(() -> EventJson.fromJson(json, NewsItemIngested.class))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("title is required");
    }

    @Test
    void endBeforeStartIsRefused() {
        String json = EventJson.toJson(ingested()).replace("2017-04-21", "2017-04-19");
        assertThatThrownBy(() -> EventJson.fromJson(json, NewsItemIngested.class))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("endDate");
    }

    @Test
    void deserializerKeepsTombstonesAndReadsRecords() {
        var deserializer = new EventDeserializer.NewsItemIngestedDeserializer();
        assertThat(deserializer.deserialize(Topics.NEWS_INGESTED, null)).isNull();
        byte[] bytes = new EventSerializer<NewsItemIngested>().serialize(Topics.NEWS_INGESTED, ingested());
        assertThat(deserializer.deserialize(Topics.NEWS_INGESTED, bytes)).isEqualTo(ingested());
    }
}
