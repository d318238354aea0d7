package org.syndication.catalog.classify;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class PrefixesTest {

    @Test
    void findsEveryPrefixAWordStartsWithShortestFirst() {
        Prefixes prefixes = new Prefixes(Set.of("drogen", "drogenhandel", "schleuser", "drog"));

        assertThat(prefixes.addMatches("drogenhandelsring", null)).containsExactly("drog*", "drogen*", "drogenhandel*");
        assertThat(prefixes.addMatches("drogen", null)).containsExactly("drog*", "drogen*");
        assertThat(prefixes.addMatches("dro", null)).isNull();
        assertThat(prefixes.addMatches("handel", null)).isNull();
    }

    @Test
    void aWordWhoseLeadingPartOnlySharesAPrefixsHashIsNoMatch() {
        // "Aa" and "BB" have the same String hash: only the characters decide
        assertThat("Aa".hashCode()).isEqualTo("BB".hashCode());
        Prefixes prefixes = new Prefixes(Set.of("Aa"));

        assertThat(prefixes.addMatches("BBx", null)).isNull();
        assertThat(prefixes.addMatches("Aax", null)).containsExactly("Aa*");
        assertThat(new Prefixes(Set.of("Aa", "BB")).addMatches("BBx", null)).containsExactly("BB*");
    }

    @Test
    void addsToTheGivenListAndMakesNoneWhenNothingMatches() {
        Prefixes prefixes = new Prefixes(Set.of("schleus"));
        List<String> at = new java.util.ArrayList<>(List.of("schleuser"));

        assertThat(prefixes.addMatches("schleuser", at)).isSameAs(at).containsExactly("schleuser", "schleus*");
        assertThat(Prefixes.NONE.isEmpty()).isTrue();
        assertThat(Prefixes.NONE.addMatches("anything", null)).isNull();
    }
}
