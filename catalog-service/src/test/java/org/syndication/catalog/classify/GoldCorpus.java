package org.syndication.catalog.classify;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The hand-labelled demo corpus: {@code fixtures/gold-themes.tsv} names each item of the five pages in
 * {@code demo/} by page, date and title with its expected themes. An item's body is the text between its title
 * and the next item's heading (a date line on its own counts as part of the heading).
 */
public final class GoldCorpus {

    public record Item(String page, String date, String title, String body, Set<String> themes) {
    }

    private static final Pattern DATE_ONLY = Pattern.compile("^\\s*[0-9][0-9 .\\-–]*[A-Za-z]*\\s*[0-9]{4}\\s*$");

    private GoldCorpus() {
    }

    public static List<Item> load() {
        Path demo = locateDemo();
        Map<String, List<String[]>> byPage = new LinkedHashMap<>();
        for (String line : readLines(Path.of("src/test/resources/fixtures/gold-themes.tsv"))) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cols = line.split("\t");
            if (cols.length != 4) {
                throw new IllegalStateException("gold line needs 4 columns: " + line);
            }
            byPage.computeIfAbsent(cols[0], k -> new ArrayList<>()).add(cols);
        }
        List<Item> items = new ArrayList<>();
        byPage.forEach((page, rows) -> items.addAll(itemsOf(demo.resolve(page), page, rows)));
        return items;
    }

    private static List<Item> itemsOf(Path file, String page, List<String[]> rows) {
        List<String> lines = readLines(file).stream().map(GoldCorpus::normalise).toList();
        int[] titleLine = new int[rows.size()];
        int[] headingStart = new int[rows.size()];
        int from = 0;
        for (int r = 0; r < rows.size(); r++) {
            String title = normalise(rows.get(r)[2]);
            int found = -1;
            for (int i = from; i < lines.size() && found < 0; i++) {
                if (lines.get(i).contains(title)) {
                    found = i;
                }
            }
            if (found < 0) {
                throw new IllegalStateException("title not found in " + page + ": " + title);
            }
            titleLine[r] = found;
            int start = found;
            int prev = found - 1;
            while (prev >= 0 && lines.get(prev).isBlank()) {
                prev--;
            }
            if (prev >= 0 && DATE_ONLY.matcher(lines.get(prev)).matches()) {
                start = prev;
            }
            headingStart[r] = start;
            from = found + 1;
        }
        List<Item> items = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            int end = r + 1 < rows.size() ? headingStart[r + 1] : lines.size();
            String titleText = lines.get(titleLine[r]);
            String title = normalise(rows.get(r)[2]);
            String rest = titleText.substring(titleText.indexOf(title) + title.length());
            StringBuilder body = new StringBuilder(rest.strip());
            for (int i = titleLine[r] + 1; i < end; i++) {
                body.append('\n').append(lines.get(i));
            }
            String[] row = rows.get(r);
            Set<String> themes = "-".equals(row[3]) ? Set.of() : new TreeSet<>(Arrays.asList(row[3].split(",")));
            items.add(new Item(page, row[1], title.strip(), body.toString().strip(), themes));
        }
        return items;
    }

    private static String normalise(String s) {
        return s.replace('\u00a0', ' ').replace("\r", "").replaceAll("[ \t]+", " ");
    }

    private static Path locateDemo() {
        for (Path p : List.of(Path.of("../demo"), Path.of("demo"))) {
            if (Files.isDirectory(p)) {
                return p;
            }
        }
        throw new IllegalStateException("demo/ corpus not found next to the module");
    }

    private static List<String> readLines(Path p) {
        try {
            return Files.readAllLines(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
