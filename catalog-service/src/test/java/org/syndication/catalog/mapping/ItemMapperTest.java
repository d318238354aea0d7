package org.syndication.catalog.mapping;

import org.junit.jupiter.api.Test;
import org.syndication.catalog.ItemTheme;
import org.syndication.catalog.NewsItem;
import org.syndication.catalog.TestData;
import org.syndication.catalog.classify.ThemeReason;
import org.syndication.catalog.rest.ItemView;
import org.syndication.events.ItemStatus;
import org.syndication.events.NewsItemCatalogued;
import org.syndication.events.NewsItemIngested;
import org.syndication.events.SourceRef;
import org.syndication.events.ThemeTag;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ItemMapperTest {

    @Test
    void appliesEveryFieldOfAnIngestedEventAndReportsAChange() {
        NewsItemIngested event = TestData.item().id("a-1").version(3).date(LocalDate.of(2024, 2, 20))
                .endDate(LocalDate.of(2024, 2, 22)).title("Title").body("Body text").build();
        NewsItem item = new NewsItem();
        assertThat(ItemMapper.applyIngested(event, item)).isTrue();
        assertThat(item.id).isEqualTo("a-1");
        assertThat(item.ingestVersion).isEqualTo(3);
        assertThat(item.sourceName).isEqualTo("test-source");
        assertThat(item.sourceUrl).isEqualTo("https://example.org/news");
        assertThat(item.date).isEqualTo(LocalDate.of(2024, 2, 20));
        assertThat(item.endDate).isEqualTo(LocalDate.of(2024, 2, 22));
        assertThat(item.title).isEqualTo("Title");
        assertThat(item.body).isEqualTo("Body text");
        assertThat(item.summary).isEqualTo("Body text");
        assertThat(item.link).isEqualTo("https://example.org/news#a-1");
        assertThat(item.language).isEqualTo("en");
        assertThat(item.contentHash).isEqualTo(event.contentHash());
        assertThat(item.ingestedAt).isEqualTo(event.ingestedAt());

        NewsItemIngested sameContent = TestData.item().id("a-1").version(4).date(LocalDate.of(2024, 2, 20))
                .endDate(LocalDate.of(2024, 2, 22)).title("Title").body("Body text").build();
        assertThat(ItemMapper.applyIngested(sameContent, item)).as("same content, newer version").isFalse();
        assertThat(item.ingestVersion).isEqualTo(4);
    }

    @Test
    void mapsTheCurrentStateToTheCataloguedEventWithThemeTitles() {
        NewsItem item = stored();
        NewsItemCatalogued event = ItemMapper.toCatalogued(item, slug -> slug.toUpperCase());
        assertThat(event).usingRecursiveComparison().isEqualTo(new NewsItemCatalogued("a-1", 5,
                new SourceRef("src", "https://example.org"), LocalDate.of(2024, 1, 1), null, "T", "S", "B",
                "https://example.org/1", "en", "h", List.of(new ThemeTag("cybercrime", "CYBERCRIME")),
                ItemStatus.WITHDRAWN, Instant.parse("2024-01-02T00:00:00Z"), Instant.parse("2024-01-03T00:00:00Z")));
        assertThat(event.themeSlugs()).isEqualTo("cybercrime");
    }

    @Test
    void mapsToTheApiViewWithTheReasons() {
        ItemView view = ItemViewMapper.toView(ItemMapper.toDetails(stored(), slug -> "Cybercrime", List.of()));
        assertThat(view.itemId()).isEqualTo("a-1");
        assertThat(view.version()).isEqualTo(5);
        assertThat(view.status()).isEqualTo(ItemStatus.WITHDRAWN);
        assertThat(view.themes()).singleElement().satisfies(t -> {
            assertThat(t.slug()).isEqualTo("cybercrime");
            assertThat(t.title()).isEqualTo("Cybercrime");
            assertThat(t.reason().matches()).extracting(ThemeReason.Match::term).containsExactly("cybercrime");
        });
        assertThat(ItemViewMapper.toSummary(ItemMapper.toListed(stored())).themes()).containsExactly("cybercrime");
    }

    @Test
    void aCopyKeepsEveryColumnAndStaysApartFromTheItem() {
        NewsItem item = stored();
        item.createdAt = Instant.parse("2024-01-01T12:00:00Z");
        item.ingestVersion = 4;
        NewsItem copy = ItemMapper.copyOf(item);
        assertThat(copy).usingRecursiveComparison().ignoringFields("themes").isEqualTo(item);
        assertThat(copy.themes).isEmpty();

        List<ItemTheme> themes = ItemMapper.copyOfThemes(item);
        assertThat(themes).usingRecursiveComparison().ignoringFields("item").isEqualTo(item.themes);
        item.version++;
        item.themes.get(0).score = 1;
        assertThat(copy.version).isEqualTo(5);
        assertThat(themes.get(0).score).isEqualTo(9);
        assertThat(ItemMapper.toCatalogued(copy, slug -> slug).version()).isEqualTo(5);
    }

    private static NewsItem stored() {
        NewsItem item = new NewsItem();
        item.id = "a-1";
        item.version = 5;
        item.sourceName = "src";
        item.sourceUrl = "https://example.org";
        item.date = LocalDate.of(2024, 1, 1);
        item.title = "T";
        item.summary = "S";
        item.body = "B";
        item.link = "https://example.org/1";
        item.language = "en";
        item.contentHash = "h";
        item.status = ItemStatus.WITHDRAWN;
        item.ingestedAt = Instant.parse("2024-01-02T00:00:00Z");
        item.updatedAt = Instant.parse("2024-01-03T00:00:00Z");
        ItemTheme theme = new ItemTheme();
        theme.slug = "cybercrime";
        theme.score = 9;
        theme.reason = JsonText.write(new ThemeReason(9, 6, List.of(new ThemeReason.Match("cybercrime", 3, 1, 0, 9))));
        item.themes.add(theme);
        return item;
    }
}
