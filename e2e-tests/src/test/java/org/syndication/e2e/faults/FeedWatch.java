package org.syndication.e2e.faults;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Polls one feed document on several instances of the feed service, one after the other every few tens of
 * milliseconds (a conditional GET, so an unchanged document costs a 304), and keeps when each instance started to
 * serve each ETag. From that it tells how long an instance served an older document than another one did.
 */
final class FeedWatch implements AutoCloseable {

    /** One instance began to serve {@code etag} at {@code millis} (as seen by this watch). */
    record Change(long millis, String etag) {
    }

    private static final Duration EVERY = Duration.ofMillis(25);

    private final FaultHarness harness;
    private final String path;
    private final Map<String, List<Change>> changes = new LinkedHashMap<>();
    private final List<String> errors = new CopyOnWriteArrayList<>();
    private final Thread thread;
    private volatile boolean running = true;

    FeedWatch(FaultHarness harness, List<String> instances, String path) {
        this.harness = harness;
        this.path = path;
        instances.forEach(instance -> changes.put(instance, new CopyOnWriteArrayList<>()));
        thread = new Thread(this::watch, "feed watch " + path);
        thread.setDaemon(true);
        thread.start();
    }

    private void watch() {
        while (running) {
            changes.forEach((instance, seen) -> {
                String last = seen.isEmpty() ? null : seen.get(seen.size() - 1).etag();
                HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(harness.url(instance, path)))
                        .timeout(Duration.ofSeconds(10));
                if (last != null) {
                    request.header("If-None-Match", last);
                }
                try {
                    HttpResponse<String> response = harness.send(request.build());
                    long now = System.currentTimeMillis();
                    if (response.statusCode() == 200) {
                        String etag = response.headers().firstValue("ETag").orElse("(none)");
                        if (!etag.equals(last)) {
                            seen.add(new Change(now, etag));
                        }
                    } else if (response.statusCode() != 304) {
                        errors.add(instance + " " + path + " answered " + response.statusCode());
                    }
                } catch (RuntimeException e) {
                    errors.add(instance + " " + path + ": " + e);
                }
            });
            Workload.pause(EVERY);
        }
    }

    Map<String, List<Change>> changes() {
        Map<String, List<Change>> copy = new LinkedHashMap<>();
        changes.forEach((instance, seen) -> copy.put(instance, List.copyOf(seen)));
        return copy;
    }

    List<String> errors() {
        return List.copyOf(errors);
    }

    /**
     * For every document an instance began to serve, how long until every other instance served that document or
     * a newer one (one that the first instance served later): zero when the other was there first. A document no
     * other instance ever caught up with counts from its first sight until the end of the watch.
     */
    List<Long> lagsMillis() {
        Map<String, List<Change>> all = changes();
        long end = System.currentTimeMillis();
        List<Long> lags = new ArrayList<>();
        all.forEach((instance, seen) -> {
            for (int i = 0; i < seen.size(); i++) {
                Change change = seen.get(i);
                List<String> thisOrNewer = seen.subList(i, seen.size()).stream().map(Change::etag).toList();
                long worst = 0;
                for (var other : all.entrySet()) {
                    if (!other.getKey().equals(instance)) {
                        worst = Math.max(worst, caughtUpAfter(other.getValue(), change.millis(), thisOrNewer, end));
                    }
                }
                lags.add(worst);
            }
        });
        return lags;
    }

    /** Milliseconds after {@code since} until {@code other} served one of {@code etags} (0: it already did). */
    private static long caughtUpAfter(List<Change> other, long since, List<String> etags, long end) {
        Change current = null;
        for (Change change : other) {
            if (change.millis() <= since) {
                current = change;
            } else if (etags.contains(change.etag())) {
                return current != null && etags.contains(current.etag()) ? 0 : change.millis() - since;
            }
        }
        return current != null && etags.contains(current.etag()) ? 0 : end - since;
    }

    @Override
    public void close() {
        running = false;
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
