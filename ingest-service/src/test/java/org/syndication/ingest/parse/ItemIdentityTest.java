package org.syndication.ingest.parse;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class ItemIdentityTest {

    private static final LocalDate DAY = LocalDate.of(2019, 5, 29);

    @Test
    void sameSourceDateAndTitleGiveTheSameIdWhateverTheSpellingOfSpaceCaseAndPunctuation() {
        String id = ItemIdentity.itemId("eu-unodc", DAY, "EU-UNODC  Conference: Vienna");
        assertThat(ItemIdentity.itemId(" EU-UNODC ", DAY, "eu unodc conference vienna")).isEqualTo(id);
        assertThat(ItemIdentity.itemId("eu-unodc", DAY, "EU–UNODC Conference, Vienna!")).isEqualTo(id);
        assertThat(ItemIdentity.itemId("eu-unodc", DAY, "Conférence")).isEqualTo(ItemIdentity.itemId("eu-unodc", DAY, "Conference"));
    }

    @Test
    void idIsAVersion5UuidPinnedForever() {
        String id = ItemIdentity.itemId("eu-unodc", DAY, "Title");
        UUID uuid = UUID.fromString(id);
        assertThat(uuid.version()).isEqualTo(5);
        assertThat(uuid.variant()).isEqualTo(2);
        // pinned: a change of the scheme would change every id already in Kafka and the feeds
        assertThat(id).isEqualTo(ItemIdentity.itemId("EU UNODC", DAY, "title"));
        assertThat(id).isEqualTo("%s", ItemIdentity.nameUuid("eu-unodc\n2019-05-29\ntitle").toString());
    }

    @Test
    void sourceDateAndTitleEachChangeTheId() {
        String id = ItemIdentity.itemId("a", DAY, "Title");
        assertThat(ItemIdentity.itemId("b", DAY, "Title")).isNotEqualTo(id);
        assertThat(ItemIdentity.itemId("a", DAY.plusDays(1), "Title")).isNotEqualTo(id);
        assertThat(ItemIdentity.itemId("a", DAY, "Title 2")).isNotEqualTo(id);
    }

    @Test
    void manyTitlesGiveDistinctIds() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            ids.add(ItemIdentity.itemId("src", DAY.plusDays(i % 31), "Item number " + i));
        }
        assertThat(ids).hasSize(10_000);
    }

    @Test
    void feedEntryPrefersGuidThenLinkThenDateAndTitle() {
        String byGuid = ItemIdentity.feedEntryId("feed", "guid-1", "https://x/1", DAY, "T");
        assertThat(ItemIdentity.feedEntryId("feed", "guid-1", "https://x/other", DAY.plusDays(3), "Other"))
                .isEqualTo(byGuid);
        String byLink = ItemIdentity.feedEntryId("feed", null, "https://x/1", DAY, "T");
        assertThat(byLink).isNotEqualTo(byGuid);
        assertThat(ItemIdentity.feedEntryId("feed", " ", "https://x/1", DAY.plusDays(1), "U")).isEqualTo(byLink);
        assertThat(ItemIdentity.feedEntryId("feed", null, null, DAY, "T")).isEqualTo(ItemIdentity.itemId("feed", DAY, "T"));
        assertThat(ItemIdentity.feedEntryId("feed", null, null, null, "T"))
                .isEqualTo(ItemIdentity.feedEntryId("feed", null, null, null, "t"));
    }

    @Test
    void occurrencesOfOneIdInADocumentAreDistinctAndStable() {
        String id = ItemIdentity.itemId("a", DAY, "Title");
        assertThat(ItemIdentity.occurrence(id, 1)).isEqualTo(id);
        assertThat(ItemIdentity.occurrence(id, 2)).isNotEqualTo(id).isEqualTo(ItemIdentity.occurrence(id, 2));
        assertThat(ItemIdentity.occurrence(id, 3)).isNotEqualTo(ItemIdentity.occurrence(id, 2));
    }

    @Test
    void contentHashIgnoresRunsOfWhiteSpaceButNotText() {
        String hash = ItemIdentity.contentHash("Title", "Body text.\n\nMore.");
        assertThat(hash).hasSize(64).matches("[0-9a-f]+");
        assertThat(ItemIdentity.contentHash(" Title ", "Body   text. More.")).isEqualTo(hash);
        assertThat(ItemIdentity.contentHash("Title", "Body text. More!")).isNotEqualTo(hash);
        assertThat(ItemIdentity.contentHash("title", "Body text. More.")).isNotEqualTo(hash);
    }

    @Test
    void canonicalSourceIsLowerCaseWithDashes() {
        assertThat(ItemIdentity.canonicalSource("  EU UNODC / Vienna ")).isEqualTo("eu-unodc-vienna");
        assertThat(ItemIdentity.canonicalSource("news.example.org")).isEqualTo("news.example.org");
        assertThat(ItemIdentity.canonicalSource("---")).isEmpty();
    }
}
