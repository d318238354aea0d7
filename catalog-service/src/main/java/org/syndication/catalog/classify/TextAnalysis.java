package org.syndication.catalog.classify;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns text into tokens with Lucene: {@link #stems} lower-cases, drops English stop words and stems
 * (Porter), so "trafficked", "trafficking" and "traffickers'" meet; {@link #exact} keeps the spelling, for
 * acronyms. Analyzers are thread-safe.
 */
final class TextAnalysis {

    private static final Analyzer STEMMING = new EnglishAnalyzer();
    private static final Analyzer EXACT = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            StandardTokenizer tokenizer = new StandardTokenizer();
            return new TokenStreamComponents(tokenizer);
        }
    };

    private TextAnalysis() {
    }

    static List<String> stems(String text) {
        return tokens(STEMMING, text);
    }

    static List<String> exact(String text) {
        return tokens(EXACT, text);
    }

    private static List<String> tokens(Analyzer analyzer, String text) {
        List<String> out = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return out;
        }
        try (TokenStream ts = analyzer.tokenStream("text", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term.toString());
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
