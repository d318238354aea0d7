package org.syndication.feed.render;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DigestMailRendererTest {

    @Test
    void eachRecipientGetsItsOwnLinksInBothParts() {
        DigestMailRenderer.Body body = new DigestMailRenderer.Body(
                "<a href=\"" + DigestMailRenderer.MANAGE + "\">Manage</a> <a href=\"" + DigestMailRenderer.UNSUBSCRIBE
                        + "\">Unsubscribe</a>",
                "Manage: " + DigestMailRenderer.MANAGE + "\nUnsubscribe: " + DigestMailRenderer.UNSUBSCRIBE);

        DigestMailRenderer.Body first = body.forRecipient("https://x.example/m?token=A&x=1", "https://x.example/u?token=A");
        DigestMailRenderer.Body second = body.forRecipient("https://x.example/m?token=B", "https://x.example/u?token=B");

        assertThat(first.html()).isEqualTo("<a href=\"https://x.example/m?token=A&amp;x=1\">Manage</a>"
                + " <a href=\"https://x.example/u?token=A\">Unsubscribe</a>");
        assertThat(first.text()).isEqualTo("Manage: https://x.example/m?token=A&x=1\nUnsubscribe: https://x.example/u?token=A");
        assertThat(second.html()).contains("token=B").doesNotContain("token=A");
        assertThat(body.html()).contains(DigestMailRenderer.MANAGE);
    }
}
