package org.syndication.ingest.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Reads an HTML page into {@link Line}s with jsoup: scripts, styles, navigation, page header and footer and figure
 * captions dropped; one line per block; links kept with their raw targets; headings marked. The walk is
 * iterative, so deeply nested markup cannot overflow the stack.
 */
final class HtmlLines {

    private static final String DROPPED = "script, style, noscript, template, nav, aside, iframe, svg, canvas, "
            + "figcaption, button, select, textarea, input, [role=navigation], [role=banner], [role=contentinfo], "
            + "[hidden], [aria-hidden=true]";

    /** Elements that end a line besides jsoup's own block elements; dates in their own element stand alone. */
    private static final Set<String> LINE_BREAKING = Set.of("br", "li", "td", "th", "dt", "dd", "tr", "time", "hr");

    private static final Set<String> HEADINGS = Set.of("h1", "h2", "h3", "h4", "h5", "h6");

    private HtmlLines() {
    }

    /** The lines of a page and the address its relative links are relative to. */
    record Page(List<Line> lines, String baseUrl) {
    }

    static Page read(String html, String pageUrl) {
        return read(Jsoup.parse(html), pageUrl);
    }

    /** Reads a parsed page; removes the chrome from {@code document} as it goes. */
    static Page read(Document document, String pageUrl) {
        String baseUrl = baseUrl(document, pageUrl);
        document.select(DROPPED).remove();
        for (Element element : document.select("header, footer")) {
            if (element.parents().stream().noneMatch(parent -> parent.nameIs("article"))) { // an article's own header stays
                element.remove();
            }
        }
        Collector collector = new Collector();
        NodeTraversor.traverse(collector, document.body() == null ? document : document.body());
        collector.flush();
        return new Page(collector.lines, baseUrl);
    }

    /** The address relative links of the page are relative to: its {@code <base href>}, else its own address. */
    static String baseUrl(Document document, String pageUrl) {
        Element base = document.selectFirst("base[href]");
        return base == null ? pageUrl : DocumentSplitter.absolute(pageUrl, base.attr("href"));
    }

    /** Walks the tree once, cutting lines at block boundaries. */
    private static final class Collector implements NodeVisitor {
        private final List<Line> lines = new ArrayList<>();
        private final StringBuilder text = new StringBuilder();
        private final List<Line.Link> links = new ArrayList<>();
        private final List<int[]> openLinks = new ArrayList<>();
        private final List<String> openHrefs = new ArrayList<>();
        private int headingDepth;
        private int preDepth;
        private boolean sawHeading;

        @Override
        public void head(Node node, int depth) {
            if (node instanceof TextNode textNode) {
                String raw = textNode.getWholeText(); // collapsed once per line in flush(), not per node
                sawHeading |= headingDepth > 0 && !raw.isBlank();
                if (preDepth > 0) { // preformatted text keeps its lines
                    appendPreformatted(raw);
                } else {
                    text.append(raw);
                }
                return;
            }
            if (!(node instanceof Element element)) {
                return;
            }
            if (breaksLine(element)) {
                flush();
            }
            String name = element.normalName();
            if (name.equals("pre") || name.equals("plaintext") || name.equals("xmp")) {
                preDepth++;
            }
            if (HEADINGS.contains(name)) {
                headingDepth++;
            } else if (name.equals("a") && element.hasAttr("href")) {
                openLinks.add(new int[] {text.length(), lines.size()});
                openHrefs.add(href(element));
            }
        }

        @Override
        public void tail(Node node, int depth) {
            if (!(node instanceof Element element)) {
                return;
            }
            String name = element.normalName();
            if (name.equals("pre") || name.equals("plaintext") || name.equals("xmp")) {
                preDepth--;
            }
            if (HEADINGS.contains(name)) {
                headingDepth--;
            } else if (name.equals("a") && element.hasAttr("href") && !openLinks.isEmpty()) {
                int[] start = openLinks.remove(openLinks.size() - 1);
                String href = openHrefs.remove(openHrefs.size() - 1);
                int from = start[1] == lines.size() ? Math.min(start[0], text.length()) : 0; // a link across lines
                if (href != null) {
                    links.add(new Line.Link(href, TextSanitizer.collapse(text.substring(from))));
                }
            }
            if (breaksLine(element)) {
                flush();
            }
        }

        private void appendPreformatted(String raw) {
            int start = 0;
            for (int newline = raw.indexOf('\n'); newline >= 0; newline = raw.indexOf('\n', start)) {
                text.append(raw, start, newline);
                flush();
                start = newline + 1;
            }
            text.append(raw, start, raw.length());
        }

        void flush() {
            String line = TextSanitizer.collapse(text);
            if (!line.isEmpty()) {
                lines.add(new Line(line, sawHeading, List.copyOf(links)));
            }
            text.setLength(0);
            links.clear();
            sawHeading = false;
        }

        private static boolean breaksLine(Element element) {
            String name = element.normalName();
            return element.isBlock() || LINE_BREAKING.contains(name) || hasDateClass(element);
        }

        private static boolean hasDateClass(Element element) {
            if (!element.hasAttr("class")) {
                return false;
            }
            String classes = element.className();
            for (int i = 0; i + 4 <= classes.length(); i++) {
                if (classes.regionMatches(true, i, "date", 0, 4)) {
                    return true;
                }
            }
            return false;
        }

        /** The absolute target of a link, or null for in-page, script and mail links. */
        private static String href(Element link) {
            String raw = link.attr("href").strip();
            String lower = raw.toLowerCase(Locale.ROOT);
            if (raw.isEmpty() || raw.startsWith("#") || lower.startsWith("javascript:") || lower.startsWith("mailto:")
                    || lower.startsWith("tel:")) {
                return null;
            }
            return raw; // resolved against the page address only for the few links that become item links
        }
    }
}
