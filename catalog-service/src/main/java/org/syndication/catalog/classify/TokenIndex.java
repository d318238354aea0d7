package org.syndication.catalog.classify;

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
 */
final class TokenIndex {

    private static final int[] NONE = new int[0];

    private final String[] tokens;
    private final Map<String, int[]> positions;

    private TokenIndex(String[] tokens, Map<String, int[]> positions) {
        this.tokens = tokens;
        this.positions = positions;
    }

    /**
     * @param starts the words phrases may start with: a phrase whose first word is not among them is never found
     */
    static TokenIndex of(List<String> tokens, Set<String> starts) {
        String[] text = tokens.toArray(String[]::new);
        Map<String, int[]> counts = new HashMap<>();
        for (String token : text) {
            if (starts.contains(token)) {
                counts.computeIfAbsent(token, t -> new int[1])[0]++;
            }
        }
        Map<String, int[]> positions = new HashMap<>(counts.size() * 2);
        // filled from the end, counting down, so each array ends up ascending
        for (int i = text.length - 1; i >= 0; i--) {
            int[] left = counts.get(text[i]);
            if (left != null) {
                positions.computeIfAbsent(text[i], t -> new int[left[0]])[--left[0]] = i;
            }
        }
        return new TokenIndex(text, positions);
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
                if (blanked.get(start + j) || !tokens[start + j].equals(phrase.get(j))) {
                    return false;
                }
            }
            return true;
        }
    }
}
