package org.syndication.ingest.feeds;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.syndication.ingest.TestData;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.syndication.ingest.TestData.fixture;

class FeedReaderTest {

    private final FeedReader reader = new FeedReader(1000, 100_000);

    private ParsedFeed read(String name) {
        return reader.read(fixture("feeds/" + name), null);
    }

    @Test
    void rss091WithNetscapeDoctypeIsReadWithoutFetchingTheDtd() {
        ParsedFeed feed = read("rss-0.91.xml");
        assertThat(feed.format()).isEqualTo("rss_0.91N");
        assertThat(feed.language()).isEqualTo("en-gb");
        assertThat(feed.entries()).extracting(ParsedEntry::title, ParsedEntry::link).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Pier 4 reopens after repairs", "https://harbour.example.org/news/pier-4"),
                org.assertj.core.groups.Tuple.tuple("New ferry timetable", "https://harbour.example.org/news/timetable"));
    }

    @Test
    void rss10ItemsKeepTheirLinkAndDcDate() {
        ParsedFeed feed = read("rss-1.0.rdf");
        assertThat(feed.format()).isEqualTo("rss_1.0");
        assertThat(feed.entries()).hasSize(2);
        ParsedEntry first = feed.entries().get(0);
        assertThat(first.link()).isEqualTo("https://rivers.example.org/a");
        assertThat(first.guid()).as("rdf:about is the link: no id of its own").isNull();
        assertThat(first.title()).isEqualTo("Flood warning lifted");
        assertThat(first.published()).isEqualTo(Instant.parse("2024-03-05T09:30:00Z"));
    }

    @Test
    void rss11IsReadThoughRomeDoesNot() {
        ParsedFeed feed = read("rss-1.1.xml");
        assertThat(feed.format()).isEqualTo("rss_1.1");
        assertThat(feed.title()).isEqualTo("Lake Authority");
        assertThat(feed.entries()).hasSize(2);
        ParsedEntry first = feed.entries().get(0);
        assertThat(first.guid()).isEqualTo("urn:lakes:2024:7");
        assertThat(first.link()).isEqualTo("https://lakes.example.org/news/7");
        assertThat(first.title()).isEqualTo("Bathing water quality report");
        assertThat(first.content()).isEqualTo("All twelve beaches meet the standard.");
        assertThat(first.published()).isEqualTo(Instant.parse("2024-06-01T08:00:00Z"));
        ParsedEntry second = feed.entries().get(1);
        assertThat(second.guid()).isNull();
        assertThat(second.content()).isEmpty();
        assertThat(second.published()).isNull();
    }

    @Test
    void byteOrderMarkOutranksTheHttpContentType() {
        byte[] body = "<rss version=\"2.0\"><channel><title>t</title><item><title>Hello</title></item></channel></rss>"
                .getBytes(StandardCharsets.UTF_16LE);
        byte[] bytes = new byte[body.length + 2];
        bytes[0] = (byte) 0xff;
        bytes[1] = (byte) 0xfe;
        System.arraycopy(body, 0, bytes, 2, body.length);
        assertThat(reader.read(bytes, "application/xml").entries()).extracting(ParsedEntry::title).containsExactly("Hello");
    }

    @Test
    void rss20EntriesKeepGuidLinkDateAndRichestContent() {
        ParsedFeed feed = read("rss-2.0.xml");
        assertThat(feed.format()).isEqualTo("rss_2.0");
        assertThat(feed.entries()).hasSize(3);
        ParsedEntry first = feed.entries().get(0);
        assertThat(first.guid()).isEqualTo("field-news-0001");
        assertThat(first.link()).isEqualTo("https://field.example.org/news/1");
        assertThat(first.published()).isEqualTo(Instant.parse("2019-05-21T10:00:00Z"));
        assertThat(first.content()).contains("<em>five-day</em>");
        assertThat(feed.entries().get(1).published()).isEqualTo(Instant.parse("2019-05-20T06:00:00Z"));
        assertThat(feed.entries().get(1).guid()).as("no guid: identified by its link").isNull();
        assertThat(feed.entries().get(1).link()).isEqualTo("https://field.example.org/news/2");
        ParsedEntry bare = feed.entries().get(2);
        assertThat(bare.title()).isEqualTo("Café owners trained on fraud");
        assertThat(bare.guid()).isNull();
        assertThat(bare.link()).isNull();
        assertThat(bare.published()).isNull();
    }

    @Test
    void atom10EntriesKeepTheirIdAndPublishedTime() {
        ParsedFeed feed = read("atom-1.0.xml");
        assertThat(feed.format()).isEqualTo("atom_1.0");
        assertThat(feed.entries()).hasSize(2);
        ParsedEntry first = feed.entries().get(0);
        assertThat(first.guid()).isEqualTo("urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a");
        assertThat(first.link()).isEqualTo("https://obs.example.org/rapport-2023");
        assertThat(first.published()).isEqualTo(Instant.parse("2023-12-12T09:00:00Z"));
        assertThat(first.content()).contains("Le rapport annuel 2023");
        assertThat(feed.entries().get(1).published()).isEqualTo(Instant.parse("2023-11-02T08:00:00Z"));
    }

    @Test
    void declaredSingleByteEncodingsAreDecoded() {
        assertThat(read("rss-2.0-windows-1252.xml").entries().get(0).title())
                .isEqualTo("\u201cSmart quotes\u201d \u2013 and the \u20ac sign");
        assertThat(read("rss-2.0-iso-8859-1.xml").entries().get(0).title()).isEqualTo("Grüße aus München");
        assertThat(read("rss-2.0-iso-8859-1.xml").entries().get(0).content()).isEqualTo("À bientôt");
    }

    @Test
    void internalEntitiesAndUnfetchedParameterEntitiesAreFine() {
        ParsedFeed feed = read("internal-entity.xml");
        assertThat(feed.title()).isEqualTo("Harbour Authority");
        assertThat(feed.entries()).extracting(ParsedEntry::title).containsExactly("Harbour Authority annual meeting");
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.SECONDS)
    void billionLaughsIsRefusedQuickly() {
        assertThatThrownBy(() -> read("billion-laughs.xml"))
                .isInstanceOf(FeedReadException.class)
                .hasMessageContaining("refused hostile XML");
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.SECONDS)
    void quadraticBlowupIsRefusedBySizeThoughUnderTheExpansionCount() {
        byte[] feed = TestData.quadraticBlowupFeed(4_096, 900); // 9 KB on the wire, 3.7 MB expanded
        assertThat(feed.length).isLessThan(10_000);
        assertThatThrownBy(() -> reader.read(feed, "application/rss+xml"))
                .isInstanceOf(FeedReadException.class)
                .hasMessageContaining("refused hostile XML")
                .hasMessageContaining("expanded entity size 100000 characters")
                .hasMessageContaining("accumulated size of entities");
    }

    @Test
    void oneEntityLargerThanTheSizeLimitIsRefused() {
        FeedReader small = new FeedReader(1000, 2_000);
        assertThatThrownBy(() -> small.read(TestData.quadraticBlowupFeed(4_096, 1), null))
                .isInstanceOf(FeedReadException.class)
                .hasMessageContaining("refused hostile XML")
                .hasMessageContaining("entity \"pad\"");
    }

    @Test
    void entitiesWithinBothLimitsAreExpanded() {
        ParsedFeed feed = reader.read(TestData.quadraticBlowupFeed(64, 100), null);
        assertThat(feed.entries()).singleElement()
                .satisfies(entry -> assertThat(entry.content()).hasSize(6_400).startsWith("harbour harbour"));
    }

    @Test
    void deeplyNestedElementsAreRefused() {
        String deep = "<rss version=\"2.0\"><channel><title>t</title><item><title>x</title><description>"
                + "<b>".repeat(FeedReader.MAX_ELEMENT_DEPTH) + "</b>".repeat(FeedReader.MAX_ELEMENT_DEPTH)
                + "</description></item></channel></rss>";
        assertThatThrownBy(() -> reader.read(deep.getBytes(StandardCharsets.UTF_8), null))
                .isInstanceOf(FeedReadException.class)
                .hasMessageContaining("refused hostile XML")
                .hasMessageContaining("depth");
    }

    @Test
    void externalEntityIsRefusedAndNeverRead() {
        assertThatThrownBy(() -> read("xxe.xml"))
                .isInstanceOf(FeedReadException.class)
                .hasMessageContaining("external entity 'secret'");
    }

    @Test
    void htmlPageIsNotAFeed() {
        assertThatThrownBy(() -> read("not-xml.html")).isInstanceOf(FeedReadException.class);
    }

    @Test
    void emptyAndNonXmlDocumentsAreRefused() {
        assertThatThrownBy(() -> reader.read(new byte[0], null)).isInstanceOf(FeedReadException.class);
        assertThatThrownBy(() -> reader.read("{\"json\": true}".getBytes(StandardCharsets.UTF_8), "application/json"))
                .isInstanceOf(FeedReadException.class);
    }

    @Test
    void feedWithoutEntriesReadsAsEmpty() {
        assertThat(read("empty-channel.xml").entries()).isEmpty();
        assertThat(reader.read("<rss version=\"2.0\"></rss>".getBytes(StandardCharsets.UTF_8), null).entries()).isEmpty();
    }
}
