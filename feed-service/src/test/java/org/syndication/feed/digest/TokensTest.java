package org.syndication.feed.digest;

import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class TokensTest {

    private final Tokens tokens = new Tokens("secret-one");
    private final UUID subscriber = UUID.randomUUID();
    private final Instant now = Instant.parse("2026-11-23T10:00:00Z");

    @Test
    void aTokenWorksForItsSubscriberAndActionUntilItExpires() {
        String token = tokens.create(subscriber, Tokens.Action.CONFIRM, now.plusSeconds(3600));
        assertThat(tokens.verify(token, Tokens.Action.CONFIRM, now)).contains(subscriber);
        assertThat(tokens.verify(token, Tokens.Action.UNSUBSCRIBE, now)).isEmpty();
        assertThat(tokens.verify(token, Tokens.Action.CONFIRM, now.plusSeconds(3601))).isEmpty();
    }

    @Test
    void tamperedForeignOrGarbageTokensAreRefused() {
        String token = tokens.create(subscriber, Tokens.Action.UNSUBSCRIBE, now.plusSeconds(60));
        char last = token.charAt(10);
        String tampered = token.substring(0, 10) + (last == 'A' ? 'B' : 'A') + token.substring(11);
        assertThat(tokens.verify(tampered, Tokens.Action.UNSUBSCRIBE, now)).isEmpty();
        assertThat(new Tokens("secret-two").verify(token, Tokens.Action.UNSUBSCRIBE, now)).isEmpty();
        assertThat(tokens.verify("not a token!", Tokens.Action.UNSUBSCRIBE, now)).isEmpty();
        assertThat(tokens.verify(null, Tokens.Action.UNSUBSCRIBE, now)).isEmpty();
        assertThat(tokens.verify("x".repeat(500), Tokens.Action.UNSUBSCRIBE, now)).isEmpty();
    }

    @Test
    void tokensAreUrlSafeAndDifferPerSubscriber() {
        String a = tokens.create(subscriber, Tokens.Action.MANAGE, now);
        String b = tokens.create(UUID.randomUUID(), Tokens.Action.MANAGE, now);
        assertThat(a).matches("[A-Za-z0-9_-]+").isNotEqualTo(b);
    }

    @Test
    void twoRequestsInOneSecondGetTwoLinks() {
        String first = tokens.create(subscriber, Tokens.Action.CONFIRM, now.plusMillis(100));
        String second = tokens.create(subscriber, Tokens.Action.CONFIRM, now.plusMillis(900));
        assertThat(first).isNotEqualTo(second);
        assertThat(tokens.verify(first, Tokens.Action.CONFIRM, now.plusMillis(100))).contains(subscriber);
        assertThat(tokens.verify(first, Tokens.Action.CONFIRM, now.plusMillis(101))).isEmpty();
    }

    @Test
    void linksMailedWithSecondExpiriesStillWorkUntilTheyExpire() throws Exception {
        ByteBuffer body = ByteBuffer.allocate(25);
        body.putLong(subscriber.getMostSignificantBits()).putLong(subscriber.getLeastSignificantBits());
        body.put((byte) Tokens.Action.UNSUBSCRIBE.ordinal());
        body.putLong(now.plusSeconds(3600).getEpochSecond());
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec("secret-one".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        byte[] token = Arrays.copyOf(body.array(), 41);
        System.arraycopy(mac.doFinal(body.array()), 0, token, 25, 16);
        String old = Base64.getUrlEncoder().withoutPadding().encodeToString(token);

        assertThat(tokens.verify(old, Tokens.Action.UNSUBSCRIBE, now.plusSeconds(3600))).contains(subscriber);
        assertThat(tokens.verify(old, Tokens.Action.UNSUBSCRIBE, now.plusSeconds(3601))).isEmpty();
    }
}
