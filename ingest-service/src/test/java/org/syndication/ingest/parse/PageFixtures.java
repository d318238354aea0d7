package org.syndication.ingest.parse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The golden pages under {@code fixtures/pages/}: each input page ({@code .txt} or {@code .html}) has an
 * {@code .expected} file listing, one line per item, {@code date | end date or - | title}, optionally followed by
 * {@code | place=...} and {@code | link=...} columns ({@code -} for none) and {@code | body=-} for an item the page
 * gives no text to (a one-line item, a bare teaser). Lines starting with # are comments.
 */
final class PageFixtures {

    /** The address HTML fixtures are read from, to resolve their relative links. */
    static final String PAGE_URL = "https://www.unodc.org/brussels/en/news.html";

    private PageFixtures() {
    }

    static Path directory() {
        try {
            return Path.of(PageFixtures.class.getResource("/fixtures/pages").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every fixture page that has an expected-items file. */
    static Stream<String> pagesWithExpectations() {
        try (Stream<Path> files = Files.list(directory())) {
            return files.map(path -> path.getFileName().toString())
                    .filter(name -> name.endsWith(".txt") || name.endsWith(".html"))
                    .filter(name -> Files.exists(directory().resolve(baseName(name) + ".expected")))
                    .sorted()
                    .toList()
                    .stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(String name) {
        try {
            return Files.readString(directory().resolve(name), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<NewsItemDraft> split(String name) {
        DocumentSplitter splitter = new DocumentSplitter();
        String page = read(name);
        return name.endsWith(".html") ? splitter.splitHtml(page, PAGE_URL) : splitter.splitText(page);
    }

    static List<Expected> expected(String page) {
        List<Expected> items = new ArrayList<>();
        for (String line : read(baseName(page) + ".expected").split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] columns = line.split(" \\| ");
            String place = null;
            String link = null;
            boolean noBody = false;
            for (int i = 3; i < columns.length; i++) {
                String value = columns[i].substring(columns[i].indexOf('=') + 1).strip();
                if (columns[i].startsWith("place=")) {
                    place = value;
                } else if (columns[i].startsWith("link=")) {
                    link = value;
                } else if (columns[i].startsWith("body=")) {
                    noBody = "-".equals(value);
                }
            }
            items.add(new Expected(LocalDate.parse(columns[0].strip()),
                    "-".equals(columns[1].strip()) ? null : LocalDate.parse(columns[1].strip()), columns[2].strip(),
                    place, link, noBody));
        }
        return items;
    }

    private static String baseName(String name) {
        return name.substring(0, name.lastIndexOf('.'));
    }

    /**
     * One expected item; {@code place} and {@code link} are null when the file does not say ("-" means none);
     * {@code noBody} when the page gives the item no text, so its body must be empty.
     */
    record Expected(LocalDate date, LocalDate endDate, String title, String place, String link, boolean noBody) {

        String dateAndTitle() {
            return date + " | " + (endDate == null ? "-" : endDate) + " | " + title;
        }
    }
}
