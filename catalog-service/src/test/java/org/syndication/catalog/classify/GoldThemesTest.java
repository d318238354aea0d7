package org.syndication.catalog.classify;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/** Classifier quality on the hand-labelled demo corpus: prints per-theme precision/recall, asserts micro-F1 >= 0.9. */
class GoldThemesTest {

    static final Classifier.Settings SETTINGS = new Classifier.Settings(6.0, 3.0, 150);

    @Test
    void microF1OnTheGoldListIsAtLeast090() {
        List<GoldCorpus.Item> items = GoldCorpus.load();
        assertThat(items).hasSize(95);
        Taxonomy taxonomy = TaxonomyFile.readClasspathDefault();
        Classifier classifier = new Classifier(taxonomy, SETTINGS);

        Map<String, int[]> counts = new TreeMap<>();
        taxonomy.slugs().forEach(s -> counts.put(s, new int[3]));
        StringBuilder misses = new StringBuilder();
        for (GoldCorpus.Item item : items) {
            Set<String> predicted = new HashSet<>();
            Map<String, ThemeAssignment> bySlug = new TreeMap<>();
            classifier.classify(item.title(), item.body()).forEach(a -> {
                predicted.add(a.slug());
                bySlug.put(a.slug(), a);
            });
            for (String slug : taxonomy.slugs()) {
                boolean p = predicted.contains(slug);
                boolean g = item.themes().contains(slug);
                int[] c = counts.get(slug);
                if (p && g) {
                    c[0]++;
                } else if (p) {
                    c[1]++;
                    misses.append("  FP ").append(slug).append(" <- ").append(item.date()).append(' ').append(item.title())
                            .append("\n      ").append(bySlug.get(slug).reason()).append('\n');
                } else if (g) {
                    c[2]++;
                    misses.append("  FN ").append(slug).append(" <- ").append(item.date()).append(' ').append(item.title()).append('\n');
                }
            }
        }
        int tp = 0;
        int fp = 0;
        int fn = 0;
        StringBuilder report = new StringBuilder("theme                           P      R      (tp/fp/fn)\n");
        for (var e : counts.entrySet()) {
            int[] c = e.getValue();
            tp += c[0];
            fp += c[1];
            fn += c[2];
            report.append(String.format(Locale.ROOT, "%-30s %6.3f %6.3f  (%d/%d/%d)%n", e.getKey(),
                    ratio(c[0], c[0] + c[1]), ratio(c[0], c[0] + c[2]), c[0], c[1], c[2]));
        }
        double precision = ratio(tp, tp + fp);
        double recall = ratio(tp, tp + fn);
        double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        report.append(String.format(Locale.ROOT, "micro: P=%.3f R=%.3f F1=%.3f (tp=%d fp=%d fn=%d)%n", precision, recall, f1, tp, fp, fn));
        System.out.print(report);
        System.out.print(misses);
        assertThat(f1).as("micro-F1").isGreaterThanOrEqualTo(0.9);
    }

    private static double ratio(int a, int b) {
        return b == 0 ? 1.0 : (double) a / b;
    }
}
