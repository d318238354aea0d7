package org.syndication.ingest.mapping;

import org.jsoup.Jsoup;
import org.syndication.events.NewsItemIngested;
import org.syndication.events.SourceRef;
import org.syndication.ingest.ItemCandidate;
import org.syndication.ingest.ItemOutcome;
import org.syndication.ingest.feeds.ParsedEntry;
import org.syndication.ingest.parse.ItemIdentity;
import org.syndication.ingest.parse.NewsItemDraft;

import java.text.BreakIterator;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Pure conversions: parser draft or feed entry → {@link ItemCandidate} → {@link NewsItemIngested}. */
public final class ItemMapper {

    /** What a browser strips from both ends of a URL: C0 controls and spaces. */
    private static final Pattern LINK_EDGES = Pattern.compile("^[\\x00-\\x20]+|[\\x00-\\x20]+$");
    /** What a browser removes anywhere in a URL. */
    private static final Pattern LINK_BREAKS = Pattern.compile("[\t\n\r]");
    /**
     * http or https in any case, two slashes (browsers take backslashes for slashes in these schemes), an
     * authority (group 1; user info allowed) and the rest; no control character anywhere.
     */
    private static final Pattern HTTP_URL =
            Pattern.compile("(?i)https?:[/\\\\]{2}([^/\\\\?#\\x00-\\x1f\\x7f]*)[^\\x00-\\x1f\\x7f]*");
    /** Control characters (C0, DEL, C1) and white space, in feed text: one space. */
    private static final Pattern CONTROLS_AND_SPACE = Pattern.compile("[\\s\\p{Cc}]+");

    /** Longest summary, cut after a sentence (or a word) within it. */
    static final int SUMMARY_MAX = 300;
    /** Longest title derived from a body when an entry has none. */
    static final int DERIVED_TITLE_MAX = 120;

    private ItemMapper() {
    }

    /**
     * An item of a posted page; without an http(s) link of its own (none, a relative one on a page posted without
     * its URL, or a script link) it points at the page's URL (may be null).
     */
    public static ItemCandidate fromDraft(String source, NewsItemDraft draft, String pageUrl) {
        String title = draft.title().strip();
        String link = httpLink(draft.link());
        return new ItemCandidate(ItemIdentity.itemId(source, draft.date(), title), draft.date(), draft.endDate(),
                title, draft.body().strip(), link != null ? link : pageUrl, draft.place());
    }

    /**
     * An entry of a polled feed. An undated entry gets {@code seenOn} (the day it was first read) as its date;
     * an entry with neither title nor text is skipped.
     */
    public static Optional<ItemCandidate> fromFeedEntry(String source, ParsedEntry entry, LocalDate seenOn) {
        String body = entry.content() == null ? "" : htmlToText(entry.content());
        String title = htmlToText(entry.title());
        if (title.isEmpty()) {
            title = shorten(body, DERIVED_TITLE_MAX);
        }
        if (title.isEmpty()) {
            return Optional.empty();
        }
        LocalDate published = entry.published() == null ? null : LocalDate.ofInstant(entry.published(), ZoneOffset.UTC);
        String id = ItemIdentity.feedEntryId(source, entry.guid(), entry.link(), published, title);
        return Optional.of(new ItemCandidate(id, published != null ? published : seenOn, null, title, body,
                httpLink(entry.link()), null));
    }

    /**
     * The link if it is an absolute http(s) URL, else null, so that {@code javascript:}, {@code data:},
     * {@code vbscript:} and every other scheme never reach partners. It is read the way a browser reads an
     * {@code href} (WHATWG URL): leading and trailing controls and spaces stripped, tabs and line breaks anywhere
     * removed ({@code java\tscript:} is {@code javascript:}), the scheme in any case. Character references are
     * decoded before this (by jsoup for pages, by the XML parser for feeds). Returns the link as cleaned.
     */
    static String httpLink(String link) {
        if (link == null) {
            return null;
        }
        String cleaned = LINK_EDGES.matcher(link).replaceAll("");
        cleaned = LINK_BREAKS.matcher(cleaned).replaceAll("");
        Matcher m = HTTP_URL.matcher(cleaned);
        if (!m.matches() || m.group(1).isEmpty()) {
            return null;
        }
        return cleaned;
    }

    /** The event published for a NEW or CORRECTED item. */
    public static NewsItemIngested toEvent(ItemOutcome outcome, SourceRef source, String language, Instant now) {
        ItemCandidate item = outcome.item();
        return new NewsItemIngested(item.itemId(), outcome.version(), source, item.date(), item.endDate(),
                item.title(), summary(item.body()), item.body(), item.link(), language, outcome.contentHash(), now);
    }

    /** The first sentences of a body, at most {@link #SUMMARY_MAX} characters. */
    public static String summary(String body) {
        String text = body == null ? "" : body.strip().replaceAll("\\s+", " ");
        if (text.length() <= SUMMARY_MAX) {
            return text;
        }
        BreakIterator sentences = BreakIterator.getSentenceInstance(Locale.ROOT);
        sentences.setText(text);
        int end = sentences.following(0);
        int lastFit = -1;
        while (end != BreakIterator.DONE && end <= SUMMARY_MAX) {
            lastFit = end;
            end = sentences.next();
        }
        return lastFit > 0 ? text.substring(0, lastFit).strip() : shorten(text, SUMMARY_MAX);
    }

    /** Text cut at a word boundary to at most {@code max} characters, with an ellipsis when cut. */
    static String shorten(String text, int max) {
        String flat = text.strip().replaceAll("\\s+", " ");
        if (flat.length() <= max) {
            return flat;
        }
        int cut = flat.lastIndexOf(' ', max - 1);
        return (cut > max / 2 ? flat.substring(0, cut) : flat.substring(0, max - 1)).strip() + "…";
    }

    /** Markup (or entities) in feed text as plain text. */
    static String htmlToText(String html) {
        if (html == null || html.isBlank()) {
            return "";
        }
        // control characters (allowed in XML as C1, or as character references) become spaces, as in pages
        String text = html.indexOf('<') < 0 && html.indexOf('&') < 0 ? html : Jsoup.parse(html).text();
        return CONTROLS_AND_SPACE.matcher(text).replaceAll(" ").strip();
    }
}
