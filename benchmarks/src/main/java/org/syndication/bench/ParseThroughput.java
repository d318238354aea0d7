package org.syndication.bench;

import org.syndication.ingest.parse.DocumentSplitter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Plain-text splitting speed over the demo pages, in MB of UTF-8 input per second after a warm-up. */
final class ParseThroughput {

    private static final long TARGET_BYTES = 200L * 1024 * 1024;

    private ParseThroughput() {
    }

    static void run(Path demoDir, Report report) throws IOException {
        List<String> pages = new ArrayList<>();
        try (Stream<Path> files = Files.list(demoDir)) {
            for (Path file : files.sorted().toList()) {
                pages.add(Files.readString(file, StandardCharsets.UTF_8));
            }
        }
        long pageBytes = pages.stream().mapToLong(p -> p.getBytes(StandardCharsets.UTF_8).length).sum();
        DocumentSplitter splitter = new DocumentSplitter();
        long items = 0;
        for (int i = 0; i < 200; i++) { // warm-up: let the JIT compile the hot paths
            for (String page : pages) {
                items += splitter.splitText(page).size();
            }
        }
        long bytes = 0;
        long start = System.nanoTime();
        while (bytes < TARGET_BYTES) {
            for (String page : pages) {
                items += splitter.splitText(page).size();
            }
            bytes += pageBytes;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        report.add("parse throughput (plain-text listing pages)",
                String.format("%.1f MB/s", bytes / seconds / (1024 * 1024)), ">= 20 MB/s");
        if (items == 0) {
            throw new IllegalStateException("the splitter found no items in the demo pages");
        }
    }
}
