package org.syndication.catalog.classify;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.KeywordTokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.util.ElisionFilter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns text into tokens with Lucene, in one tokenizer pass. {@link Tokens#exact} keeps the spelling (for acronyms).
 * {@link Tokens#words} are the tokens that are not stop words, lower case, with French/Italian elisions cut
 * ("l'esclavage" → "esclavage") and accents folded ("êtres" → "etres", "Geldwäsche" → "geldwasche"), so a term
 * written with or without accents matches both; {@link Tokens#stems} are those words through the Porter stemmer, so
 * "trafficked", "trafficking" and "traffickers'" meet (and most plurals of other languages: "personas", "Schleusern").
 * Stop words are the English ones plus the articles, prepositions and conjunctions of French, Spanish, Portuguese,
 * Italian, German and Dutch, so "traite des êtres humains" and "traite d'êtres humains" are the same phrase.
 * The tokenizer is {@link StandardTokenizer} followed by filters that each look at one token only
 * ({@link #filters}), so the words and stems are the exact tokens mapped one by one; the mapping is cached per
 * distinct token. Thread-safe.
 */
final class TextAnalysis {

    /**
     * The tokens of one text: every token as written; and, for those that are not stop words, the folded word and
     * its stem (same length, same order).
     */
    record Tokens(List<String> exact, List<String> words, List<String> stems) {
    }

    /** Cache entries before the stem cache starts over (bounds its memory on an unbounded vocabulary). */
    static final int STEM_CACHE_LIMIT = 100_000;

    /** Elided articles and pronouns of French and Italian ("l'", "d'", "qu'", "dell'", "nell'"...). */
    static final CharArraySet ELISIONS = new CharArraySet(List.of(
            "l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu",
            "dell", "all", "dall", "nell", "sull", "coll", "pell", "un", "quest", "quell"), false);

    /**
     * English stop words plus short function words of the other languages (accents folded). Words that are also
     * meaningful English words ("con", "fur", "son") are left out.
     */
    static final CharArraySet STOP_WORDS;

    static {
        CharArraySet stop = new CharArraySet(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET, false);
        stop.addAll(List.of(
                // French
                "le", "la", "les", "de", "des", "du", "un", "une", "et", "au", "aux", "en", "par", "pour", "sur", "dans",
                // Spanish
                "el", "los", "las", "del", "al", "y", "una", "por", "para", "en",
                // Portuguese
                "o", "os", "do", "dos", "da", "das", "na", "nas", "nos", "e", "um", "uma", "em", "ao", "aos", "pelo",
                "pela", "com",
                // Italian
                "il", "lo", "gli", "di", "dei", "degli", "della", "delle", "dello", "ed", "dal", "dalla", "nel",
                "nella", "per", "uno",
                // German
                "der", "die", "das", "den", "dem", "ein", "eine", "einer", "eines", "einem", "einen", "und", "oder",
                "im", "vom", "zum", "zur", "zu", "von", "mit", "bei",
                // Dutch
                "het", "een", "van", "voor", "met"));
        STOP_WORDS = CharArraySet.unmodifiableSet(stop);
    }

    private static final Analyzer EXACT = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            return new TokenStreamComponents(new StandardTokenizer());
        }
    };

    /** {@link #filters} applied to one token (the whole input): the folded word, or nothing for a stop word. */
    private static final Analyzer WORD = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer token = new KeywordTokenizer();
            return new TokenStreamComponents(token, filters(token));
        }
    };

    /** The Porter stemmer applied to one folded word. */
    private static final Analyzer STEM = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer token = new KeywordTokenizer();
            return new TokenStreamComponents(token, new PorterStemFilter(token));
        }
    };

    /** A word and its stem; {@link #STOP_WORD} for stop words. */
    private record Word(String word, String stem) {
    }

    private static final Word STOP_WORD = new Word("", "");

    private static final Map<String, Word> WORDS = new ConcurrentHashMap<>();

    private TextAnalysis() {
    }

    /**
     * The per-token filters, in order: English possessive, lower case, elision, accent folding, stop words. Each
     * looks at one token only; the stems are these words through {@link PorterStemFilter}.
     */
    static TokenStream filters(TokenStream tokens) {
        TokenStream out = new EnglishPossessiveFilter(tokens);
        out = new LowerCaseFilter(out);
        out = new ElisionFilter(out, ELISIONS);
        out = new ASCIIFoldingFilter(out);
        return new StopFilter(out, STOP_WORDS);
    }

    static Tokens analyse(String text) {
        List<String> exact = tokens(EXACT, text);
        List<String> words = new ArrayList<>(exact.size());
        List<String> stems = new ArrayList<>(exact.size());
        for (String token : exact) {
            Word word = wordOf(token);
            if (word != STOP_WORD) {
                words.add(word.word());
                stems.add(word.stem());
            }
        }
        return new Tokens(exact, words, stems);
    }

    static List<String> stems(String text) {
        return analyse(text).stems();
    }

    static List<String> exact(String text) {
        return tokens(EXACT, text);
    }

    private static Word wordOf(String token) {
        Word word = WORDS.get(token);
        if (word == null) {
            List<String> out = tokens(WORD, token);
            word = out.isEmpty() ? STOP_WORD : new Word(out.get(0), tokens(STEM, out.get(0)).get(0));
            if (WORDS.size() >= STEM_CACHE_LIMIT) {
                WORDS.clear();
            }
            WORDS.put(token, word);
        }
        return word;
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
