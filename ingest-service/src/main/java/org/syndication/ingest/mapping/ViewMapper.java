package org.syndication.ingest.mapping;

import org.syndication.ingest.FeedSource;
import org.syndication.ingest.ItemOutcome;
import org.syndication.ingest.rest.DocumentAccepted;
import org.syndication.ingest.rest.SourceView;
import org.syndication.ingest.service.DocumentService;

import java.util.Locale;

/** Pure conversions from domain results to the HTTP API's records. */
public final class ViewMapper {

    private ViewMapper() {
    }

    public static DocumentAccepted toView(DocumentService.Accepted accepted) {
        return new DocumentAccepted(accepted.documentId(), accepted.source(),
                accepted.items().stream().map(ViewMapper::toView).toList());
    }

    static DocumentAccepted.Item toView(ItemOutcome outcome) {
        return new DocumentAccepted.Item(outcome.item().itemId(), outcome.item().date(), outcome.item().endDate(),
                outcome.item().title(), outcome.version(), outcome.status().name());
    }

    /** @param withErrors whether the caller is the operator: error details (addresses, hosts) are for them only */
    public static SourceView toView(FeedSource s, boolean withErrors) {
        return new SourceView(s.id(), s.url(), s.name(),
                s.kind() == null ? null : s.kind().name().toLowerCase(Locale.ROOT), s.fetchUrl(), s.format(),
                s.intervalSeconds(), s.status().name(), s.lastHttpStatus(), withErrors ? s.lastError() : null,
                s.consecutiveFailures(), s.itemsRead(), s.itemsPublished(), s.layout(), s.emptyReads(), s.degraded(),
                s.lastPolledAt(), s.lastSuccessAt(), s.nextPollAt(), s.etag(), s.lastModified());
    }
}
