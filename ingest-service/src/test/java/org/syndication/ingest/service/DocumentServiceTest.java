package org.syndication.ingest.service;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.runtime.configuration.MemorySize;
import org.junit.jupiter.api.Test;
import org.syndication.ingest.DocumentTooLargeException;
import org.syndication.ingest.EmptyDocumentException;
import org.syndication.ingest.ItemCandidate;
import org.syndication.ingest.config.IngestConfig;
import org.syndication.ingest.parse.ItemIdentity;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DocumentServiceTest {

    private static final String PAGE = """
            Harbour news

            20 April 2017: Harbour training for customs officers
            Thirty officers took part.

            3 March 2017: Conference on maritime crime
            Experts met for two days.
            """;

    private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    /** No IngestService at all: a preview that tried to publish or read the ledger would fail. */
    private final DocumentService service = new DocumentService(null, config(4096), metrics);

    private static DocumentService.Document text(String body) {
        return new DocumentService.Document(body.getBytes(StandardCharsets.UTF_8), false, "utf-8", " Harbour Office ",
                "https://press.example.org/news");
    }

    @Test
    void previewGivesTheIdsARealPostWouldGiveWithoutPublishing() {
        DocumentService.Preview preview = service.preview(text(PAGE));

        assertThat(preview.source()).isEqualTo("harbour-office");
        assertThat(preview.items()).extracting(ItemCandidate::itemId).containsExactly(
                ItemIdentity.itemId("harbour-office", LocalDate.of(2017, 4, 20), "Harbour training for customs officers"),
                ItemIdentity.itemId("harbour-office", LocalDate.of(2017, 3, 3), "Conference on maritime crime"));
        assertThat(preview.items()).extracting(ItemCandidate::link).containsOnly("https://press.example.org/news");
        assertThat(preview.reading().dropped()).extracting(d -> d.text()).contains("Harbour news");
        assertThat(metrics.counter("ingest.previews", "type", "text").count()).isEqualTo(1.0);
        assertThat(metrics.find("ingest.documents").counter()).isNull();
        assertThat(metrics.find("ingest.items").counter()).isNull();
    }

    @Test
    void aPageWithoutItemsIsAPreviewNotAnError() {
        DocumentService.Preview preview = service.preview(text("Welcome to our website.\nNothing dated here."));
        assertThat(preview.items()).isEmpty();
        assertThat(preview.reading().layout()).isNotBlank();
    }

    @Test
    void previewHasTheChecksOfARealPost() {
        assertThatThrownBy(() -> service.preview(text("x".repeat(4097)))).isInstanceOf(DocumentTooLargeException.class);
        assertThatThrownBy(() -> service.preview(text("  \n "))).isInstanceOf(EmptyDocumentException.class);
    }

    private static IngestConfig config(long maxBodySize) {
        return new IngestConfig() {
            @Override
            public MemorySize maxBodySize() {
                return new MemorySize(BigInteger.valueOf(maxBodySize));
            }

            @Override
            public String defaultLanguage() {
                return "en";
            }

            @Override
            public Publish publish() {
                throw new UnsupportedOperationException("a preview never publishes");
            }

            @Override
            public Sources sources() {
                throw new UnsupportedOperationException("not used by documents");
            }

            @Override
            public java.util.Optional<String> apiToken() {
                return java.util.Optional.empty();
            }
        };
    }
}
