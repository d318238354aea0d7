package org.syndication.feed.service;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.syndication.events.CeTypes;
import org.syndication.events.DigestIssued;
import org.syndication.events.EventJson;
import org.syndication.feed.FeedItem;
import org.syndication.feed.FeedItemRepository;
import org.syndication.feed.PublicUrls;
import org.syndication.feed.PublishedItem;
import org.syndication.feed.Theme;
import org.syndication.feed.UnknownThemeException;
import org.syndication.feed.config.FeedConfig;
import org.syndication.feed.digest.ArchivedDigest;
import org.syndication.feed.digest.Digest;
import org.syndication.feed.digest.DigestRepository;
import org.syndication.feed.digest.IssuedDigest;
import org.syndication.feed.digest.OutboxEvent;
import org.syndication.feed.digest.OutboxRepository;
import org.syndication.feed.digest.Period;
import org.syndication.feed.digest.SendLogRepository;
import org.syndication.feed.mapping.DigestMapper;
import org.syndication.feed.mapping.EntryMapper;
import org.syndication.feed.render.FeedDocument;
import org.syndication.feed.render.FeedEntry;
import org.syndication.feed.render.RomeFeedWriter;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Issues digests: once per theme and period (unique key), recorded with its DigestIssued outbox event and the
 * send-log rows of its recipients in one transaction. An empty period issues nothing.
 */
@ApplicationScoped
public class DigestService {

    /** What an issue request did. */
    public record Issued(Optional<IssuedDigest> digest, boolean created, int recipients) {
        static Issued nothing() {
            return new Issued(Optional.empty(), false, 0);
        }
    }

    private final DigestRepository digests;
    private final FeedItemRepository items;
    private final OutboxRepository outbox;
    private final SendLogRepository sendLog;
    private final ThemeCatalog themes;
    private final PublicUrls urls;
    private final FeedConfig config;
    private final Clock clock;
    private final RomeFeedWriter rome = new RomeFeedWriter();
    private final SearchDigestService searchDigests;

    public DigestService(DigestRepository digests, FeedItemRepository items, OutboxRepository outbox, SendLogRepository sendLog,
                         ThemeCatalog themes, PublicUrls urls, FeedConfig config, Clock clock,
                         SearchDigestService searchDigests) {
        this.searchDigests = searchDigests;
        this.digests = digests;
        this.items = items;
        this.outbox = outbox;
        this.sendLog = sendLog;
        this.themes = themes;
        this.urls = urls;
        this.config = config;
        this.clock = clock;
    }

    /**
     * Issues (or, with {@code preview}, only renders) the digest of a theme and period; its mails go out at once
     * (the operator API: an operator who issues a digest by hand wants it sent).
     */
    @Transactional
    public Issued issue(String theme, Period period, boolean preview) {
        return issue(theme, period, preview, false);
    }

    /**
     * Issues the digest of a theme and period; with {@code atSubscriberTimes} each mail waits for its subscriber's
     * chosen hour (and weekday) after the period is over, else it goes out at once.
     */
    @Transactional
    public Issued issue(String theme, Period period, boolean preview, boolean atSubscriberTimes) {
        Theme known = themes.find(theme).orElseThrow(() -> new UnknownThemeException(theme));
        if (!preview) {
            // every instance runs the same schedule: the first to lock this theme and period issues it, the others
            // wait for its commit and then find it issued (instead of failing on the unique constraint)
            digests.lockPeriod(theme, period.id());
        }
        Optional<Digest> existing = digests.findIssued(theme, period.id());
        if (existing.isPresent()) {
            return new Issued(Optional.of(view(existing.get(), known)), false, 0);
        }
        ZoneId zone = ZoneId.of(config.digest().zone());
        Instant from = period.from().atStartOfDay(zone).toInstant();
        Instant to = period.to().plusDays(1).atStartOfDay(zone).toInstant();
        List<FeedItem> arrived = items.arrivedIn(theme, from, to, period.from(), period.to(), config.digest().maxItems());
        if (arrived.isEmpty()) {
            Log.debugf("digest theme=%s period=%s has no items; nothing issued", theme, period.id());
            return Issued.nothing();
        }
        Digest digest = new Digest();
        digest.id = UUID.randomUUID();
        digest.theme = theme;
        digest.frequency = period.frequency();
        digest.periodId = period.id();
        digest.fromDate = period.from();
        digest.toDate = period.to();
        digest.itemIds = new ArrayList<>(arrived.stream().map(i -> i.itemId).toList());
        digest.issuedAt = clock.instant();
        IssuedDigest view = issued(digest, known, arrived);
        if (preview) {
            return new Issued(Optional.of(view), false, 0);
        }
        digests.persist(digest);
        DigestIssued event = DigestMapper.toIssued(digest, urls);
        OutboxEvent row = new OutboxEvent();
        row.id = UUID.randomUUID();
        row.aggregateType = "digest";
        row.aggregateId = event.digestId();
        row.type = CeTypes.DIGEST_ISSUED;
        row.payload = EventJson.toJson(event);
        row.headers = "{}";
        row.createdAt = digest.issuedAt;
        outbox.write(row);
        digests.flush();
        Instant periodOver = to;
        int recipients = atSubscriberTimes
                ? sendLog.queueAtSubscriberTimes(digest, periodOver.isAfter(digest.issuedAt) ? periodOver : digest.issuedAt)
                : sendLog.queue(digest, digest.issuedAt);
        Log.infof("digest issued digestId=%s theme=%s period=%s items=%d recipients=%d ceId=%s", digest.id, theme,
                period.id(), arrived.size(), recipients, row.id);
        return new Issued(Optional.of(view), true, recipients);
    }

    /**
     * Issues the last complete period of a frequency for every theme and {@code all}, each mail due at its
     * subscriber's chosen time; returns how many were issued (a period issued before is not issued again).
     */
    public int issueDue(DigestIssued.Frequency frequency) {
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of(config.digest().zone())));
        Period period = Period.previous(frequency, today);
        int issued = 0;
        for (String key : themes.feedKeys()) {
            try {
                if (issue(key, period, false, true).created()) {
                    issued++;
                }
            } catch (RuntimeException e) {
                Log.errorf(e, "digest theme=%s period=%s failed", key, period.id());
            }
        }
        return issued;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ArchivedDigest> archive(String theme, int limit) {
        themes.find(theme).orElseThrow(() -> new UnknownThemeException(theme));
        return digests.ofTheme(theme, limit).stream().map(d -> new ArchivedDigest(d.period(), d.itemIds.size())).toList();
    }

    /** The web view of an issued digest (withdrawn items left out). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<IssuedDigest> find(String theme, String periodId) {
        Theme known = themes.find(theme).orElseThrow(() -> new UnknownThemeException(theme));
        return digests.findIssued(theme, periodId).map(d -> view(d, known));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<IssuedDigest> view(UUID digestId) {
        return digests.findByIdOptional(digestId)
                .map(d -> d.theme.startsWith(ComposedFeed.SEARCH_PREFIX) ? searchDigests.view(d)
                        : view(d, themes.find(d.theme).orElse(new Theme(d.theme, d.theme))));
    }

    /** The Atom feed of a theme's digests, newest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public byte[] atom(String theme) {
        Theme known = themes.find(theme).orElseThrow(() -> new UnknownThemeException(theme));
        List<Digest> issued = digests.ofTheme(theme, config.pageSize());
        List<FeedEntry> entries = issued.stream().map(d -> DigestMapper.toEntry(d, known, urls)).toList();
        Instant updated = issued.isEmpty() ? Instant.EPOCH : issued.get(0).issuedAt;
        FeedDocument doc = new FeedDocument(EntryMapper.feedUri("digests:" + theme),
                config.siteTitle() + ": " + known.title() + " digests",
                "Newsletter digests about " + known.title(), config.siteTitle(), urls.digestsAtom(theme),
                urls.digests(theme), urls.digestsAtom(theme), updated, entries, false, Optional.empty(), Optional.empty(),
                Optional.empty(), List.of());
        return rome.atom(doc);
    }

    private IssuedDigest view(Digest digest, Theme theme) {
        Map<String, FeedItem> byId = items.list("itemId in ?1", digest.itemIds).stream()
                .collect(Collectors.toMap(i -> i.itemId, Function.identity()));
        List<FeedItem> shown = digest.itemIds.stream().map(byId::get)
                .filter(i -> i != null && i.isPublished()).toList();
        return issued(digest, theme, shown);
    }

    private IssuedDigest issued(Digest digest, Theme theme, List<FeedItem> shown) {
        List<PublishedItem> items = shown.stream().map(i -> EntryMapper.toPublished(i, Map.of(), urls)).toList();
        return new IssuedDigest(digest.theme, theme.title(), digest.period(), items,
                urls.digest(digest.theme, digest.periodId), urls.theme(digest.theme));
    }
}
