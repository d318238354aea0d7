package org.syndication.feed.render;

import io.netty.buffer.ByteBuf;
import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;

class RenderedFeedTest {

    private static final byte[] BYTES = "<feed>".concat("entry ".repeat(2_000)).concat("</feed>")
            .getBytes(StandardCharsets.UTF_8);

    @Test
    void offHeapDocumentsAreDirectBuffersAndOnHeapOnesAreNot() {
        RenderedFeed off = RenderedFeed.offHeap(BYTES, "application/atom+xml", Instant.EPOCH, "max-age=60");
        RenderedFeed on = RenderedFeed.onHeap(BYTES, "application/atom+xml", Instant.EPOCH, "max-age=60");
        assertThat(off.body(false).getByteBuf().isDirect()).isTrue();
        assertThat(off.body(true).getByteBuf().isDirect()).isTrue();
        assertThat(on.body(false).getByteBuf().isDirect()).isFalse();
        assertThat(on.body(true).getByteBuf().isDirect()).isFalse();
    }

    @Test
    void bothKindsServeTheSameBytesAndHeaders() throws IOException {
        RenderedFeed off = RenderedFeed.offHeap(BYTES, "application/atom+xml", Instant.EPOCH, "max-age=60");
        RenderedFeed on = RenderedFeed.onHeap(BYTES, "application/atom+xml", Instant.EPOCH, "max-age=60");
        for (boolean gzipped : new boolean[] {false, true}) {
            assertThat(on.body(gzipped).getBytes()).isEqualTo(off.body(gzipped).getBytes());
            assertThat(on.etag(gzipped).toString()).isEqualTo(off.etag(gzipped).toString());
            assertThat(on.contentLength(gzipped).toString()).isEqualTo(off.contentLength(gzipped).toString())
                    .isEqualTo(Integer.toString(on.body(gzipped).length()));
        }
        assertThat(on.body(false).getBytes()).isEqualTo(BYTES);
        assertThat(gunzip(on.body(true))).isEqualTo(BYTES);
    }

    @Test
    void aResponseReleasingWhatItWroteLeavesTheDocumentServable() {
        for (RenderedFeed doc : new RenderedFeed[] {
                RenderedFeed.offHeap(BYTES, "application/atom+xml", Instant.EPOCH, "max-age=60"),
                RenderedFeed.onHeap(BYTES, "application/atom+xml", Instant.EPOCH, "max-age=60")}) {
            for (int response = 0; response < 3; response++) {
                ByteBuf written = doc.body(false).getByteBuf();
                written.release(); // what Netty does once it has written a response's buffer
                doc.body(true).getByteBuf().release();
            }
            assertThat(doc.body(false).getBytes()).isEqualTo(BYTES);
            assertThat(doc.body(true).length()).isPositive();
        }
    }

    @Test
    void aDocumentWeighsItsPlainAndGzippedBytes() {
        RenderedFeed doc = RenderedFeed.onHeap(BYTES, "application/atom+xml", Instant.EPOCH, "max-age=60");
        int gzipped = doc.body(true).length();
        assertThat(gzipped).isPositive().isLessThan(BYTES.length / 10);
        assertThat(doc.memorySize()).isEqualTo(BYTES.length + gzipped);
    }

    private static byte[] gunzip(Buffer body) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body.getBytes()))) {
            return in.readAllBytes();
        }
    }
}
