package org.syndication.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
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

    public static ItemCandidate candidate(String id, String title, String body) {
        return new ItemCandidate(id, LocalDate.of(2019, 5, 29), null, title, body, null, null);
    }
}
