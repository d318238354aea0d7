package org.syndication.catalog.classify;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The tokens of one analysed text with the positions of the words that can start a phrase (token → ascending
 * positions), indexed once, so that finding a phrase costs a lookup of its first word instead of a scan of the whole
 * text. Immutable; {@link #scan()} starts a pass in which found phrases are blanked out, so that shorter phrases do
 * not count the same words again.
 * <p>
 * A phrase word ending in {@code *} is a prefix: it matches every word (the unstemmed folded form kept beside each
 * token) that starts with it, so "drogen*" finds the German compounds "Drogenhandel", "Drogenfund", "Drogen".
 */
final class TokenIndex {

    private static final int[] NONE = new int[0];

    /** The suffix that makes a phrase word a prefix. */
    static final String PREFIX_MARK = "*";

    private final String[] tokens;
    private final String[] words;
    private final Map<String, int[]> positions;

    private TokenIndex(String[] tokens, String[] words, Map<String, int[]> positions) {
        this.tokens = tokens;
        this.words = words;
        this.positions = positions;
    }

    /**
     * @param starts the words phrases may start with: a phrase whose first word is not among them is never found
     */
    static TokenIndex of(List<String> tokens, Set<String> starts) {
        return of(tokens, tokens, starts, Prefixes.NONE);
    }

    /**
     * @param words    the unstemmed form of each token (same length), which prefixes are compared with
     * @param prefixes the prefixes (without {@code *}) phrases may start with
     */
    static TokenIndex of(List<String> tokens, List<String> words, Set<String> starts, Set<String> prefixes) {
        return of(tokens, words, starts, new Prefixes(prefixes));
    }

    /** {@link #of(List, List, Set, Set)} with the prefixes prepared once (the classifier keeps them). */
    static TokenIndex of(List<String> tokens, List<String> words, Set<String> starts, Prefixes prefixes) {
        if (words.size() != tokens.size()) {
            throw new IllegalArgumentException("one word per token");
        }
        String[] text = tokens.toArray(String[]::new);
        String[] unstemmed = words.toArray(String[]::new);
        // the keys each position is found under: its token, and "prefix*" for every prefix of its word
        Map<String, int[]> counts = new HashMap<>();
        List<List<String>> keys = new ArrayList<>(text.length);
        for (int i = 0; i < text.length; i++) {
            List<String> at = starts.contains(text[i]) ? new ArrayList<>(1) : null;
            if (at != null) {
                at.add(text[i]);
            }
            if (!prefixes.isEmpty()) {
                at = prefixes.addMatches(unstemmed[i], at);
            }
            keys.add(at);
            if (at != null) {
                at.forEach(k -> counts.computeIfAbsent(k, t -> new int[1])[0]++);
            }
        }
        Map<String, int[]> positions = new HashMap<>(counts.size() * 2);
        // filled from the end, counting down, so each array ends up ascending
        for (int i = text.length - 1; i >= 0; i--) {
            List<String> at = keys.get(i);
            if (at != null) {
                for (String key : at) {
                    int[] left = counts.get(key);
                    positions.computeIfAbsent(key, t -> new int[left[0]])[--left[0]] = i;
                }
            }
        }
        return new TokenIndex(text, unstemmed, positions);
    }

    /** Whether a phrase word is a prefix ({@code "drogen*"}). */
    static boolean isPrefix(String phraseWord) {
        return phraseWord.length() > 1 && phraseWord.endsWith(PREFIX_MARK);
    }

    /** How many tokens the text has. */
    int size() {
        return tokens.length;
    }

    /** A pass over the text with nothing blanked yet. */
    Scan scan() {
        return new Scan();
    }

    /** One pass over the text: the positions blanked so far. Not thread-safe. */
    final class Scan {

        private final BitSet blanked = new BitSet(tokens.length);

        /**
         * Counts the occurrences of the phrase among the tokens not blanked yet, left to right and not overlapping
         * (after a match the search goes on behind it), and blanks them.
         */
        int consume(List<String> phrase) {
            int n = phrase.size();
            if (n == 0) {
                return 0;
            }
            int count = 0;
            int next = 0;
            for (int start : positions.getOrDefault(phrase.get(0), NONE)) {
                if (start + n > tokens.length) {
                    break;
                }
                if (start >= next && matchesAt(start, phrase)) {
                    blanked.set(start, start + n);
                    count++;
                    next = start + n;
                }
            }
            return count;
        }

        private boolean matchesAt(int start, List<String> phrase) {
            for (int j = 0; j < phrase.size(); j++) {
                if (blanked.get(start + j) || !matches(start + j, phrase.get(j))) {
                    return false;
                }
            }
            return true;
        }

        private boolean matches(int position, String phraseWord) {
            if (isPrefix(phraseWord)) {
                int length = phraseWord.length() - PREFIX_MARK.length();
                return words[position].length() >= length && words[position].regionMatches(0, phraseWord, 0, length);
            }
            return tokens[position].equals(phraseWord);
        }
    }
}
