package org.syndication.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.syndication.catalog.classify.Classifier;
import org.syndication.catalog.classify.TaxonomyFile;
import org.syndication.catalog.classify.ThemeAssignment;
import org.syndication.ingest.parse.DocumentSplitter;
import org.syndication.ingest.parse.NewsItemDraft;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The page reader's quality on a folder of pages with answer keys ({@code NN_name.txt} + {@code NN_name.gold.json},
 * as in the development set): per page found / matched / missed / spurious, item precision, recall and F1, and the
 * theme micro-F1 of the catalog's classifier over the matched items. An item matches a gold item when date and end
 * date are equal and the titles are equal after whitespace and punctuation are normalised, at a similarity of 0.9
 * or more (an empty gold title accepts any title); each gold item matches at most one found item, in page order.
 *
 * <p>The floors only ever go up: raise them when the reader improves, never lower them to pass.
 */
final class ReaderQuality {

    /** Item F1 below this fails the run (development set). */
    static final double ITEM_F1_FLOOR = 0.97;
    /** Theme micro-F1 over matched items below this fails the run. */
    static final double THEME_F1_FLOOR = 0.90;

    private static final double TITLE_SIMILARITY = 0.9;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The outcome of one run: whether it stayed above the floors. */
    record Outcome(double itemF1, double themeF1) {
        boolean aboveFloors() {
            return itemF1 >= ITEM_F1_FLOOR && themeF1 >= THEME_F1_FLOOR;
        }
    }

    private record Gold(LocalDate date, LocalDate endDate, String title, Set<String> themes) {
    }

    private ReaderQuality() {
    }

    static Outcome run(Path dir, Report report, boolean verbose) throws IOException {
        DocumentSplitter splitter = new DocumentSplitter();
        Classifier classifier = new Classifier(TaxonomyFile.readClasspathDefault(),
                new Classifier.Settings(6.0, 3.0, 150)); // the catalog's defaults (CatalogConfig.Classifier)
        List<Path> pages;
        try (Stream<Path> files = Files.list(dir)) {
            pages = files.filter(p -> p.getFileName().toString().endsWith(".txt")).sorted().toList();
        }
        int found = 0;
        int matched = 0;
        int gold = 0;
        int themeTp = 0;
        int themeFp = 0;
        int themeFn = 0;
        System.out.printf("%-52s %5s %5s %7s %6s %8s%n", "page", "gold", "found", "matched", "missed", "spurious");
        for (Path page : pages) {
            String name = page.getFileName().toString().replaceFirst("\\.txt$", "");
            Path key = page.resolveSibling(name + ".gold.json");
            if (!Files.exists(key)) {
                continue;
            }
            List<Gold> expected = readGold(key);
            List<NewsItemDraft> items = splitter.splitText(Files.readString(page, StandardCharsets.UTF_8));
            boolean[] used = new boolean[items.size()];
            int pageMatched = 0;
            StringBuilder detail = new StringBuilder();
            for (Gold g : expected) {
                int hit = -1;
                for (int i = 0; i < items.size() && hit < 0; i++) {
                    if (!used[i] && matches(g, items.get(i))) {
                        hit = i;
                    }
                }
                if (hit < 0) {
                    detail.append("    missed   ").append(g.date()).append(g.endDate() == null ? "" : ".." + g.endDate())
                            .append(" | ").append(g.title()).append('\n');
                    continue;
                }
                used[hit] = true;
                pageMatched++;
                NewsItemDraft item = items.get(hit);
                Set<String> predicted = new TreeSet<>();
                for (ThemeAssignment a : classifier.classify(item.title(), item.body())) {
                    predicted.add(a.slug());
                }
                for (String slug : predicted) {
                    if (g.themes().contains(slug)) {
                        themeTp++;
                    } else {
                        themeFp++;
                        detail.append("    theme+   ").append(slug).append(" | ").append(item.title()).append('\n');
                    }
                }
                for (String slug : g.themes()) {
                    if (!predicted.contains(slug)) {
                        themeFn++;
                        detail.append("    theme-   ").append(slug).append(" | ").append(item.title()).append('\n');
                    }
                }
            }
            for (int i = 0; i < items.size(); i++) {
                if (!used[i]) {
                    NewsItemDraft item = items.get(i);
                    detail.append("    spurious ").append(item.date()).append(item.endDate() == null ? "" : ".." + item.endDate())
                            .append(" | ").append(item.title()).append('\n');
                }
            }
            System.out.printf("%-52s %5d %5d %7d %6d %8d%n", name, expected.size(), items.size(), pageMatched,
                    expected.size() - pageMatched, items.size() - pageMatched);
            if (verbose && detail.length() > 0) {
                System.out.print(detail);
            }
            found += items.size();
            matched += pageMatched;
            gold += expected.size();
        }
        double precision = ratio(matched, found);
        double recall = ratio(matched, gold);
        double f1 = f1(precision, recall);
        double themePrecision = ratio(themeTp, themeTp + themeFp);
        double themeRecall = ratio(themeTp, themeTp + themeFn);
        double themeF1 = f1(themePrecision, themeRecall);
        report.add("page reader: items found / matched / gold (" + dir.getFileName() + ")",
                found + " / " + matched + " / " + gold, "-");
        report.add("page reader: item precision / recall",
                String.format("%.3f / %.3f", precision, recall), "-");
        report.add("page reader: item F1", String.format("%.3f", f1),
                String.format(">= 0.95 (floor %.2f)", ITEM_F1_FLOOR));
        report.add("page reader: theme micro-F1 on matched items (P / R)",
                String.format("%.3f (%.3f / %.3f)", themeF1, themePrecision, themeRecall),
                String.format(">= 0.85 (floor %.2f)", THEME_F1_FLOOR));
        return new Outcome(f1, themeF1);
    }

    private static List<Gold> readGold(Path key) throws IOException {
        List<Gold> items = new ArrayList<>();
        for (JsonNode node : JSON.readTree(key.toFile())) {
            Set<String> themes = new HashSet<>();
            node.path("themes").forEach(t -> themes.add(t.asText()));
            JsonNode end = node.path("end_date");
            items.add(new Gold(LocalDate.parse(node.path("date").asText()),
                    end.isNull() || end.isMissingNode() ? null : LocalDate.parse(end.asText()),
                    node.path("title").asText(""), themes));
        }
        return items;
    }

    private static boolean matches(Gold gold, NewsItemDraft item) {
        if (!gold.date().equals(item.date()) || !java.util.Objects.equals(gold.endDate(), item.endDate())) {
            return false;
        }
        String want = normalise(gold.title());
        return want.isEmpty() || similarity(want, normalise(item.title())) >= TITLE_SIMILARITY;
    }

    /** Lower case, accents kept, punctuation dropped, whitespace collapsed. */
    static String normalise(String title) {
        String text = Normalizer.normalize(title, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(text.length());
        boolean space = false;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (Character.isLetterOrDigit(ch)) {
                if (space && out.length() > 0) {
                    out.append(' ');
                }
                out.append(ch);
                space = false;
            } else {
                space = true;
            }
        }
        return out.toString();
    }

    /** 1 - Levenshtein distance / length of the longer text. */
    static double similarity(String a, String b) {
        int longer = Math.max(a.length(), b.length());
        if (longer == 0) {
            return 1.0;
        }
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return 1.0 - (double) previous[b.length()] / longer;
    }

    private static double ratio(int part, int whole) {
        return whole == 0 ? 0.0 : (double) part / whole;
    }

    private static double f1(double precision, double recall) {
        return precision + recall == 0 ? 0.0 : 2 * precision * recall / (precision + recall);
    }
}
