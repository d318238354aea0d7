package org.syndication.feed.render;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HtmlTest {

    @Test
    void asciiOnlyWritesEveryOtherCharacterAsANumericReference() {
        assertThat(Html.asciiOnly("<p>Café – 😀 ok</p>")).isEqualTo("<p>Caf&#233; &#8211; &#128512; ok</p>");
    }

    @Test
    void asciiOnlyLeavesAsciiAlone() {
        String ascii = "<a href=\"https://example.org/?a=1&amp;b=2\">Plain</a>\n";
        assertThat(Html.asciiOnly(ascii)).isSameAs(ascii);
    }

    @Test
    void escapeCoversMarkupAndQuotes() {
        assertThat(Html.escape("<a href=\"x\">Tom & Jerry's</a>"))
                .isEqualTo("&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;");
    }

    @Test
    void inertTextOpensNoTagCommentOrDeclaration() {
        assertThat(Html.inert("Alert <img src=x onerror=alert(1)> </b> <!-- c --> <?php ?>"))
                .isEqualTo("Alert \u2039img src=x onerror=alert(1)> \u2039/b> \u2039!-- c --> \u2039?php ?>");
        // a '<' that no HTML parser reads as markup stays, and so does '&'
        String harmless = "1 < 2, 3<4, <> & AT&T";
        assertThat(Html.inert(harmless)).isSameAs(harmless);
        assertThat(Html.inert("ends with <")).isEqualTo("ends with <");
        assertThat(Html.inert(null)).isNull();
    }
}
