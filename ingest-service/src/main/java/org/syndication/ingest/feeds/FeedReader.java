package org.syndication.ingest.feeds;

import com.rometools.rome.feed.WireFeed;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedInput;
import com.rometools.rome.io.XmlReader;
import com.rometools.rome.io.impl.DateParser;
import com.rometools.rome.io.impl.XmlFixerReader;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.JDOMException;
import org.jdom2.Namespace;
import org.jdom2.input.SAXBuilder;
import org.jdom2.input.sax.XMLReaderJDOMFactory;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXNotRecognizedException;
import org.xml.sax.SAXNotSupportedException;
import org.xml.sax.XMLReader;
import org.xml.sax.ext.DeclHandler;
import org.xml.sax.ext.DefaultHandler2;
import org.xml.sax.helpers.XMLFilterImpl;

import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Reads RSS 0.9x, 1.0, 1.1, 2.0 and Atom 0.3/1.0 documents: the one class of the service that uses Rome.
 * <p>
 * The XML is parsed by the JDK's parser configured here, not by Rome's: external entities and external DTDs are
 * never loaded, a document that declares an external general entity (XXE) is refused, and entity expansion is
 * capped both by count (a "billion laughs" document is refused within milliseconds) and by size: the JDK counts
 * expansions, not characters, so one entity of a few KB referenced a thousand times would otherwise turn a 9 KB
 * feed into megabytes of text (quadratic blowup). Element depth is capped too. A DOCTYPE as such is allowed (the
 * Netscape RSS 0.91 DTD, internal entities), because real feeds carry one. Encoding follows Rome's
 * {@link XmlReader}: byte-order mark, XML declaration, then the HTTP charset, leniently.
 */
public final class FeedReader {

    /**
     * JAXP processing limits of the JDK parser, by their property names (system properties {@code jdk.xml.*}; the
     * full names are accepted by every JDK from 8 on).
     */
    private static final String JAXP = "http://www.oracle.com/xml/jaxp/properties/";
    private static final String JAXP_ENTITY_EXPANSION_LIMIT = JAXP + "entityExpansionLimit";
    private static final String JAXP_TOTAL_ENTITY_SIZE_LIMIT = JAXP + "totalEntitySizeLimit";
    private static final String JAXP_GENERAL_ENTITY_SIZE_LIMIT = JAXP + "maxGeneralEntitySizeLimit";
    private static final String JAXP_PARAMETER_ENTITY_SIZE_LIMIT = JAXP + "maxParameterEntitySizeLimit";
    private static final String JAXP_ELEMENT_DEPTH_LIMIT = JAXP + "maxElementDepth";
    /** The codes of the JDK's limit errors (JAXP00010001 expansions ... JAXP00010006 element depth). */
    private static final String JAXP_LIMIT_ERROR = "JAXP0001000";
    /**
     * Deepest element nesting read. Real feeds nest a handful of levels (a few dozen with XHTML content); the cap
     * keeps a deeply nested document from exhausting the stack of the recursive code after the parser.
     */
    static final int MAX_ELEMENT_DEPTH = 256;
    /** The SAX property of the declaration handler, and the old name JDOM tries first. */
    private static final Set<String> DECLARATION_HANDLER = Set.of(
            "http://xml.org/sax/properties/declaration-handler", "http://xml.org/sax/handlers/DeclHandler");
    private static final Namespace RSS_1_1 = Namespace.getNamespace("http://purl.org/net/rss1.1#");
    private static final Namespace RDF = Namespace.getNamespace("http://www.w3.org/1999/02/22-rdf-syntax-ns#");
    private static final Namespace DC = Namespace.getNamespace("http://purl.org/dc/elements/1.1/");
    private static final Set<String> EXTERNAL_ENTITY_FEATURES = Set.of(
            "http://xml.org/sax/features/external-general-entities",
            "http://xml.org/sax/features/external-parameter-entities");

    private final int maxEntityExpansions;
    private final int maxEntitySize;

    /**
     * @param maxEntityExpansions entity references expanded in one document at most
     * @param maxEntitySize       characters all entity references of a document may expand to, in total
     */
    public FeedReader(int maxEntityExpansions, int maxEntitySize) {
        this.maxEntityExpansions = maxEntityExpansions;
        this.maxEntitySize = maxEntitySize;
    }

    /**
     * @param bytes       the document
     * @param contentType the HTTP {@code Content-Type} it came with, or null
     * @throws FeedReadException when the document is not a feed we read, or is hostile
     */
    public ParsedFeed read(byte[] bytes, String contentType) {
        if (bytes.length == 0) {
            throw new FeedReadException("empty document", null);
        }
        // RFC 7303: a byte-order mark outranks the charset of the Content-Type (Rome's XmlReader gets UTF-16LE
        // with a BOM wrong when a Content-Type is given)
        try (Reader reader = contentType == null || hasByteOrderMark(bytes)
                ? new XmlReader(new ByteArrayInputStream(bytes), true)
                : new XmlReader(new ByteArrayInputStream(bytes), contentType, true)) {
            SAXBuilder builder = new SAXBuilder(new SecureReaderFactory(maxEntityExpansions, maxEntitySize));
            builder.setEntityResolver((publicId, systemId) -> new InputSource(new StringReader("")));
            builder.setExpandEntities(true);
            Document document = builder.build(new XmlFixerReader(reader));
            if (isEmptyFeed(document.getRootElement())) {
                return new ParsedFeed(document.getRootElement().getName(), null, null, List.of());
            }
            if (RSS_1_1.equals(document.getRootElement().getNamespace())) {
                return readRss11(document.getRootElement());
            }
            WireFeed wire = new WireFeedInput(false, Locale.ROOT).build(document);
            return toParsedFeed(new SyndFeedImpl(wire), wire.getFeedType());
        } catch (JDOMException e) {
            String reason = firstLine(e.getMessage());
            if (reason.contains("refused:")) {
                throw new FeedReadException("refused hostile XML (external entity): " + reason, e);
            }
            if (reason.contains(JAXP_LIMIT_ERROR)) {
                throw new FeedReadException("refused hostile XML (over a parser limit: entity expansions "
                        + maxEntityExpansions + ", expanded entity size " + maxEntitySize + " characters, element depth "
                        + MAX_ELEMENT_DEPTH + "): " + reason, e);
            }
            throw new FeedReadException("not well-formed XML: " + reason, e);
        } catch (FeedException | RuntimeException e) {
            throw new FeedReadException("not an RSS or Atom feed: " + firstLine(e.getMessage()), e);
        } catch (IOException e) {
            throw new FeedReadException("unreadable document: " + firstLine(e.getMessage()), e);
        }
    }

    /**
     * RSS 1.1 (a {@code Channel} root with {@code items/item} children), which Rome does not read: title, link,
     * description, {@code dc:date} and {@code rdf:about} of each item.
     */
    private static ParsedFeed readRss11(Element channel) {
        List<ParsedEntry> entries = new ArrayList<>();
        Element items = channel.getChild("items", RSS_1_1);
        for (Element item : items == null ? List.<Element>of() : items.getChildren("item", RSS_1_1)) {
            String link = blankToNull(item.getChildTextTrim("link", RSS_1_1));
            String about = blankToNull(item.getAttributeValue("about", RDF));
            String date = item.getChildTextTrim("date", DC);
            entries.add(new ParsedEntry(about != null && about.equals(link) ? null : about, link,
                    Objects.requireNonNullElse(item.getChildTextTrim("title", RSS_1_1), ""),
                    Objects.requireNonNullElse(item.getChildTextTrim("description", RSS_1_1), ""), w3cDate(date)));
        }
        return new ParsedFeed("rss_1.1", blankToNull(channel.getChildTextTrim("title", RSS_1_1)),
                blankToNull(channel.getChildTextTrim("language", DC)), entries);
    }

    private static Instant w3cDate(String value) {
        Date date = value == null ? null : DateParser.parseW3CDateTime(value, Locale.ROOT);
        return date == null ? null : date.toInstant();
    }

    private static boolean hasByteOrderMark(byte[] b) {
        int b0 = b[0] & 0xff;
        int b1 = b.length > 1 ? b[1] & 0xff : -1;
        return (b0 == 0xfe && b1 == 0xff) || (b0 == 0xff && b1 == 0xfe) || (b0 == 0xef && b1 == 0xbb);
    }

    /** An {@code <rss>} without channel, or an RDF document without channel and items: a feed of nothing. */
    private static boolean isEmptyFeed(Element root) {
        String name = root.getName();
        if (name.equals("rss")) {
            return root.getChildren().stream().noneMatch(child -> child.getName().equals("channel"));
        }
        return name.equals("RDF") && root.getChildren().stream()
                .noneMatch(child -> child.getName().equals("channel") || child.getName().equals("item"));
    }

    private static ParsedFeed toParsedFeed(SyndFeed feed, String format) {
        List<ParsedEntry> entries = new ArrayList<>();
        for (SyndEntry entry : feed.getEntries()) {
            String link = blankToNull(entry.getLink());
            String uri = blankToNull(entry.getUri());
            // Rome gives an RSS item without guid its link as URI: that is no id of its own.
            String guid = uri != null && uri.equals(link) ? null : uri;
            entries.add(new ParsedEntry(guid, link,
                    entry.getTitle() == null ? "" : entry.getTitle(), content(entry), published(entry)));
        }
        return new ParsedFeed(format, blankToNull(feed.getTitle()), blankToNull(feed.getLanguage()), entries);
    }

    private static String content(SyndEntry entry) {
        for (SyndContent content : entry.getContents()) {
            if (content != null && content.getValue() != null && !content.getValue().isBlank()) {
                return content.getValue();
            }
        }
        SyndContent description = entry.getDescription();
        return description == null || description.getValue() == null ? "" : description.getValue();
    }

    private static Instant published(SyndEntry entry) {
        Date date = entry.getPublishedDate() != null ? entry.getPublishedDate() : entry.getUpdatedDate();
        return date == null ? null : date.toInstant();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no detail";
        }
        String line = message.lines().findFirst().orElse(message);
        return line.length() > 200 ? line.substring(0, 200) : line;
    }

    /** JDK SAX parsers with every external fetch off and entity expansion capped by count and size. */
    private static final class SecureReaderFactory implements XMLReaderJDOMFactory {

        private final int maxEntityExpansions;
        private final int maxEntitySize;

        SecureReaderFactory(int maxEntityExpansions, int maxEntitySize) {
            this.maxEntityExpansions = maxEntityExpansions;
            this.maxEntitySize = maxEntitySize;
        }

        @Override
        public XMLReader createXMLReader() throws JDOMException {
            try {
                SAXParserFactory factory = SAXParserFactory.newDefaultInstance();
                factory.setNamespaceAware(true);
                factory.setValidating(false);
                factory.setXIncludeAware(false);
                factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
                for (String feature : EXTERNAL_ENTITY_FEATURES) {
                    factory.setFeature(feature, false);
                }
                factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
                SAXParser parser = factory.newSAXParser();
                parser.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
                parser.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
                parser.setProperty(JAXP_ENTITY_EXPANSION_LIMIT, String.valueOf(maxEntityExpansions));
                // the total counts every character read from an expanded entity, each reference again: this is
                // what refuses the quadratic blowup; the per-entity limits give a clearer message for one huge one
                parser.setProperty(JAXP_TOTAL_ENTITY_SIZE_LIMIT, String.valueOf(maxEntitySize));
                parser.setProperty(JAXP_GENERAL_ENTITY_SIZE_LIMIT, String.valueOf(maxEntitySize));
                parser.setProperty(JAXP_PARAMETER_ENTITY_SIZE_LIMIT, String.valueOf(maxEntitySize));
                parser.setProperty(JAXP_ELEMENT_DEPTH_LIMIT, String.valueOf(MAX_ELEMENT_DEPTH));
                return new ExternalEntityRefusal(parser.getXMLReader());
            } catch (ParserConfigurationException | SAXException e) {
                throw new JDOMException("cannot configure a secure XML parser", e);
            }
        }

        @Override
        public boolean isValidating() {
            return false;
        }
    }

    /**
     * Passes everything to the parser, except that external entities stay off whatever JDOM asks for, and a
     * declaration handler (wrapping JDOM's, if it sets one) fails the parse on the declaration of an external
     * general entity (the XXE pattern). External parameter entities are only never loaded: real feeds declare
     * them (e.g. XHTML entity sets) without harm.
     */
    private static final class ExternalEntityRefusal extends XMLFilterImpl {

        private DeclHandler declHandler = new DefaultHandler2();

        ExternalEntityRefusal(XMLReader parent) {
            super(parent);
        }

        @Override
        public void setFeature(String name, boolean value) throws SAXNotRecognizedException, SAXNotSupportedException {
            super.setFeature(name, EXTERNAL_ENTITY_FEATURES.contains(name) ? false : value);
        }

        @Override
        public void setProperty(String name, Object value) throws SAXNotRecognizedException, SAXNotSupportedException {
            if (DECLARATION_HANDLER.contains(name) && value instanceof DeclHandler handler) {
                declHandler = handler;
                return;
            }
            super.setProperty(name, value);
        }

        @Override
        public void parse(InputSource input) throws SAXException, IOException {
            getParent().setProperty("http://xml.org/sax/properties/declaration-handler",
                    new RefusingDeclHandler(declHandler));
            super.parse(input);
        }
    }

    private record RefusingDeclHandler(DeclHandler delegate) implements DeclHandler {

        @Override
        public void externalEntityDecl(String name, String publicId, String systemId) throws SAXException {
            if (!name.startsWith("%")) {
                throw new SAXException("refused: the document declares the external entity '" + name + "'");
            }
            delegate.externalEntityDecl(name, publicId, systemId);
        }

        @Override
        public void elementDecl(String name, String model) throws SAXException {
            delegate.elementDecl(name, model);
        }

        @Override
        public void attributeDecl(String eName, String aName, String type, String mode, String value)
                throws SAXException {
            delegate.attributeDecl(eName, aName, type, mode, value);
        }

        @Override
        public void internalEntityDecl(String name, String value) throws SAXException {
            delegate.internalEntityDecl(name, value);
        }
    }
}
