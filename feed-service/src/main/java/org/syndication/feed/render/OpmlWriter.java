package org.syndication.feed.render;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.function.BiFunction;

/** Writes the OPML 2.0 list of every feed: one group per format, one outline per theme. */
public final class OpmlWriter {

    /** A feed to list: its theme title, its HTML page, and how to build its URL for a format. */
    public record Listed(String title, String htmlUrl, String slug) {
    }

    public byte[] write(String title, List<Listed> feeds, BiFunction<String, FeedFormat, String> feedUrl) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(8 * 1024);
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("opml");
            xml.writeAttribute("version", "2.0");
            xml.writeStartElement("head");
            xml.writeStartElement("title");
            xml.writeCharacters(XmlText.clean(title));
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeStartElement("body");
            for (FeedFormat format : FeedFormat.values()) {
                xml.writeStartElement("outline");
                xml.writeAttribute("text", format.label());
                for (Listed feed : feeds) {
                    xml.writeEmptyElement("outline");
                    xml.writeAttribute("type", "rss");
                    xml.writeAttribute("text", XmlText.clean(feed.title()));
                    xml.writeAttribute("title", XmlText.clean(feed.title()));
                    xml.writeAttribute("xmlUrl", feedUrl.apply(feed.slug(), format));
                    xml.writeAttribute("htmlUrl", feed.htmlUrl());
                }
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write OPML", e);
        }
        return out.toByteArray();
    }
}
