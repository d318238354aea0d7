package org.syndication.ingest.config;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.syndication.ingest.feeds.FeedFetcher;
import org.syndication.ingest.feeds.HostGate;
import org.syndication.ingest.feeds.PoliteFetcher;
import org.syndication.ingest.feeds.RobotsRules;
import org.syndication.ingest.feeds.UrlGuard;

/** The feed-fetching beans, built from {@link IngestConfig}. */
@Singleton
public class FeedBeans {

    @Produces
    @Singleton
    UrlGuard urlGuard(IngestConfig config) {
        return new UrlGuard(config.sources().allowedHosts(), config.sources().allowPrivate());
    }

    @Produces
    @Singleton
    FeedFetcher feedFetcher(UrlGuard guard, IngestConfig config) {
        IngestConfig.Sources sources = config.sources();
        return new FeedFetcher(guard, new FeedFetcher.Limits(sources.connectTimeout(), sources.readTimeout(),
                sources.maxFeedSize().asLongValue(), sources.maxRedirects(), sources.userAgent()));
    }

    /** The fetcher the poller uses: robots.txt, one request at a time per host, spacing, Retry-After. */
    @Produces
    @Singleton
    PoliteFetcher politeFetcher(FeedFetcher fetcher, UrlGuard guard, IngestConfig config) {
        IngestConfig.Sources sources = config.sources();
        return new PoliteFetcher(fetcher, guard, new RobotsRules(fetcher, sources.robotsCache(), sources.userAgent()),
                new HostGate(sources.maxHostWait()), sources.hostInterval());
    }
}
