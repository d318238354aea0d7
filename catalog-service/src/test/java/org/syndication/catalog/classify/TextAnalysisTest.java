package org.syndication.catalog.classify;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TextAnalysisTest {

    private static final String TRICKY = "The Traffickers' networks, the traffickers’ NETWORKS and UNODC's U.N. 'TIP' report: "
            + "e-mail cyber-crime 2021-07-12 3.5% über naïve STRÄSSE café, don't won't it's THE the a An "
            + "x".repeat(300) + " ﬁnal";

    @Test
    void stemsAreWhatTheEnglishAnalyzerGives() {
        try (Analyzer english = new EnglishAnalyzer()) {
            for (GoldCorpus.Item item : GoldCorpus.load()) {
                assertThat(TextAnalysis.analyse(item.body()).stems()).isEqualTo(TextAnalysis.tokens(english, item.body()));
                assertThat(TextAnalysis.stems(item.title())).isEqualTo(TextAnalysis.tokens(english, item.title()));
            }
            assertThat(TextAnalysis.stems(TRICKY)).isEqualTo(TextAnalysis.tokens(english, TRICKY)).contains("traffick", "network");
        }
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
        assertThat(TextAnalysis.analyse("")).isEqualTo(new TextAnalysis.Tokens(List.of(), List.of()));
        assertThat(TextAnalysis.analyse(null).stems()).isEmpty();
        assertThat(TextAnalysis.analyse("the and of").stems()).isEmpty();
    }
}
