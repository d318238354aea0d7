package org.syndication.feed.render;

import io.netty.buffer.Unpooled;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.zip.GZIPOutputStream;

/**
 * A document rendered once and served many times: the bytes, the same bytes gzipped, and every header value,
 * prepared so that serving it allocates nothing but the response.
 *
 * <p>The ETag is strong and derived from the bytes only, so the same content has the same ETag after a restart
 * or a rebuild; the gzipped representation gets its own ETag ({@code "<hash>-gz"}).
 *
 * <p>Where the two representations live depends on how the service keeps the document: {@link #offHeap} for the few
 * documents kept until the next change and served most (the theme feeds, OPML, archives), {@link #onHeap} for the
 * many that readers compose, which a bounded cache drops often. An off-heap document's memory is given back only
 * when the collector finds it unreachable, which for a document that lived long enough to reach the old generation
 * means a full collection: thousands of search feeds rendered and dropped held ~60 MB of native memory that way.
 */
public final class RenderedFeed {

    private final byte[] bytes;
    private final Buffer identity;
    private final Buffer gzip;
    private final String hash;
    private final CharSequence etag;
    private final CharSequence gzipEtag;
    private final Instant lastModified;
    private final CharSequence lastModifiedHeader;
    private final CharSequence contentType;
    private final CharSequence cacheControl;
    private final CharSequence identityLength;
    private final CharSequence gzipLength;

    /** Both representations off the Java heap: served without a copy (see {@link #direct}). */
    public static RenderedFeed offHeap(byte[] bytes, String contentType, Instant lastModified, String cacheControl) {
        return new RenderedFeed(bytes, true, contentType, lastModified, cacheControl);
    }

    /** Both representations on the Java heap: each response copies them to the socket's buffer. */
    public static RenderedFeed onHeap(byte[] bytes, String contentType, Instant lastModified, String cacheControl) {
        return new RenderedFeed(bytes, false, contentType, lastModified, cacheControl);
    }

    private RenderedFeed(byte[] bytes, boolean offHeap, String contentType, Instant lastModified,
                         String cacheControl) {
        this.bytes = bytes;
        byte[] gzipped = gzip(bytes);
        this.identity = offHeap ? direct(bytes) : heap(bytes);
        this.gzip = offHeap ? direct(gzipped) : heap(gzipped);
        this.hash = sha256(bytes).substring(0, 32);
        this.etag = HttpHeaders.createOptimized('"' + hash + '"');
        this.gzipEtag = HttpHeaders.createOptimized('"' + hash + "-gz\"");
        this.lastModified = lastModified.truncatedTo(ChronoUnit.SECONDS);
        this.lastModifiedHeader = HttpHeaders.createOptimized(
                DateTimeFormatter.RFC_1123_DATE_TIME.format(this.lastModified.atOffset(ZoneOffset.UTC)));
        this.contentType = HttpHeaders.createOptimized(contentType);
        this.cacheControl = HttpHeaders.createOptimized(cacheControl);
        this.identityLength = HttpHeaders.createOptimized(Integer.toString(bytes.length));
        this.gzipLength = HttpHeaders.createOptimized(Integer.toString(gzipped.length));
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    public String text() {
        return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
    }

    public Buffer body(boolean gzipped) {
        return gzipped ? gzip : identity;
    }

    /** Bytes the two representations hold, what a cache of documents weighs them by. */
    public int memorySize() {
        return identity.length() + gzip.length();
    }

    public CharSequence contentLength(boolean gzipped) {
        return gzipped ? gzipLength : identityLength;
    }

    public CharSequence etag(boolean gzipped) {
        return gzipped ? gzipEtag : etag;
    }

    /**
     * Whether an {@code If-None-Match} value matches either representation (weak comparison, RFC 9110 13.1.2):
     * {@code *}, or any listed tag carrying this content hash.
     */
    public boolean matches(String ifNoneMatch) {
        return ifNoneMatch.indexOf(hash) >= 0 || "*".equals(ifNoneMatch.trim());
    }

    public Instant lastModified() {
        return lastModified;
    }

    public CharSequence lastModifiedHeader() {
        return lastModifiedHeader;
    }

    public CharSequence contentType() {
        return contentType;
    }

    public CharSequence cacheControl() {
        return cacheControl;
    }

    /**
     * Off-heap, so every response writes a slice of it straight to the socket without copying the bytes out of the
     * Java heap first. A JDK direct buffer, never released by Netty: the garbage collector frees it once the last
     * response that uses it is written and the cache has moved on.
     */
    private static Buffer direct(byte[] bytes) {
        ByteBuffer memory = ByteBuffer.allocateDirect(bytes.length);
        memory.put(bytes).flip();
        return Buffer.buffer(Unpooled.unreleasableBuffer(Unpooled.wrappedBuffer(memory)));
    }

    /**
     * The array itself, not a copy (nothing writes to it: {@link #bytes()} hands out copies), and unreleasable like
     * {@link #direct}: Netty releases what it has written.
     */
    private static Buffer heap(byte[] bytes) {
        return Buffer.buffer(Unpooled.unreleasableBuffer(Unpooled.wrappedBuffer(bytes)));
    }

    private static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, bytes.length / 3));
        try (GZIPOutputStream gz = new GZIPOutputStream(out, 8192)) {
            gz.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
