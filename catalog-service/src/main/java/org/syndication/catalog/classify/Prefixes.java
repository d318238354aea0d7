package org.syndication.catalog.classify;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * The prefixes phrases may start with ({@code "drogen"} of {@code "drogen*"}), built once per classifier and looked
 * up without allocating. Indexing a text asks, for every word, which of its first 4, 5, … 21 characters are a
 * prefix; doing that with {@code substring} and a set lookup made one string per word and prefix length, the largest
 * share of the catalog's allocation while it consumed a batch (JFR, 2026-12-06). Here the hash of each leading part
 * is extended one character at a time ({@link String#hashCode()}'s formula) and found by binary search among the
 * prefixes' (length, hash) pairs; only a match is compared character by character.
 */
final class Prefixes {

    static final Prefixes NONE = new Prefixes(Set.of());

    /** Distinct prefix lengths, ascending. */
    private final int[] lengths;
    /** (length, hash) of each prefix, sorted; {@link #keys} and {@link #prefixes} in the same order. */
    private final long[] keys;
    private final String[] prefixes;
    /** The index key of each prefix: the prefix followed by {@link TokenIndex#PREFIX_MARK}. */
    private final String[] marked;

    Prefixes(Collection<String> prefixes) {
        String[] sorted = prefixes.stream().distinct().toArray(String[]::new);
        Arrays.sort(sorted, (a, b) -> Long.compare(key(a.length(), a.hashCode()), key(b.length(), b.hashCode())));
        this.prefixes = sorted;
        this.keys = Arrays.stream(sorted).mapToLong(p -> key(p.length(), p.hashCode())).toArray();
        this.marked = Arrays.stream(sorted).map(p -> p + TokenIndex.PREFIX_MARK).toArray(String[]::new);
        this.lengths = Arrays.stream(sorted).mapToInt(String::length).filter(l -> l > 0).distinct().sorted().toArray();
    }

    boolean isEmpty() {
        return lengths.length == 0;
    }

    /**
     * Adds the index key ({@code "prefix*"}) of every prefix {@code word} starts with to {@code into}, shortest first;
     * a list is only made for the first match ({@code into} may be null).
     *
     * @return {@code into}, or the new list, or null when there was none and nothing matched
     */
    List<String> addMatches(String word, List<String> into) {
        int hash = 0;
        int done = 0;
        for (int length : lengths) {
            if (length > word.length()) {
                break;
            }
            for (; done < length; done++) {
                hash = 31 * hash + word.charAt(done);
            }
            long key = key(length, hash);
            int i = Arrays.binarySearch(keys, key);
            if (i < 0) {
                continue;
            }
            while (i > 0 && keys[i - 1] == key) {
                i--;
            }
            for (; i < keys.length && keys[i] == key; i++) {
                if (word.regionMatches(0, prefixes[i], 0, length)) {
                    into = into == null ? new ArrayList<>(1) : into;
                    into.add(marked[i]);
                }
            }
        }
        return into;
    }

    private static long key(int length, int hash) {
        return ((long) length << 32) | (hash & 0xffffffffL);
    }
}
