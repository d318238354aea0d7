package org.syndication.ingest.mapping;

import org.syndication.ingest.FeedSource;
import org.syndication.ingest.ItemCandidate;
import org.syndication.ingest.ItemOutcome;
import org.syndication.ingest.parse.PageReading;
import org.syndication.ingest.rest.DocumentAccepted;
import org.syndication.ingest.rest.DocumentPreview;
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

    /** A dry run's answer: the reading's layout and dropped lines, the items as they would be published. */
    public static DocumentPreview toView(DocumentService.Preview preview) {
        PageReading reading = preview.reading();
        return new DocumentPreview(true, preview.source(), reading.reader(), reading.layout(), reading.dateLines(),
                preview.items().stream().map(ViewMapper::toPreviewItem).toList(),
                reading.dropped().stream().map(d -> new DocumentPreview.Dropped(d.text(), d.reason())).toList());
    }

    static DocumentPreview.Item toPreviewItem(ItemCandidate item) {
        return new DocumentPreview.Item(item.itemId(), item.date(), item.endDate(), item.title(),
                ItemMapper.summary(item.body()), item.link(), item.place());
    }

    /** @param withErrors whether the caller is the operator: error details (addresses, hosts) are for them only */
    public static SourceView toView(FeedSource s, boolean withErrors) {
        return new SourceView(s.id, s.url, s.name,
                s.kind == null ? null : s.kind.name().toLowerCase(Locale.ROOT), s.fetchUrl, s.format,
                s.intervalSeconds, s.status.name(), s.lastHttpStatus, withErrors ? s.lastError : null,
                s.consecutiveFailures, s.itemsRead, s.itemsPublished, s.layout, s.emptyReads, s.degraded(),
                s.lastPolledAt, s.lastSuccessAt, s.nextPollAt, s.etag, s.lastModified);
    }
}
