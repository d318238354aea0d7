package org.syndication.feed.bench;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.syndication.events.ThemeTag;
import org.syndication.feed.CataloguedRecords;
import org.syndication.feed.TestData;
import org.syndication.feed.digest.Period;
import org.syndication.feed.service.DigestSender;
import org.syndication.feed.service.DigestService;
import org.syndication.localstack.test.KafkaResource;
import org.syndication.localstack.test.PostgresResource;
import org.syndication.localstack.test.SmtpResource;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Figure, not a test of the build: time to render and send one digest of 20 items to 10,000 confirmed subscribers
 * through the real SMTP sink. Run alone:
 * {@code ./mvnw -B verify -pl feed-service -Dtest=none -Dit.test=DigestSendBench -Dsurefire.failIfNoSpecifiedTests=false}
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaResource.class, restrictToAnnotatedClass = true, parallel = true)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = true, parallel = true)
@QuarkusTestResource(value = SmtpResource.class, restrictToAnnotatedClass = true, parallel = true)
class DigestSendBench {

    static final int SUBSCRIBERS = Integer.getInteger("bench.subscribers", 10_000);

    @Inject
    DigestService digests;

    @Inject
    DigestSender sender;

    @Inject
    EntityManager em;

    @Test
    void renderAndSendOneDigestToTenThousandSubscribers() {
        String slug = "bench-" + UUID.randomUUID().toString().substring(0, 8);
        ThemeTag theme = new ThemeTag(slug, "Benchmark theme");
        try (CataloguedRecords records = new CataloguedRecords()) {
            for (int i = 0; i < 20; i++) {
                records.send(TestData.item().title("Benchmark item " + i).themes(theme).build());
            }
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew().call(() ->
                ((Number) em.createNativeQuery("select count(*) from feed_item_theme where slug = :s")
                        .setParameter("s", slug).getSingleResult()).intValue() == 20));
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                        "insert into subscriber (id, email, frequency, themes, status, created_at, confirmed_at,"
                                + " window_start, requests_in_window)"
                                + " select gen_random_uuid(), 'bench-' || g || '@example.org', 'DAILY', :theme, 'CONFIRMED',"
                                + " now(), now(), now(), 0 from generate_series(1, :n) g")
                .setParameter("theme", slug).setParameter("n", SUBSCRIBERS).executeUpdate());

        long cpuBefore = processCpuNanos();
        long started = System.nanoTime();
        DigestService.Issued issued = digests.issue(slug, Period.day(LocalDate.now(ZoneOffset.UTC)), false);
        long queued = System.nanoTime();
        while (sender.sendBatch() > 0) {
            // batches until nothing is due; the scheduled sender may hold the last ones
        }
        await().atMost(Duration.ofMinutes(10)).until(() -> sentCount() >= SUBSCRIBERS);
        long done = System.nanoTime();
        double cpuSeconds = (processCpuNanos() - cpuBefore) / 1e9;
        assertThat(issued.recipients()).isEqualTo(SUBSCRIBERS);
        double seconds = (done - started) / 1e9;
        System.out.printf("DIGEST BENCH: issue + queue %d recipients: %d ms; render + send %d mails: %.1f s total"
                        + " (%.0f mails/s, %d CPUs); CPU used by this JVM (service + SMTP sink): %.1f s, %.2f ms per mail;"
                        + " load average %.1f%n", SUBSCRIBERS, (queued - started) / 1_000_000, SUBSCRIBERS, seconds,
                SUBSCRIBERS / seconds, Runtime.getRuntime().availableProcessors(), cpuSeconds,
                cpuSeconds * 1000 / SUBSCRIBERS, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    /** CPU time of this JVM, which runs the service and the SMTP sink: a figure that the machine's load does not inflate. */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private int sentCount() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from send_log where status = 'SENT'").getSingleResult()).intValue());
    }
}
