package org.syndication.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

/** The one builder of test data of this module: fixtures and candidate items. */
public final class TestData {

    private TestData() {
    }

    /** Bytes of a file under {@code src/test/resources/fixtures/}. */
    public static byte[] fixture(String path) {
        try (InputStream in = TestData.class.getResourceAsStream("/fixtures/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * An RSS 2.0 feed in the "quadratic blowup" shape: one internal entity of {@code entityChars} characters,
     * referenced {@code references} times in the one item's description. Small on the wire, large once expanded,
     * and under any cap on the number of expansions.
     */
    public static byte[] quadraticBlowupFeed(int entityChars, int references) {
        StringBuilder feed = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE rss [<!ENTITY pad \"")
                .append("harbour ".repeat(entityChars / 8))
                .append("\">]>\n<rss version=\"2.0\"><channel><title>Padded</title><link>https://pad.example.org/</link>")
                .append("<description>d</description><item><guid>pad-1</guid><title>Padded item</title><description>");
        feed.append("&pad;".repeat(references));
        return feed.append("</description></item></channel></rss>\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    public static ItemCandidate candidate(String id, String title, String body) {
        return new ItemCandidate(id, LocalDate.of(2019, 5, 29), null, title, body, null, null);
    }
}
