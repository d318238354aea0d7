package org.syndication.feed.digest;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * Subscription tokens: subscriber id, action and expiry, signed with HMAC-SHA256 (128 bits kept). A token is
 * scoped: it only works for its one subscriber and its one action, and not after it expires. The expiry is kept to
 * the millisecond so that each request mails a link of its own (two requests in one second got the same link).
 */
public final class Tokens {

    public enum Action {
        CONFIRM,
        UNSUBSCRIBE,
        MANAGE
    }

    private static final int BODY = 16 + 1 + 8;
    private static final int MAC = 16;

    /**
     * Tokens mailed before the expiry was kept in milliseconds carry epoch seconds; any expiry below this (year 5138
     * in seconds, 1973 in milliseconds) is one of those, so unsubscribe links in old mails keep working.
     */
    private static final long LARGEST_SECONDS_EXPIRY = 100_000_000_000L;

    private final byte[] key;
    /** A digest signs two links per mail on many threads: looking the algorithm up per token showed in its profile. */
    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

    public Tokens(String secret) {
        this.key = secret.getBytes(StandardCharsets.UTF_8);
    }

    public String create(UUID subscriber, Action action, Instant expires) {
        ByteBuffer buffer = ByteBuffer.allocate(BODY + MAC);
        buffer.putLong(subscriber.getMostSignificantBits()).putLong(subscriber.getLeastSignificantBits());
        buffer.put((byte) action.ordinal());
        buffer.putLong(expires.toEpochMilli());
        buffer.put(mac(buffer.array(), BODY), 0, MAC);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(buffer.array());
    }

    /** The subscriber of a valid, unexpired token of this action. */
    public Optional<UUID> verify(String token, Action action, Instant now) {
        if (token == null || token.length() > 64) {
            return Optional.empty();
        }
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(token);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (bytes.length != BODY + MAC) {
            return Optional.empty();
        }
        byte[] expected = mac(bytes, BODY);
        byte[] given = new byte[MAC];
        System.arraycopy(bytes, BODY, given, 0, MAC);
        byte[] truncated = new byte[MAC];
        System.arraycopy(expected, 0, truncated, 0, MAC);
        if (!MessageDigest.isEqual(truncated, given)) {
            return Optional.empty();
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        UUID subscriber = new UUID(buffer.getLong(), buffer.getLong());
        int actionOrdinal = buffer.get();
        long expires = buffer.getLong();
        long expiresMillis = expires < LARGEST_SECONDS_EXPIRY ? expires * 1000 : expires;
        if (actionOrdinal != action.ordinal() || now.toEpochMilli() > expiresMillis) {
            return Optional.empty();
        }
        return Optional.of(subscriber);
    }

    private byte[] mac(byte[] data, int length) {
        Mac mac = macs.get();
        mac.update(data, 0, length);
        return mac.doFinal();
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
