package org.syndication.feed.mapping;

import org.syndication.events.DigestIssued;
import org.syndication.feed.PublicUrls;
import org.syndication.feed.Theme;
import org.syndication.feed.digest.Digest;
import org.syndication.feed.digest.IssuedDigest;
import org.syndication.feed.render.DigestMails;
import org.syndication.feed.render.FeedEntry;
import org.syndication.feed.render.XmlText;

import java.util.List;

/**
 * Pure conversions of digests: the row to the DigestIssued event and to an entry of the digests' Atom feed (inside
 * DigestService), an issued digest to the template model of mails and pages (called from render/ and rest/ only).
 */
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

    /** The template model of a digest's mail and archive page. */
    public static DigestMails.DigestView toView(IssuedDigest digest, String siteTitle) {
        List<DigestMails.Item> items = digest.items().stream()
                .map(i -> new DigestMails.Item(i.title(), i.date(), i.summary(), i.link())).toList();
        return new DigestMails.DigestView(siteTitle, digest.list(), digest.title(), digest.period().id(),
                digest.period().label(), items, digest.archiveUrl(), digest.themeUrl());
    }
}
