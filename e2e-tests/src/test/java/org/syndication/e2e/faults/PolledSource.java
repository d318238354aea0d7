package org.syndication.e2e.faults;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A publisher's RSS feed on loopback, for ingest to poll: each fetch finds one item more than the one before, and
 * the time of every fetch is kept, so a test can tell how often the source was polled and which items it published.
 */
final class PolledSource implements AutoCloseable {

    private final HttpServer server;
    private final String marker;
    private final List<Long> fetches = new CopyOnWriteArrayList<>();

    /** @param marker a word in every item's title, so the test finds the source's items in the catalog */
    PolledSource(String marker) {
        this.marker = marker;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/feed.xml", exchange -> {
            fetches.add(System.currentTimeMillis());
            byte[] body = rss(fetches.size()).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/rss+xml; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/feed.xml";
    }

    /** The epoch milliseconds of each fetch of the feed, in order. */
    List<Long> fetches() {
        return List.copyOf(fetches);
    }

    /** The titles of every item served so far (the feed of the n-th fetch holds n items). */
    List<String> titlesServed() {
        List<String> titles = new ArrayList<>();
        for (int i = 1; i <= fetches.size(); i++) {
            titles.add(title(i));
        }
        return titles;
    }

    private String title(int n) {
        return "Harbour patrol " + marker + " report " + n + " on border control";
    }

    private String rss(int items) {
        StringBuilder rss = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel>"
                + "<title>Harbour patrol bulletins</title><link>http://127.0.0.1/</link>"
                + "<description>Bulletins of a test publisher</description>");
        ZonedDateTime day = ZonedDateTime.of(2026, 11, 1, 9, 0, 0, 0, ZoneOffset.UTC);
        for (int n = items; n >= 1; n--) {
            rss.append("<item><title>").append(title(n)).append("</title>")
                    .append("<link>http://127.0.0.1/bulletins/").append(marker).append('/').append(n).append("</link>")
                    .append("<guid>urn:test:").append(marker).append(':').append(n).append("</guid>")
                    .append("<pubDate>").append(DateTimeFormatter.RFC_1123_DATE_TIME.format(day.plusHours(n)))
                    .append("</pubDate><description>Agencies improved border control and border management; report ")
                    .append(n).append(".</description></item>");
        }
        return rss.append("</channel></rss>").toString();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
