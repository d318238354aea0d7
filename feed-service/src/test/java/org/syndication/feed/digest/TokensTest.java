package org.syndication.feed.digest;

import org.junit.jupiter.api.Test;

import java.time.Instant;
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
}
