package org.syndication.feed.service;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.syndication.events.DigestIssued.Frequency;
import org.syndication.feed.ComposedItemRepository;
import org.syndication.feed.FeedItem;
import org.syndication.feed.FeedItemRepository;
import org.syndication.feed.PublicUrls;
import org.syndication.feed.PublishedItem;
import org.syndication.feed.SearchQuery;
import org.syndication.feed.config.FeedConfig;
import org.syndication.feed.digest.Digest;
import org.syndication.feed.digest.DigestRepository;
import org.syndication.feed.digest.IssuedDigest;
import org.syndication.feed.digest.Period;
import org.syndication.feed.digest.SearchSubscriptions;
import org.syndication.feed.mapping.EntryMapper;
import org.syndication.feed.render.FeedFormat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Digests of saved searches ("everything about Libya, weekly"): once per query and period, for the confirmed
 * subscribers who follow that query, sent through the same send log as theme digests. A search digest is stored
 * under the key {@code search:<query>}; unlike theme digests it is not announced on {@code news.digests} (a
 * subscriber's query is not a publication partners follow) and has no web archive page: its links lead to the
 * search feed.
 */
@ApplicationScoped
public class SearchDigestService {

    private final DigestRepository digests;
    private final ComposedItemRepository items;
    private final FeedItemRepository feedItems;
    private final SearchSubscriptions searches;
    private final ComposedFeedService composed;
    private final PublicUrls urls;
    private final FeedConfig config;
    private final Clock clock;

    public SearchDigestService(DigestRepository digests, ComposedItemRepository items, FeedItemRepository feedItems,
                               SearchSubscriptions searches, ComposedFeedService composed, PublicUrls urls,
                               FeedConfig config, Clock clock) {
        this.digests = digests;
        this.items = items;
        this.feedItems = feedItems;
        this.searches = searches;
        this.composed = composed;
        this.urls = urls;
        this.config = config;
        this.clock = clock;
    }

    /** Issues the digest of a query and period (an empty period issues nothing; a second call returns the first). */
    @Transactional
    public DigestService.Issued issue(SearchQuery query, Period period) {
        String key = ComposedFeed.SEARCH_PREFIX + query.text();
        Optional<Digest> existing = digests.findIssued(key, period.id());
        if (existing.isPresent()) {
            return new DigestService.Issued(Optional.of(view(existing.get())), false, 0);
        }
        ZoneId zone = ZoneId.of(config.digest().zone());
        Instant from = period.from().atStartOfDay(zone).toInstant();
        Instant to = period.to().plusDays(1).atStartOfDay(zone).toInstant();
        List<FeedItem> arrived = items.arrivedMatching(query, from, to, period.from(), period.to(),
                config.digest().maxItems());
        if (arrived.isEmpty()) {
            Log.debugf("search digest period=%s has no items; nothing issued", period.id());
            return DigestService.Issued.nothing();
        }
        Digest digest = new Digest();
        digest.id = UUID.randomUUID();
        digest.theme = key;
        digest.frequency = period.frequency();
        digest.periodId = period.id();
        digest.fromDate = period.from();
        digest.toDate = period.to();
        digest.itemIds = new ArrayList<>(arrived.stream().map(i -> i.itemId).toList());
        digest.issuedAt = clock.instant();
        digests.persist(digest);
        digests.flush();
        int recipients = searches.queue(digest, query.text(), digest.issuedAt);
        // the query is what a subscriber typed: its id only in the log
        Log.infof("search digest issued digestId=%s search=%s period=%s items=%d recipients=%d", digest.id,
                listId(query.text()), period.id(), arrived.size(), recipients);
        return new DigestService.Issued(Optional.of(toView(digest, arrived)), true, recipients);
    }

    /** Issues the last complete period of a frequency for every query a confirmed subscriber follows. */
    public int issueDue(Frequency frequency) {
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of(config.digest().zone())));
        Period period = Period.previous(frequency, today);
        int issued = 0;
        for (String text : confirmedQueries(frequency)) {
            try {
                if (issue(new SearchQuery(text), period).created()) {
                    issued++;
                }
            } catch (RuntimeException e) {
                Log.errorf(e, "search digest search=%s period=%s failed", listId(text), period.id());
            }
        }
        return issued;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    List<String> confirmedQueries(Frequency frequency) {
        return searches.confirmed(frequency);
    }

    /** An issued search digest as its readers get it (withdrawn items left out). */
    public IssuedDigest view(Digest digest) {
        Map<String, FeedItem> byId = feedItems.list("itemId in ?1", digest.itemIds).stream()
                .collect(Collectors.toMap(i -> i.itemId, Function.identity()));
        return toView(digest, digest.itemIds.stream().map(byId::get)
                .filter(i -> i != null && i.isPublished()).toList());
    }

    private IssuedDigest toView(Digest digest, List<FeedItem> shown) {
        String text = digest.theme.substring(ComposedFeed.SEARCH_PREFIX.length());
        String feed = composed.self(ComposedFeed.search(new SearchQuery(text)), FeedFormat.ATOM);
        List<PublishedItem> items = shown.stream().map(i -> EntryMapper.toPublished(i, Map.of(), urls)).toList();
        // the list (List-Id) is a token made of the query, which may hold any character
        return new IssuedDigest(listId(text), "search \u201c" + text + "\u201d", digest.period(), items, feed, feed);
    }

    /** A stable token for a query: {@code search-} and 16 hex digits of its SHA-256. */
    static String listId(String query) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(query.getBytes(StandardCharsets.UTF_8));
            return "search-" + HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
