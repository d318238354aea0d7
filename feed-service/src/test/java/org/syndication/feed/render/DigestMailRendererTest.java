package org.syndication.feed.render;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DigestMailRendererTest {

    @Test
    void aRecipientsLinksAreEscapedForTheHtmlPartAndLeftAsTheyAreForTheText() {
        assertThat(DigestMailRenderer.RECIPIENT_LINKS)
                .containsExactly(DigestMailRenderer.MANAGE, DigestMailRenderer.UNSUBSCRIBE);
        assertThat(DigestMailRenderer.htmlLinks("https://x.example/m?token=A&x=1", "https://x.example/u?token=A"))
                .containsExactly("https://x.example/m?token=A&amp;x=1", "https://x.example/u?token=A");
        assertThat(DigestMailRenderer.textLinks("https://x.example/m?token=A&x=1", "https://x.example/u?token=A"))
                .containsExactly("https://x.example/m?token=A&x=1", "https://x.example/u?token=A");
    }
}
