package org.syndication.feed.mapping;

import org.syndication.events.DigestIssued;
import org.syndication.feed.FeedItem;
import org.syndication.feed.PublicUrls;
import org.syndication.feed.Theme;
import org.syndication.feed.digest.Digest;
import org.syndication.feed.render.DigestMails;
import org.syndication.feed.render.FeedEntry;
import org.syndication.feed.render.XmlText;

import java.util.List;
import java.util.Map;

/** Pure conversions of digests: to the DigestIssued event and to the view shown in mails and pages. */
public final class DigestMapper {

    private DigestMapper() {
    }

    public static DigestIssued toIssued(Digest digest, PublicUrls urls) {
        return new DigestIssued(digest.theme, digest.frequency, digest.periodId, digest.fromDate, digest.toDate,
                digest.itemIds, urls.digest(digest.theme, digest.periodId), digest.issuedAt);
    }

    /** A digest as an entry of the digests' Atom feed. */
    public static FeedEntry toEntry(Digest digest, Theme theme, PublicUrls urls) {
        String title = theme.title() + ": " + digest.period().label();
        String text = digest.itemIds.size() + " items";
        return new FeedEntry(digest.id.toString(), "urn:uuid:" + digest.id, XmlText.clean(title),
                urls.digest(digest.theme, digest.periodId), digest.issuedAt, digest.issuedAt,
                List.of(new FeedEntry.Category(digest.theme, XmlText.clean(theme.title()), urls.themes())), text, text,
                null);
    }

    public static DigestMails.DigestView toView(Digest digest, Theme theme, List<FeedItem> items, PublicUrls urls,
                                                String siteTitle) {
        List<DigestMails.Item> shown = items.stream().map(i -> {
            var entry = EntryMapper.toEntry(i, Map.of(), urls);
            return new DigestMails.Item(entry.title(), i.itemDate, entry.summary(), entry.link());
        }).toList();
        return new DigestMails.DigestView(siteTitle, digest.theme, theme.title(), digest.periodId,
                digest.period().label(), shown, urls.digest(digest.theme, digest.periodId), urls.theme(digest.theme));
    }
}
