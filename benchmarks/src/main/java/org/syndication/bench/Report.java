package org.syndication.bench;

import java.util.ArrayList;
import java.util.List;

/** Collects measured figures and prints them as one table, with the target next to each figure. */
final class Report {

    private record Row(String what, String value, String target) {
    }

    private final List<Row> rows = new ArrayList<>();

    void add(String what, String value, String target) {
        rows.add(new Row(what, value, target));
        System.out.printf("  %-58s %s%n", what, value);
        System.out.flush();
    }

    void print() {
        System.out.println();
        System.out.println("| figure | measured | target |");
        System.out.println("| --- | --- | --- |");
        rows.forEach(row -> System.out.printf("| %s | %s | %s |%n", row.what(), row.value(), row.target()));
    }

    static String perSecond(double value, String unit) {
        return String.format("%,.0f %s/s", value, unit);
    }
}
