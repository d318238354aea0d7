package org.syndication.catalog.classify;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class TokenIndexTest {

    private static List<String> words(String text) {
        return text.isEmpty() ? List.of() : Arrays.asList(text.split(" "));
    }

    @Test
    void countsEveryOccurrenceOfAWordAndOfAPhrase() {
        TokenIndex index = TokenIndex.of(words("drug traffick drug polici drug"), Set.of("drug", "traffick"));
        assertThat(index.size()).isEqualTo(5);
        assertThat(index.scan().consume(words("drug"))).isEqualTo(3);
        assertThat(index.scan().consume(words("drug polici"))).isEqualTo(1);
        assertThat(index.scan().consume(words("drug drug"))).isZero();
    }

    @Test
    void anAbsentWordOrAPhraseRunningPastTheEndCountsNothing() {
        TokenIndex index = TokenIndex.of(words("organ crime convent"), Set.of("corrupt", "convent", "crime"));
        assertThat(index.scan().consume(words("corrupt"))).isZero();
        assertThat(index.scan().consume(words("convent against"))).isZero();
        assertThat(index.scan().consume(List.of())).isZero();
        assertThat(TokenIndex.of(List.of(), Set.of("crime")).scan().consume(words("crime"))).isZero();
    }

    @Test
    void onlyPhrasesStartingWithAnIndexedWordAreFound() {
        TokenIndex index = TokenIndex.of(words("drug polici review"), Set.of("drug"));
        assertThat(index.scan().consume(words("drug polici"))).isEqualTo(1);
        assertThat(index.scan().consume(words("polici review"))).isZero();
    }

    @Test
    void occurrencesDoNotOverlapAndAreTakenFromTheLeft() {
        TokenIndex index = TokenIndex.of(words("a a a a a"), Set.of("a"));
        assertThat(index.scan().consume(words("a a"))).isEqualTo(2);
        assertThat(index.scan().consume(words("a a a"))).isEqualTo(1);
    }

    @Test
    void aFoundPhraseIsBlankedForTheRestOfTheScanButNotForANewScan() {
        TokenIndex index = TokenIndex.of(words("human traffick and traffick victim"), Set.of("human", "traffick"));
        TokenIndex.Scan scan = index.scan();
        assertThat(scan.consume(words("human traffick"))).isEqualTo(1);
        assertThat(scan.consume(words("traffick"))).isEqualTo(1);
        assertThat(scan.consume(words("traffick victim"))).isZero();
        assertThat(index.scan().consume(words("traffick"))).isEqualTo(2);
    }

    @Test
    void aBlankedWordInsideAPhraseBreaksIt() {
        TokenIndex.Scan scan = TokenIndex.of(words("x y z"), Set.of("x", "y")).scan();
        assertThat(scan.consume(words("y"))).isEqualTo(1);
        assertThat(scan.consume(words("x y z"))).isZero();
        assertThat(scan.consume(words("x"))).isEqualTo(1);
    }

    /** The index gives what a left-to-right scan of the token list that blanks each match gives. */
    @Test
    void agreesWithALinearScanOnRandomTexts() {
        Random random = new Random(42);
        for (int round = 0; round < 500; round++) {
            List<String> text = randomWords(random, random.nextInt(40));
            TokenIndex.Scan scan = TokenIndex.of(text, Set.of("a", "b", "c")).scan();
            List<String> reference = new ArrayList<>(text);
            for (int k = 0; k < 8; k++) {
                List<String> phrase = randomWords(random, 1 + random.nextInt(3));
                assertThat(scan.consume(phrase)).as("%s in %s", phrase, text).isEqualTo(scanAndBlank(reference, phrase));
            }
        }
    }

    private static List<String> randomWords(Random random, int n) {
        List<String> words = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            words.add(String.valueOf((char) ('a' + random.nextInt(3))));
        }
        return words;
    }

    private static int scanAndBlank(List<String> text, List<String> phrase) {
        int n = phrase.size();
        int count = 0;
        for (int i = 0; i + n <= text.size(); i++) {
            if (text.subList(i, i + n).equals(phrase)) {
                for (int j = 0; j < n; j++) {
                    text.set(i + j, "");
                }
                count++;
                i += n - 1;
            }
        }
        return count;
    }

    @Test
    void aPrefixFindsEveryWordThatStartsWithIt() {
        List<String> stems = words("drogenhandel drogen hydrogen drogenfund schleus");
        List<String> unstemmed = words("drogenhandel drogen hydrogen drogenfunde schleuser");
        TokenIndex index = TokenIndex.of(stems, unstemmed, Set.of(), Set.of("drogen", "schleuser"));
        TokenIndex.Scan scan = index.scan();
        assertThat(scan.consume(List.of("drogen*"))).isEqualTo(3);
        assertThat(scan.consume(List.of("drogen*"))).isZero();
        // the prefix is compared with the unstemmed word, not the stem
        assertThat(scan.consume(List.of("schleuser*"))).isEqualTo(1);
        assertThat(TokenIndex.isPrefix("drogen*")).isTrue();
        assertThat(TokenIndex.isPrefix("*")).isFalse();
    }
}
