package org.syndication.catalog.classify;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.core.KeywordTokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns text into tokens with Lucene, in one tokenizer pass: {@link Tokens#exact} keeps the spelling (for acronyms),
 * {@link Tokens#stems} is what {@link EnglishAnalyzer} gives (lower case, English stop words dropped, Porter stems),
 * so "trafficked", "trafficking" and "traffickers'" meet. EnglishAnalyzer is {@link StandardTokenizer} followed by
 * filters that each look at one token only, so the stems are the exact tokens mapped one by one through those
 * filters; the mapping is cached per distinct token. Thread-safe.
 */
final class TextAnalysis {

    /** The tokens of one text: every token as written, and the English stems of those that are not stop words. */
    record Tokens(List<String> exact, List<String> stems) {
    }

    /** Cache entries before the stem cache starts over (bounds its memory on an unbounded vocabulary). */
    static final int STEM_CACHE_LIMIT = 100_000;

    private static final Analyzer EXACT = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            return new TokenStreamComponents(new StandardTokenizer());
        }
    };

    /** The filters of {@link EnglishAnalyzer}, applied to one token (the whole input). */
    private static final Analyzer ENGLISH_FILTERS = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            KeywordTokenizer token = new KeywordTokenizer();
            TokenStream stems = new EnglishPossessiveFilter(token);
            stems = new LowerCaseFilter(stems);
            stems = new StopFilter(stems, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
            return new TokenStreamComponents(token, new PorterStemFilter(stems));
        }
    };

    /** Cached mapping of a stop word (compared by identity: no stem is this instance). */
    @SuppressWarnings("StringOperationCanBeSimplified")
    private static final String STOP_WORD = new String("");

    private static final Map<String, String> STEMS = new ConcurrentHashMap<>();

    private TextAnalysis() {
    }

    static Tokens analyse(String text) {
        List<String> exact = tokens(EXACT, text);
        List<String> stems = new ArrayList<>(exact.size());
        for (String token : exact) {
            String stem = stemOf(token);
            if (stem != STOP_WORD) {
                stems.add(stem);
            }
        }
        return new Tokens(exact, stems);
    }

    static List<String> stems(String text) {
        return analyse(text).stems();
    }

    static List<String> exact(String text) {
        return tokens(EXACT, text);
    }

    private static String stemOf(String token) {
        String stem = STEMS.get(token);
        if (stem == null) {
            List<String> out = tokens(ENGLISH_FILTERS, token);
            stem = out.isEmpty() ? STOP_WORD : out.get(0);
            if (STEMS.size() >= STEM_CACHE_LIMIT) {
                STEMS.clear();
            }
            STEMS.put(token, stem);
        }
        return stem;
    }

    /** The terms {@code analyzer} makes of {@code text}, in order. */
    static List<String> tokens(Analyzer analyzer, String text) {
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
