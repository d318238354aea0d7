package org.syndication.feed.render;

import com.rometools.rome.feed.WireFeed;
import com.rometools.rome.feed.atom.Category;
import com.rometools.rome.feed.atom.Content;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.atom.Person;
import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.feed.rss.Description;
import com.rometools.rome.feed.rss.Guid;
import com.rometools.rome.feed.rss.Item;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedOutput;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.Namespace;
import org.jdom2.output.Format;
import org.jdom2.output.XMLOutputter;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * Writes RSS 2.0 and Atom 1.0 documents through Rome: the only class of this service that touches Rome.
 * Rome builds the documents; what it has no model for (atom:link in RSS, RFC 5005 archive markers, the
 * updated time of an RSS item) is added to its JDOM tree before the bytes are written.
 */
public final class RomeFeedWriter {

    static final Namespace ATOM = Namespace.getNamespace("atom", "http://www.w3.org/2005/Atom");
    static final Namespace HISTORY = Namespace.getNamespace("fh", "http://purl.org/syndication/history/1.0");
    static final Namespace TOMBSTONES = Namespace.getNamespace("at", "http://purl.org/atompub/tombstones/1.0");

    public byte[] atom(FeedDocument doc) {
        Feed feed = new Feed("atom_1.0");
        feed.setId(doc.uri());
        feed.setTitleEx(text(doc.title()));
        feed.setSubtitle(text(doc.description()));
        feed.setUpdated(date(doc.updated()));
        feed.setAuthors(List.of(person(doc.author())));
        feed.setAlternateLinks(List.of(link("alternate", doc.htmlUrl(), "text/html")));
        List<Link> others = new ArrayList<>();
        others.add(link("self", doc.selfUrl(), FeedFormat.ATOM.mediaType()));
        doc.hub().ifPresent(url -> others.add(link("hub", url, null)));
        if (doc.archive()) {
            others.add(link("current", doc.currentUrl(), FeedFormat.ATOM.mediaType()));
        }
        doc.prevArchive().ifPresent(url -> others.add(link("prev-archive", url, FeedFormat.ATOM.mediaType())));
        doc.nextArchive().ifPresent(url -> others.add(link("next-archive", url, FeedFormat.ATOM.mediaType())));
        feed.setOtherLinks(others);
        feed.setEntries(doc.entries().stream().map(this::atomEntry).toList());
        Document xml = jdom(feed);
        if (doc.archive()) {
            Element root = xml.getRootElement();
            root.addNamespaceDeclaration(HISTORY);
            root.addContent(0, new Element("archive", HISTORY));
        }
        addDeletedEntries(xml.getRootElement(), doc.deleted());
        return bytes(xml);
    }

    public byte[] rss(FeedDocument doc) {
        Channel channel = new Channel("rss_2.0");
        channel.setTitle(Html.inert(doc.title()));
        channel.setDescription(Html.inert(doc.description()));
        channel.setLink(doc.htmlUrl());
        channel.setPubDate(date(doc.updated()));
        channel.setLastBuildDate(date(doc.updated()));
        channel.setGenerator(doc.author());
        channel.setDocs("https://www.rssboard.org/rss-specification");
        doc.ttl().ifPresent(ttl -> channel.setTtl((int) Math.max(1, ttl.toMinutes())));
        channel.setItems(doc.entries().stream().map(this::rssItem).toList());
        Document xml = jdom(channel);
        Element root = xml.getRootElement();
        root.addNamespaceDeclaration(ATOM);
        Element channelElement = root.getChild("channel");
        List<Element> extra = new ArrayList<>();
        extra.add(atomLink("self", doc.selfUrl(), FeedFormat.RSS.mediaType()));
        doc.hub().ifPresent(url -> extra.add(atomLink("hub", url, null)));
        if (doc.archive()) {
            root.addNamespaceDeclaration(HISTORY);
            extra.add(new Element("archive", HISTORY));
            extra.add(atomLink("current", doc.currentUrl(), FeedFormat.RSS.mediaType()));
        }
        doc.prevArchive().ifPresent(url -> extra.add(atomLink("prev-archive", url, FeedFormat.RSS.mediaType())));
        doc.nextArchive().ifPresent(url -> extra.add(atomLink("next-archive", url, FeedFormat.RSS.mediaType())));
        Element firstItem = channelElement.getChild("item");
        channelElement.addContent(firstItem == null ? channelElement.getContentSize() : channelElement.indexOf(firstItem), extra);
        List<Element> items = channelElement.getChildren("item");
        for (int i = 0; i < items.size(); i++) {
            Element updated = new Element("updated", ATOM);
            updated.setText(DateTimeFormatter.ISO_INSTANT.format(doc.entries().get(i).updated()));
            items.get(i).addContent(updated);
        }
        return bytes(xml);
    }

    /**
     * RFC 6721 tombstones, before the first entry: RFC 4287's grammar puts extension elements of a feed before its
     * entries. RSS and JSON Feed have no such thing: there the entry just goes.
     */
    private static void addDeletedEntries(Element root, List<DeletedEntry> deleted) {
        if (deleted.isEmpty()) {
            return;
        }
        root.addNamespaceDeclaration(TOMBSTONES);
        Element firstEntry = root.getChild("entry", root.getNamespace());
        int at = firstEntry == null ? root.getContentSize() : root.indexOf(firstEntry);
        List<Element> elements = new ArrayList<>();
        for (DeletedEntry entry : deleted) {
            Element element = new Element("deleted-entry", TOMBSTONES);
            element.setAttribute("ref", entry.ref());
            element.setAttribute("when", DateTimeFormatter.ISO_INSTANT.format(entry.when()));
            elements.add(element);
        }
        root.addContent(at, elements);
    }

    private Entry atomEntry(FeedEntry e) {
        Entry entry = new Entry();
        entry.setId(e.uri());
        entry.setTitleEx(text(e.title()));
        entry.setAlternateLinks(List.of(link("alternate", e.link(), "text/html")));
        entry.setPublished(date(e.published()));
        entry.setUpdated(date(e.updated()));
        entry.setCategories(e.categories().stream().map(c -> {
            Category category = new Category();
            category.setTerm(c.slug());
            category.setLabel(c.title());
            category.setScheme(c.scheme());
            return category;
        }).toList());
        entry.setSummary(text(e.summary()));
        entry.setContents(List.of(text(e.content())));
        return entry;
    }

    private Item rssItem(FeedEntry e) {
        Item item = new Item();
        // RSS has no way to say "this title is text": keep it text even for readers that render it as HTML
        item.setTitle(Html.inert(e.title()));
        item.setLink(e.link());
        Guid guid = new Guid();
        guid.setPermaLink(false);
        guid.setValue(e.id());
        item.setGuid(guid);
        item.setPubDate(date(e.published()));
        item.setCategories(e.categories().stream().map(c -> {
            com.rometools.rome.feed.rss.Category category = new com.rometools.rome.feed.rss.Category();
            category.setDomain(c.scheme());
            category.setValue(c.slug());
            return category;
        }).toList());
        // readers render <description> as HTML (RSS 2.0: "entity-encoded HTML is allowed"): the summary is plain
        // text, so it goes in as escaped HTML and reads as the same characters
        Description description = new Description();
        description.setType("text/html");
        description.setValue(e.summary() == null ? null : Html.escape(e.summary()));
        item.setDescription(description);
        com.rometools.rome.feed.rss.Content content = new com.rometools.rome.feed.rss.Content();
        content.setType(com.rometools.rome.feed.rss.Content.HTML);
        content.setValue(Html.paragraphs(e.content()));
        item.setContent(content);
        return item;
    }

    private static Element atomLink(String rel, String href, String type) {
        Element link = new Element("link", ATOM);
        link.setAttribute("rel", rel);
        link.setAttribute("href", href);
        if (type != null) {
            link.setAttribute("type", type);
        }
        return link;
    }

    private static Content text(String value) {
        Content content = new Content();
        content.setType(Content.TEXT);
        content.setValue(value == null ? "" : value);
        return content;
    }

    private static Link link(String rel, String href, String type) {
        Link link = new Link();
        link.setRel(rel);
        link.setHref(href);
        link.setType(type);
        return link;
    }

    private static SyndPerson person(String name) {
        Person person = new Person();
        person.setName(name);
        return person;
    }

    private static Date date(Instant instant) {
        return Date.from(instant);
    }

    private static Document jdom(WireFeed feed) {
        feed.setEncoding("UTF-8");
        try {
            return new WireFeedOutput().outputJDom(feed);
        } catch (FeedException e) {
            throw new IllegalStateException("cannot write " + feed.getFeedType() + " feed", e);
        }
    }

    private static byte[] bytes(Document xml) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
        try {
            new XMLOutputter(Format.getRawFormat().setEncoding("UTF-8").setLineSeparator("\n")).output(xml, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
