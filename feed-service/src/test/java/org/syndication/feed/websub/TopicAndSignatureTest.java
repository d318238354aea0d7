package org.syndication.feed.websub;

import org.junit.jupiter.api.Test;
import org.syndication.feed.render.FeedFormat;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class TopicAndSignatureTest {

    private static final String BASE = "https://feeds.example.org";

    @Test
    void topicsAreSubscriptionDocuments() {
        assertThat(Topic.parse(BASE + "/feeds/all.atom", BASE)).contains(new Topic("all", FeedFormat.ATOM));
        assertThat(Topic.parse(BASE + "/feeds/corruption.json", BASE)).contains(new Topic("corruption", FeedFormat.JSON));
        assertThat(Topic.parse(BASE + "/feeds/corruption/2026-11.atom", BASE)).isEmpty();
        assertThat(Topic.parse(BASE + "/feeds/corruption.xml", BASE)).isEmpty();
        assertThat(Topic.parse(BASE + "/feeds/.rss", BASE)).isEmpty();
        assertThat(Topic.parse(BASE + "/feeds/all.atom?x=1", BASE)).isEmpty();
        assertThat(Topic.parse("https://elsewhere.example/feeds/all.atom", BASE)).isEmpty();
        assertThat(Topic.parse(null, BASE)).isEmpty();
    }

    @Test
    void signatureIsHexHmacSha256OfTheBody() {
        // RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?"
        assertThat(HubSignature.of("Jefe", "what do ya want for nothing?".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }
}
