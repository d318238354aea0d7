package org.syndication.feed;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SearchQueryTest {

    @Test
    void whiteSpaceIsNormalisedAndTheSyntaxLeftToTheDatabase() {
        assertThat(SearchQuery.parse("  border\t control \n -drill ", 200).query())
                .contains(new SearchQuery("border control -drill"));
        assertThat(SearchQuery.parse("\"a phrase\" or other", 200).query())
                .contains(new SearchQuery("\"a phrase\" or other"));
        assertThat(SearchQuery.parse("\"unbalanced", 200).query()).isPresent();
    }

    @Test
    void blankTooLongAndControlCharactersAreRefused() {
        assertThat(SearchQuery.parse(null, 200).refusal()).startsWith("q is required");
        assertThat(SearchQuery.parse(" \t ", 200).refusal()).startsWith("q is required");
        assertThat(SearchQuery.parse("x".repeat(201), 200).refusal()).isEqualTo("q must be at most 200 characters");
        assertThat(SearchQuery.parse("x".repeat(200), 200).query()).isPresent();
        assertThat(SearchQuery.parse("a\u0000b", 200).refusal()).contains("control characters");
        assertThat(SearchQuery.parse("a\u001bb", 200).query()).isEmpty();
        assertThat(SearchQuery.parse("a\u200bb", 200).query()).as("format characters").isEmpty();
        assertThat(SearchQuery.parse("a\ud800b", 200).query()).as("an unpaired surrogate").isEmpty();
    }
}
