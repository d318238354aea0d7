package org.syndication.ingest.rest;

import jakarta.ws.rs.core.MediaType;
import org.junit.jupiter.api.Test;
import org.syndication.ingest.InvalidRequestException;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DocumentResourceTest {

    @Test
    void dryRunIsReadStrictlySoATypoNeverPublishes() {
        assertThat(DocumentResource.isDryRun(null)).isFalse();
        assertThat(DocumentResource.isDryRun("false")).isFalse();
        assertThat(DocumentResource.isDryRun("FALSE")).isFalse();
        assertThat(DocumentResource.isDryRun("true")).isTrue();
        assertThat(DocumentResource.isDryRun("True")).isTrue();
        assertThat(DocumentResource.isDryRun("")).isTrue(); // the bare flag: ?dryRun
        for (String typo : List.of("1", "yes", "ture", "on")) {
            assertThatThrownBy(() -> DocumentResource.isDryRun(typo)).isInstanceOf(InvalidRequestException.class)
                    .hasMessageContaining("dryRun");
        }
    }

    @Test
    void textOnlyWhenTheClientRanksItAboveJson() {
        assertThat(DocumentResource.prefersText(List.of(MediaType.TEXT_PLAIN_TYPE))).isTrue();
        assertThat(DocumentResource.prefersText(List.of(MediaType.TEXT_PLAIN_TYPE, MediaType.APPLICATION_JSON_TYPE)))
                .isTrue();
        assertThat(DocumentResource.prefersText(List.of(MediaType.APPLICATION_JSON_TYPE, MediaType.TEXT_PLAIN_TYPE)))
                .isFalse();
        assertThat(DocumentResource.prefersText(List.of(MediaType.WILDCARD_TYPE))).isFalse();
        assertThat(DocumentResource.prefersText(List.of())).isFalse();
    }
}
