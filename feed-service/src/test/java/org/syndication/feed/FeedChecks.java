package org.syndication.feed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rometools.rome.feed.WireFeed;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.WireFeedInput;
import com.thaiopensource.util.PropertyMapBuilder;
import com.thaiopensource.validate.ValidateProperty;
import com.thaiopensource.validate.ValidationDriver;
import com.thaiopensource.validate.rng.CompactSchemaReader;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXParseException;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Validity checks of produced feeds: Rome parses them, Atom passes RFC 4287's RELAX NG grammar, JSON Feed 1.1 rules. */
public final class FeedChecks {

    /**
     * The value of the first series on {@code /q/metrics} whose text up to the value starts with {@code series}
     * (a name, or a name and the first labels); NaN when there is none.
     */
    public static double metric(String series) {
        return io.restassured.RestAssured.given().get("/q/metrics").then().statusCode(200).extract().asString()
                .lines().filter(l -> !l.startsWith("#") && l.startsWith(series))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).findFirst().orElse(Double.NaN);
    }

    /** The {@code # HELP} lines of {@code /q/metrics}. */
    public static String metricHelp() {
        return String.join("\n", io.restassured.RestAssured.given().get("/q/metrics").then().statusCode(200).extract()
                .asString().lines().filter(l -> l.startsWith("# HELP")).toList());
    }

    public static final String ATOM_NS = "http://www.w3.org/2005/Atom";

    private FeedChecks() {
    }

    /** Validates an Atom document against the RFC 4287 grammar and the rules the grammar cannot express. */
    public static SyndFeed validAtom(byte[] xml) {
        List<String> errors = new ArrayList<>();
        ErrorHandler collect = new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {
            }

            @Override
            public void error(SAXParseException e) {
                errors.add(e.getLineNumber() + ":" + e.getColumnNumber() + " " + e.getMessage());
            }

            @Override
            public void fatalError(SAXParseException e) {
                error(e);
            }
        };
        PropertyMapBuilder properties = new PropertyMapBuilder();
        properties.put(ValidateProperty.ERROR_HANDLER, collect);
        ValidationDriver driver = new ValidationDriver(properties.toPropertyMap(), CompactSchemaReader.getInstance());
        try {
            InputSource schema = new InputSource(FeedChecks.class.getResource("/schemas/atom-rfc4287.rnc").toString());
            assertThat(driver.loadSchema(schema)).as("schema loads").isTrue();
            boolean valid = driver.validate(new InputSource(new ByteArrayInputStream(xml)));
            assertThat(errors).as("RELAX NG errors").isEmpty();
            assertThat(valid).isTrue();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        Document dom = dom(xml);
        Element feed = dom.getDocumentElement();
        List<Element> entries = children(feed, ATOM_NS, "entry");
        boolean feedAuthor = !children(feed, ATOM_NS, "author").isEmpty();
        Set<String> ids = new HashSet<>();
        for (Element entry : entries) {
            assertThat(feedAuthor || !children(entry, ATOM_NS, "author").isEmpty()).as("author (4.1.1)").isTrue();
            String id = children(entry, ATOM_NS, "id").get(0).getTextContent();
            assertThat(URI.create(id).isAbsolute()).as("entry id is an IRI").isTrue();
            assertThat(ids.add(id)).as("unique id " + id).isTrue();
            List<Element> alternates = children(entry, ATOM_NS, "link").stream()
                    .filter(l -> l.getAttribute("rel").isEmpty() || "alternate".equals(l.getAttribute("rel"))).toList();
            assertThat(alternates.size() <= 1).as("one alternate link per type").isTrue();
            assertThat(!alternates.isEmpty() || !children(entry, ATOM_NS, "content").isEmpty()).isTrue();
        }
        for (Element link : children(feed, ATOM_NS, "link")) {
            assertThat(URI.create(link.getAttribute("href")).isAbsolute()).as("absolute " + link.getAttribute("href")).isTrue();
        }
        assertThat(children(feed, ATOM_NS, "link").stream().filter(l -> "self".equals(l.getAttribute("rel")))).hasSize(1);
        return parse(xml);
    }

    /** Checks an RSS 2.0 document: Rome reads it, guids are not permalinks, atom:link rel=self is there. */
    public static SyndFeed validRss(byte[] xml) {
        Document dom = dom(xml);
        Element rss = dom.getDocumentElement();
        assertThat(rss.getTagName()).isEqualTo("rss");
        assertThat(rss.getAttribute("version")).isEqualTo("2.0");
        Element channel = (Element) rss.getElementsByTagName("channel").item(0);
        assertThat(children(channel, ATOM_NS, "link").stream().filter(l -> "self".equals(l.getAttribute("rel")))).hasSize(1);
        NodeList items = channel.getElementsByTagName("item");
        Set<String> guids = new HashSet<>();
        for (int i = 0; i < items.getLength(); i++) {
            Element item = (Element) items.item(i);
            Element guid = (Element) item.getElementsByTagName("guid").item(0);
            assertThat(guid.getAttribute("isPermaLink")).isEqualTo("false");
            assertThat(guids.add(guid.getTextContent())).isTrue();
            assertThat(item.getElementsByTagName("pubDate").getLength()).isEqualTo(1);
            assertThat(item.getElementsByTagName("title").getLength()).isEqualTo(1);
        }
        try {
            WireFeed wire = new WireFeedInput().build(reader(xml));
            assertThat(wire.getFeedType()).isEqualTo("rss_2.0");
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        return parse(xml);
    }

    /** Checks the JSON Feed 1.1 rules (https://www.jsonfeed.org/version/1.1/) that a producer must follow. */
    public static JsonNode validJsonFeed(byte[] json) {
        JsonNode feed;
        try {
            feed = new ObjectMapper().readTree(json);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        assertThat(feed.path("version").asText()).isEqualTo("https://jsonfeed.org/version/1.1");
        assertThat(feed.path("title").isTextual()).isTrue();
        assertThat(feed.path("title").asText()).isNotBlank();
        assertThat(URI.create(feed.path("home_page_url").asText()).isAbsolute()).isTrue();
        assertThat(URI.create(feed.path("feed_url").asText()).isAbsolute()).isTrue();
        assertThat(feed.path("items").isArray()).isTrue();
        assertThat(feed.has("author")).as("1.1 uses authors").isFalse();
        feed.path("authors").forEach(a -> assertThat(a.path("name").isTextual()).isTrue());
        Set<String> ids = new HashSet<>();
        for (JsonNode item : feed.path("items")) {
            assertThat(item.path("id").isTextual()).as("id is a string").isTrue();
            assertThat(ids.add(item.path("id").asText())).as("unique id").isTrue();
            assertThat(item.has("content_text") || item.has("content_html")).isTrue();
            assertThat(URI.create(item.path("url").asText()).isAbsolute()).isTrue();
            OffsetDateTime.parse(item.path("date_published").asText());
            OffsetDateTime.parse(item.path("date_modified").asText());
            item.fieldNames().forEachRemaining(name -> assertThat(name).isIn("id", "url", "external_url", "title",
                    "content_html", "content_text", "summary", "image", "banner_image", "date_published",
                    "date_modified", "authors", "tags", "language", "attachments", "_syndication"));
        }
        feed.fieldNames().forEachRemaining(name -> assertThat(name).isIn("version", "title", "home_page_url",
                "feed_url", "description", "user_comment", "next_url", "icon", "favicon", "authors", "language",
                "expired", "hubs", "items"));
        return feed;
    }

    public static SyndFeed parse(byte[] xml) {
        try {
            return new SyndFeedInput().build(reader(xml));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    public static List<String> entryIds(SyndFeed feed) {
        return feed.getEntries().stream().map(SyndEntry::getUri).toList();
    }

    private static InputStreamReader reader(byte[] xml) {
        return new InputStreamReader(new ByteArrayInputStream(xml), StandardCharsets.UTF_8);
    }

    private static Document dom(byte[] xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static List<Element> children(Element parent, String ns, String name) {
        List<Element> found = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element e && ns.equals(e.getNamespaceURI()) && name.equals(e.getLocalName())) {
                found.add(e);
            }
        }
        return found;
    }
}
