package org.syndication.feed.service;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.syndication.events.DigestIssued.Frequency;
import org.syndication.feed.config.FeedConfig;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Issues yesterday's daily digests, and on Mondays last ISO week's weekly digests, at feed.digest.cron (hourly):
 * the first run after a period is over issues it, later runs find it issued. Each mail is due at its subscriber's
 * chosen hour and weekday ({@link org.syndication.feed.digest.DigestSchedule}); the sender sends it then.
 */
@ApplicationScoped
public class DigestScheduler {

    private final DigestService digests;
    private final SearchDigestService searchDigests;
    private final FeedConfig config;
    private final Clock clock;

    public DigestScheduler(DigestService digests, SearchDigestService searchDigests, FeedConfig config, Clock clock) {
        this.digests = digests;
        this.searchDigests = searchDigests;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(cron = "${feed.digest.cron}", timeZone = "${feed.digest.zone}", identity = "digest-issuer",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void issue() {
        if (!config.digest().scheduled()) {
            return;
        }
        int daily = digests.issueDue(Frequency.DAILY) + searchDigests.issueDue(Frequency.DAILY);
        int weekly = LocalDate.now(clock.withZone(ZoneId.of(config.digest().zone()))).getDayOfWeek() == DayOfWeek.MONDAY
                ? digests.issueDue(Frequency.WEEKLY) + searchDigests.issueDue(Frequency.WEEKLY) : 0;
        Log.infof("scheduled digests issued daily=%d weekly=%d", daily, weekly);
    }
}
