package org.syndication.catalog.classify;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.List;
import java.util.Set;

/**
 * Explainable rule-based classifier. Per theme, every term found adds {@code weight × titleBoost} when it is in
 * the title (once) and {@code weight × (1 + ln hits) / lengthDamping} for the body, where long bodies are damped
 * by {@code sqrt(tokens / referenceLength)} so a passing mention in a long text does not give the theme.
 * A theme is given when the score reaches its threshold; zero themes is a valid outcome.
 * Instances are immutable and thread-safe; build one per taxonomy revision.
 */
public final class Classifier {

    /** Tuning of the scoring, from configuration. */
    public record Settings(double defaultThreshold, double titleBoost, int bodyReferenceLength) {
    }

    private record CompiledTerm(Term term, List<String> tokens) {
    }

    private record CompiledTheme(ThemeDefinition definition, double threshold, List<CompiledTerm> terms,
                                 List<TextAnalysis.Tokens> ignore) {
    }

    /** The first words of every term and ignored phrase: the only words whose positions are indexed. */
    private record Starts(Set<String> stems, Set<String> exact) {
    }

    /** A text analysed and indexed once per item, shared by every theme. */
    private record AnalysedText(TokenIndex stems, TokenIndex exact) {
        static AnalysedText of(String text, Starts starts) {
            TextAnalysis.Tokens tokens = TextAnalysis.analyse(text);
            return new AnalysedText(TokenIndex.of(tokens.stems(), starts.stems()),
                    TokenIndex.of(tokens.exact(), starts.exact()));
        }

        /** A pass over this text for one theme, with its {@code ignore} phrases already blanked out. */
        ThemeScan scan(List<TextAnalysis.Tokens> ignore) {
            TokenIndex.Scan s = stems.scan();
            TokenIndex.Scan e = exact.scan();
            for (TextAnalysis.Tokens phrase : ignore) {
                s.consume(phrase.stems());
                e.consume(phrase.exact());
            }
            return new ThemeScan(s, e);
        }
    }

    private record ThemeScan(TokenIndex.Scan stems, TokenIndex.Scan exact) {
        /** Counts the term and blanks its occurrences, so shorter terms do not count the same words again. */
        int consume(CompiledTerm t) {
            return (t.term().caseSensitive() ? exact : stems).consume(t.tokens());
        }
    }

    private final Taxonomy taxonomy;
    private final Settings settings;
    private final List<CompiledTheme> themes;
    private final Starts starts;

    public Classifier(Taxonomy taxonomy, Settings settings) {
        this.taxonomy = taxonomy;
        this.settings = settings;
        this.themes = taxonomy.themes().stream().map(this::compile).toList();
        Set<String> stems = new HashSet<>();
        Set<String> exact = new HashSet<>();
        for (CompiledTheme theme : themes) {
            theme.terms().forEach(t -> (t.term().caseSensitive() ? exact : stems).add(t.tokens().get(0)));
            for (TextAnalysis.Tokens phrase : theme.ignore()) {
                addFirst(stems, phrase.stems());
                addFirst(exact, phrase.exact());
            }
        }
        this.starts = new Starts(Set.copyOf(stems), Set.copyOf(exact));
    }

    private static void addFirst(Set<String> starts, List<String> phrase) {
        if (!phrase.isEmpty()) {
            starts.add(phrase.get(0));
        }
    }

    public Taxonomy taxonomy() {
        return taxonomy;
    }

    private CompiledTheme compile(ThemeDefinition def) {
        List<CompiledTerm> terms = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Term term : def.rules().terms()) {
            List<String> tokens = term.caseSensitive() ? TextAnalysis.exact(term.match()) : TextAnalysis.stems(term.match());
            // two spellings that analyse to the same tokens ("smuggling of migrants", "smuggled migrants") count once
            if (!tokens.isEmpty() && seen.add(term.caseSensitive() + ":" + tokens)) {
                terms.add(new CompiledTerm(term, tokens));
            }
        }
        // longest phrases first: the words of a matched phrase are not counted again by a shorter term
        terms.sort(Comparator.comparingInt((CompiledTerm t) -> t.tokens().size()).reversed());
        double threshold = def.rules().threshold() != null ? def.rules().threshold() : settings.defaultThreshold();
        List<TextAnalysis.Tokens> ignore = def.rules().ignore().stream().map(TextAnalysis::analyse).toList();
        return new CompiledTheme(def, threshold, terms, ignore);
    }

    /** The themes of an item, highest score first, each with its reason. */
    public List<ThemeAssignment> classify(String title, String body) {
        AnalysedText fullTitle = AnalysedText.of(title, starts);
        AnalysedText fullBody = AnalysedText.of(body, starts);
        double damping = Math.max(1.0, Math.sqrt((double) fullBody.stems().size() / settings.bodyReferenceLength()));

        List<ThemeAssignment> given = new ArrayList<>();
        for (CompiledTheme theme : themes) {
            List<ThemeReason.Match> matches = new ArrayList<>();
            double score = 0;
            ThemeScan titleText = fullTitle.scan(theme.ignore());
            ThemeScan bodyText = fullBody.scan(theme.ignore());
            for (CompiledTerm t : theme.terms()) {
                int inTitle = titleText.consume(t);
                int inBody = bodyText.consume(t);
                if (inTitle == 0 && inBody == 0) {
                    continue;
                }
                double w = t.term().weight();
                double points = (inTitle > 0 ? w * settings.titleBoost() : 0)
                        + (inBody > 0 ? w * (1 + Math.log(inBody)) / damping : 0);
                score += points;
                matches.add(new ThemeReason.Match(t.term().match(), w, inTitle, inBody, round(points)));
            }
            if (score >= theme.threshold()) {
                matches.sort(Comparator.comparingDouble(ThemeReason.Match::points).reversed());
                given.add(new ThemeAssignment(theme.definition().slug(), theme.definition().title(), round(score),
                        new ThemeReason(round(score), theme.threshold(), matches)));
            }
        }
        Map<String, Double> scores = new HashMap<>();
        given.forEach(a -> scores.put(a.slug(), a.score()));
        given.removeIf(a -> taxonomy.theme(a.slug()).orElseThrow().rules().yieldsTo().stream()
                .anyMatch(other -> scores.getOrDefault(other, 0.0) > a.score()));
        given.sort(Comparator.comparingDouble(ThemeAssignment::score).reversed().thenComparing(ThemeAssignment::slug));
        return List.copyOf(given);
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
