package org.syndication.catalog.mapping;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StoryKeysTest {

    private static final String PAGE = "https://news.example.net/press";

    @Test
    void spellingsOfOneAddressGiveOneKey() {
        String key = StoryKeys.linkKey("https://news.example.net/2024/05/harbour-patrols", PAGE);
        assertThat(key).isEqualTo("news.example.net/2024/05/harbour-patrols");
        assertThat(StoryKeys.linkKey("HTTP://WWW.News.Example.NET:80/2024/05/harbour-patrols/", PAGE)).isEqualTo(key);
        assertThat(StoryKeys.linkKey("https://news.example.net:443/2024/05/harbour-patrols?utm_source=rss&utm_medium=feed",
                PAGE)).isEqualTo(key);
        assertThat(StoryKeys.linkKey(" https://news.example.net/2024/05/harbour-patrols?fbclid=abc ", PAGE)).isEqualTo(key);
    }

    @Test
    void whatNamesAnotherPageStillCounts() {
        assertThat(StoryKeys.linkKey("https://news.example.net/item?id=7&utm_campaign=x&lang=fr", PAGE))
                .isEqualTo(StoryKeys.linkKey("https://news.example.net/item?lang=fr&id=7", PAGE))
                .isNotEqualTo(StoryKeys.linkKey("https://news.example.net/item?id=8&lang=fr", PAGE));
        assertThat(StoryKeys.linkKey("https://news.example.net/Item", PAGE))
                .as("the path keeps its case").isNotEqualTo(StoryKeys.linkKey("https://news.example.net/item", PAGE));
        assertThat(StoryKeys.linkKey("https://news.example.net/press#item-2", PAGE))
                .as("anchors of one page are different items").isEqualTo("news.example.net/press#item-2")
                .isNotEqualTo(StoryKeys.linkKey("https://news.example.net/press#item-3", PAGE));
        assertThat(StoryKeys.linkKey("https://news.example.net:8443/a", PAGE)).isEqualTo("news.example.net:8443/a");
    }

    @Test
    void theSourcePageItselfOrNoHttpLinkIsNoLinkOfTheItem() {
        assertThat(StoryKeys.linkKey("https://news.example.net/press/", PAGE)).isNull();
        assertThat(StoryKeys.linkKey("http://www.news.example.net/press?utm_source=x", PAGE)).isNull();
        assertThat(StoryKeys.linkKey(null, PAGE)).isNull();
        assertThat(StoryKeys.linkKey("  ", PAGE)).isNull();
        assertThat(StoryKeys.linkKey("mailto:press@example.net", PAGE)).isNull();
        assertThat(StoryKeys.linkKey("/relative/path", PAGE)).isNull();
        assertThat(StoryKeys.linkKey("https://bad host/x", PAGE)).isNull();
        assertThat(StoryKeys.linkKey("https://news.example.net/a", null)).isEqualTo("news.example.net/a");
    }

    @Test
    void titlesCompareWithoutCaseAccentsAndPunctuation() {
        assertThat(StoryKeys.titleKey("Coastal Patrols Seize 2 Tonnes — of Cocaïne!"))
                .isEqualTo("coastal patrols seize 2 tonnes of cocaine")
                .isEqualTo(StoryKeys.titleKey("  coastal patrols seize 2 tonnes of COCAINE  "));
        assertThat(StoryKeys.titleKey("Réunion à Genève")).isEqualTo("reunion a geneve");
        assertThat(StoryKeys.titleKey("!!!")).isEmpty();
        assertThat(StoryKeys.titleKey(null)).isEmpty();
    }
}
