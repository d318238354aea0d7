package org.syndication.ingest.parse;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Finding 9 of issue 13: control characters in text are white space or line breaks, never glue or a refusal. */
class TextSanitizerTest {

    @Test
    void verticalTabAndFormFeedBreakLines() {
        assertThat(TextSanitizer.lines("Harbour day\u000bShips came in\fNext page\u0085Last"))
                .containsExactly("Harbour day", "Ships came in", "Next page", "Last");
    }

    @Test
    void aBlankLineMarksTheLineAfterItAndIsNotALine() {
        List<Line> lines = TextSanitizer.plainLines("Header\n\n12.03.21\r\nTitle\r\n \t \r\n\r\nNext\n");
        assertThat(lines).extracting(Line::text).containsExactly("Header", "12.03.21", "Title", "Next");
        assertThat(lines).extracting(Line::afterGap).containsExactly(false, true, false, true);
        assertThat(TextSanitizer.plainLines("\n\nFirst\r\nSecond")).extracting(Line::afterGap)
                .containsExactly(false, false); // nothing before the first line: no gap
    }

    @Test
    void otherControlCharactersSeparateWordsLikeASpace() {
        assertThat(TextSanitizer.collapse("word\u0001word\u001fend\u007fDEL\u0092C1 \u0000 x")).isEqualTo("word word end DEL C1 x");
        assertThat(TextSanitizer.lines("\u0002 a\u0003b \u0004\n\u0005\n")).containsExactly("a b");
    }

    @Test
    void aListingWithAStrayVerticalTabIsSplitAsIfItWereALineBreak() {
        String clean = "20 April 2017: Harbour training for customs officers\nThirty officers took part.\n";
        String word = "20 April 2017: Harbour training for customs\u0007officers\u000bThirty officers took part.\n";
        DocumentSplitter splitter = new DocumentSplitter();
        List<NewsItemDraft> items = splitter.splitText(word);
        assertThat(items).isEqualTo(splitter.splitText(clean));
        assertThat(items).singleElement().satisfies(item -> {
            assertThat(item.date()).isEqualTo(LocalDate.of(2017, 4, 20));
            assertThat(item.title()).isEqualTo("Harbour training for customs officers");
            assertThat(item.body()).isEqualTo("Thirty officers took part.");
        });
    }

    @Test
    void aTabBetweenWordsOfPlainTextSeparatesColumns() {
        assertThat(TextSanitizer.lines("\tTitle of the item\t16 April 2025\t\nNext line"))
                .containsExactly("Title of the item | 16 April 2025", "Next line");
        assertThat(TextSanitizer.collapse("Text\tfrom markup")).isEqualTo("Text from markup");
    }
}
