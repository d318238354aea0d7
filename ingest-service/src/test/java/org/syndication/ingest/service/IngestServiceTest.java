package org.syndication.ingest.service;

import jakarta.persistence.PersistenceException;
import org.junit.jupiter.api.Test;
import org.syndication.ingest.DatabaseUnavailableException;
import org.syndication.ingest.IngestedItem;
import org.syndication.ingest.ItemCandidate;
import org.syndication.ingest.ItemOutcome;
import org.syndication.ingest.parse.ItemIdentity;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.syndication.ingest.TestData.candidate;

class IngestServiceTest {

    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

    @Test
    void unknownItemIsNewAtVersionOne() {
        ItemOutcome outcome = IngestService.decide(candidate("a", "T", "B"), null);
        assertThat(outcome.status()).isEqualTo(ItemOutcome.Status.NEW);
        assertThat(outcome.version()).isEqualTo(1);
        assertThat(outcome.contentHash()).isEqualTo(ItemIdentity.contentHash("T", "B"));
    }

    @Test
    void sameTextIsUnchangedAndChangedTextIsTheNextVersion() {
        IngestedItem known = new IngestedItem("a", "s", ItemIdentity.contentHash("T", "B"), 3, NOW);
        assertThat(IngestService.decide(candidate("a", "T", "B"), known))
                .extracting(ItemOutcome::status, ItemOutcome::version).containsExactly(ItemOutcome.Status.UNCHANGED, 3L);
        assertThat(IngestService.decide(candidate("a", "T", "B corrected"), known))
                .extracting(ItemOutcome::status, ItemOutcome::version).containsExactly(ItemOutcome.Status.CORRECTED, 4L);
    }

    @Test
    void aDatabaseThatDoesNotAnswerIsUnavailableAndADataErrorIsNot() {
        // as Hibernate wraps them: a refused connection, a server shutting down, a pool acquisition timeout
        for (SQLException cause : List.of(new SQLException("refused", "08001"), new SQLException("shutdown", "57P01"),
                new SQLException("Acquisition timeout while waiting for new connection"))) {
            assertThatThrownBy(() -> IngestService.withDatabase(() -> {
                throw new PersistenceException("could not execute statement", cause);
            })).isInstanceOf(DatabaseUnavailableException.class).hasRootCause(cause);
        }
        PersistenceException dataError = new PersistenceException("constraint",
                new SQLException("duplicate key", "23505"));
        assertThatThrownBy(() -> IngestService.withDatabase(() -> {
            throw dataError;
        })).isSameAs(dataError);
        assertThat(IngestService.withDatabase(() -> "answered")).isEqualTo("answered");
    }

    @Test
    void repeatedIdsInOneDocumentStayDistinctItems() {
        List<ItemCandidate> unique = IngestService.withUniqueIds(List.of(
                candidate("x", "T", "1"), candidate("y", "U", "2"), candidate("x", "T", "3")));
        assertThat(unique).extracting(ItemCandidate::itemId)
                .containsExactly("x", "y", ItemIdentity.occurrence("x", 2));
    }
}
