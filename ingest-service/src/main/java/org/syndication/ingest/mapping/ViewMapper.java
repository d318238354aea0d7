package org.syndication.ingest.mapping;

import org.syndication.ingest.FeedSource;
import org.syndication.ingest.ItemOutcome;
import org.syndication.ingest.rest.DocumentAccepted;
import org.syndication.ingest.rest.SourceView;
import org.syndication.ingest.service.DocumentService;

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

    public static SourceView toView(FeedSource s) {
        return new SourceView(s.id(), s.url(), s.name(), s.intervalSeconds(), s.status().name(), s.lastError(),
                s.consecutiveFailures(), s.itemsRead(), s.itemsPublished(), s.lastPolledAt(), s.lastSuccessAt(),
                s.nextPollAt(), s.etag(), s.lastModified());
    }
}
