package org.syndication.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.syndication.ingest.DocumentDecoder;
import org.syndication.ingest.parse.DocumentSplitter;
import org.syndication.ingest.parse.NewsItemDraft;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The quality of the HTML reader on a folder of saved listing pages ({@code benchmarks/run quality-html [DIR]}):
 * every {@code *.html} page is split with {@link DocumentSplitter#splitHtml}, and compared with what is known of it.
 * <ul>
 *   <li>{@code <page>.output.json} next to a page: the expected item links in page order; the page gets link
 *       precision, recall and F1 (normalised absolute URLs, each gold link matched at most once).</li>
 *   <li>a facts file (JSON object keyed by file name; {@code <DIR>/facts.json} or the file given as second
 *       argument): {@code count}, {@code minCount}, {@code firstTitle}, {@code firstDate}, {@code firstLinkEnds},
 *       {@code notDate} (no item has this date). Facts are checked and counted as passed or failed.</li>
 * </ul>
 * The page content never enters the repository: the folder and the facts live outside it.
 */
final class HtmlQualityBenchmark {

    /** Pages slower than this are reported as failures: big pages must be read well under a second. */
    private static final long SLOW_MS = 1000;

    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    private final ObjectMapper json = new ObjectMapper();
    private final DocumentSplitter splitter = new DocumentSplitter();

    private int tp;
    private int found;
    private int gold;
    private int factsPassed;
    private int factsFailed;
    private long slowest;

    private HtmlQualityBenchmark() {
    }

    /** Runs over every page of {@code dir}; returns whether every page was read without a crash or a timeout. */
    static boolean run(Path dir, Path facts, Report report) throws IOException {
        return new HtmlQualityBenchmark().measure(dir, facts, report);
    }

    private boolean measure(Path dir, Path factsFile, Report report) throws IOException {
        JsonNode facts = factsFile != null && Files.isRegularFile(factsFile) ? json.readTree(factsFile.toFile())
                : json.createObjectNode();
        List<Path> pages;
        try (Stream<Path> files = Files.list(dir)) {
            pages = files.filter(p -> p.getFileName().toString().endsWith(".html")).sorted().toList();
        }
        System.out.printf("HTML reader quality on %d pages of %s (facts: %s)%n", pages.size(), dir,
                factsFile != null && Files.isRegularFile(factsFile) ? factsFile : "none");
        System.out.printf("%-52s %6s %6s  %-28s %s%n", "page", "items", "cpu ms", "links P / R / F1",
                "facts, first item");
        boolean healthy = true;
        for (Path page : pages) {
            healthy &= measurePage(dir, page, facts.path(page.getFileName().toString()));
        }
        double precision = found == 0 ? 0 : (double) tp / found;
        double recall = gold == 0 ? 0 : (double) tp / gold;
        report.add("HTML pages: micro link F1 over the pages with gold links",
                String.format("%.3f (P %.3f, R %.3f; %d of %d links)", f1(precision, recall), precision, recall, tp,
                        gold), ">= 0.9");
        report.add("HTML pages: known facts (counts, first items) right", factsPassed + " of "
                + (factsPassed + factsFailed), "all");
        report.add("HTML pages: slowest page (CPU time of the split)", slowest + " ms",
                "< " + SLOW_MS + " ms, no crash");
        return healthy;
    }

    private boolean measurePage(Path dir, Path page, JsonNode facts) throws IOException {
        String name = page.getFileName().toString();
        String html = DocumentDecoder.decode(Files.readAllBytes(page), null, true).text();
        String pageUrl = pageUrl(name, html);
        List<NewsItemDraft> items = null;
        long ms = Long.MAX_VALUE;
        for (int run = 0; run < 5; run++) { // the best of five: the reader's time, not the JIT's
            long start = CPU.getCurrentThreadCpuTime(); // CPU time: the machine may be shared
            try {
                items = splitter.splitHtml(html, pageUrl);
            } catch (RuntimeException e) {
                System.out.printf("%-52s CRASH %s%n", shorten(name), e);
                return false;
            }
            ms = Math.min(ms, (CPU.getCurrentThreadCpuTime() - start) / 1_000_000);
        }
        slowest = Math.max(slowest, ms);
        String links = "";
        Path goldFile = dir.resolve(name.replaceFirst("\\.input\\.html$", "") + ".output.json");
        if (Files.isRegularFile(goldFile)) {
            List<String> expected = new ArrayList<>();
            json.readTree(goldFile.toFile()).forEach(link -> expected.add(normalise(link.asText())));
            Map<String, Integer> open = new HashMap<>();
            expected.forEach(link -> open.merge(link, 1, Integer::sum));
            int hits = 0;
            for (NewsItemDraft item : items) {
                String link = item.link() == null ? "" : normalise(item.link());
                if (open.getOrDefault(link, 0) > 0) {
                    open.merge(link, -1, Integer::sum);
                    hits++;
                }
            }
            tp += hits;
            found += items.size();
            gold += expected.size();
            double p = items.isEmpty() ? 0 : (double) hits / items.size();
            double r = expected.isEmpty() ? 0 : (double) hits / expected.size();
            links = String.format("%.2f / %.2f / %.2f (%d)", p, r, f1(p, r), expected.size());
        }
        String checked = checkFacts(facts, items);
        NewsItemDraft first = items.isEmpty() ? null : items.get(0);
        System.out.printf("%-52s %6d %6d  %-28s %s%s%n", shorten(name), items.size(), ms, links, checked,
                first == null ? "" : first.date() + " " + abbreviate(first.title()) + " <" + first.link() + ">");
        return ms < SLOW_MS;
    }

    private String checkFacts(JsonNode facts, List<NewsItemDraft> items) {
        if (facts.isMissingNode() || facts.isEmpty()) {
            return "";
        }
        List<String> failed = new ArrayList<>();
        NewsItemDraft first = items.isEmpty() ? null : items.get(0);
        if (facts.has("count") && items.size() != facts.get("count").asInt()) {
            failed.add("count " + facts.get("count").asInt());
        }
        if (facts.has("minCount") && items.size() < facts.get("minCount").asInt()) {
            failed.add("count >= " + facts.get("minCount").asInt());
        }
        if (facts.has("firstTitle")
                && (first == null || !first.title().equals(facts.get("firstTitle").asText()))) {
            failed.add("first title");
        }
        if (facts.has("firstDate")
                && (first == null || !first.date().toString().equals(facts.get("firstDate").asText()))) {
            failed.add("first date " + facts.get("firstDate").asText());
        }
        if (facts.has("firstLinkEnds")
                && (first == null || first.link() == null
                        || !first.link().endsWith(facts.get("firstLinkEnds").asText()))) {
            failed.add("first link");
        }
        if (facts.has("notDate")
                && items.stream().anyMatch(i -> i.date().toString().equals(facts.get("notDate").asText()))) {
            failed.add("decoy date " + facts.get("notDate").asText());
        }
        int checks = (int) Stream.of("count", "minCount", "firstTitle", "firstDate", "firstLinkEnds", "notDate")
                .filter(facts::has).count();
        factsPassed += checks - failed.size();
        factsFailed += failed.size();
        return failed.isEmpty() ? "facts ok (" + checks + "); " : "FAILED " + String.join(", ", failed) + "; ";
    }

    /** The page's own address when it names one (canonical link, og:url), else one derived from the file name. */
    static String pageUrl(String fileName, String html) {
        Document head = Jsoup.parse(html.length() > 200_000 ? html.substring(0, 200_000) : html);
        Element canonical = head.selectFirst("link[rel=canonical][href^=http]");
        if (canonical != null) {
            return canonical.attr("href");
        }
        Element og = head.selectFirst("meta[property=og:url][content^=http]");
        if (og != null) {
            return og.attr("content");
        }
        // NN_source__03-www-example-org.input.html or NN_source__example.org.html
        String base = fileName.replaceFirst("^\\d+_[^_]+__", "").replaceFirst("(\\.input)?\\.html$", "");
        base = base.replaceFirst("^\\d+-", "");
        String host = base.contains(".") ? base : base.replace('-', '.');
        return "https://" + host + "/";
    }

    /** Scheme, a leading "www.", a trailing slash and the fragment do not make two links different. */
    static String normalise(String url) {
        try {
            URI uri = URI.create(url.strip()).normalize();
            String host = uri.getHost() == null ? ""
                    : uri.getHost().toLowerCase(Locale.ROOT).replaceFirst("^www\\.", "");
            String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceFirst("/$", "");
            return host + path + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        } catch (IllegalArgumentException e) {
            return url.strip();
        }
    }

    private static double f1(double p, double r) {
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    private static String shorten(String name) {
        return name.length() <= 52 ? name : name.substring(0, 49) + "...";
    }

    private static String abbreviate(String title) {
        return title.length() <= 70 ? title : title.substring(0, 67) + "...";
    }
}
