package org.syndication.catalog.classify;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TextAnalysisTest {

    private static final String TRICKY = "The Traffickers' networks, the traffickers’ NETWORKS and UNODC's U.N. 'TIP' report: "
            + "e-mail cyber-crime 2021-07-12 3.5% über naïve STRÄSSE café, don't won't it's THE the a An "
            + "x".repeat(300) + " ﬁnal";

    /** The whole chain run over a text in one Lucene stream: what the token-by-token mapping must equal. */
    private static Analyzer wholeChain(boolean stem) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer tokenizer = new StandardTokenizer();
                return new TokenStreamComponents(tokenizer,
                        stem ? new PorterStemFilter(TextAnalysis.filters(tokenizer)) : TextAnalysis.filters(tokenizer));
            }
        };
    }

    private static final String MULTILINGUAL = "Lutte contre la traite des êtres humains et l'esclavage; Menschenhandel "
            + "und Geldwäsche (Schleusern); trata de personas, tráfico de pessoas, dell'immigrazione clandestina; "
            + "mensenhandel en witwassen. ÉCHANGES d’informations";

    @Test
    void stemsAreWhatTheWholeLuceneChainGives() {
        try (Analyzer stems = wholeChain(true); Analyzer words = wholeChain(false)) {
            for (GoldCorpus.Item item : GoldCorpus.load()) {
                assertThat(TextAnalysis.analyse(item.body()).stems()).isEqualTo(TextAnalysis.tokens(stems, item.body()));
                assertThat(TextAnalysis.stems(item.title())).isEqualTo(TextAnalysis.tokens(stems, item.title()));
            }
            for (String text : List.of(TRICKY, MULTILINGUAL)) {
                assertThat(TextAnalysis.stems(text)).isEqualTo(TextAnalysis.tokens(stems, text));
                assertThat(TextAnalysis.analyse(text).words()).isEqualTo(TextAnalysis.tokens(words, text));
            }
            assertThat(TextAnalysis.stems(TRICKY)).contains("traffick", "network");
        }
    }

    @Test
    void accentsAreFoldedInTermsAndText() {
        assertThat(TextAnalysis.stems("traite des êtres humains")).isEqualTo(TextAnalysis.stems("Traite des etres humains"));
        assertThat(TextAnalysis.stems("Geldwäsche")).isEqualTo(TextAnalysis.stems("GELDWASCHE"));
        assertThat(TextAnalysis.stems("tráfico de pessoas")).isEqualTo(TextAnalysis.stems("trafico de pessoas"));
        assertThat(TextAnalysis.analyse("über naïve STRÄSSE").words()).containsExactly("uber", "naive", "strasse");
    }

    @Test
    void elisionsAndFunctionWordsOfOtherLanguagesAreDropped() {
        // "traite des êtres humains" and "traite d'êtres humains" are one phrase
        assertThat(TextAnalysis.stems("la traite d'êtres humains")).isEqualTo(TextAnalysis.stems("traite des êtres humains"));
        assertThat(TextAnalysis.stems("L’esclavage")).isEqualTo(TextAnalysis.stems("esclavage"));
        assertThat(TextAnalysis.stems("dell'immigrazione")).isEqualTo(TextAnalysis.stems("immigrazione"));
        assertThat(TextAnalysis.stems("der Handel mit den Drogen und die Schleuser")).containsExactly("handel", "drogen", "schleuser");
        assertThat(TextAnalysis.stems("el tráfico de las personas y los migrantes")).containsExactly("trafico", "persona", "migrant");
    }

    @Test
    void wordsAreTheUnstemmedFormsBesideTheStems() {
        TextAnalysis.Tokens tokens = TextAnalysis.analyse("The Schleuser were arrested at the Grenzkontrollen");
        assertThat(tokens.words()).containsExactly("schleuser", "were", "arrested", "grenzkontrollen");
        assertThat(tokens.stems()).containsExactly("schleuser", "were", "arrest", "grenzkontrollen");
    }

    @Test
    void exactTokensKeepTheSpellingAndTheStopWords() {
        try (Analyzer standard = new StandardAnalyzer(CharArraySet.EMPTY_SET)) {
            TextAnalysis.Tokens tokens = TextAnalysis.analyse(TRICKY);
            assertThat(tokens.exact()).isEqualTo(TextAnalysis.exact(TRICKY)).contains("UNODC's", "TIP", "THE", "the")
                    .hasSize(TextAnalysis.tokens(standard, TRICKY).size());
            assertThat(tokens.stems()).doesNotContain("the", "a", "an");
        }
    }

    @Test
    void noTextGivesNoTokens() {
        assertThat(TextAnalysis.analyse("")).isEqualTo(new TextAnalysis.Tokens(List.of(), List.of(), List.of()));
        assertThat(TextAnalysis.analyse(null).stems()).isEmpty();
        assertThat(TextAnalysis.analyse("the and of").stems()).isEmpty();
    }
}
