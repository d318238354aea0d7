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
                                 List<AnalysedText> ignore) {
    }

    /** {@code present}: every token of the original text, so a term whose first word is absent costs no scan. */
    private record AnalysedText(List<String> stems, List<String> exact, Set<String> present) {
        static AnalysedText of(String text) {
            List<String> stems = TextAnalysis.stems(text);
            List<String> exact = TextAnalysis.exact(text);
            Set<String> present = new HashSet<>(stems);
            present.addAll(exact);
            return new AnalysedText(stems, exact, present);
        }

        /** Counts the term and blanks its occurrences, so shorter terms do not count the same words again. */
        int consume(CompiledTerm t) {
            if (!t.tokens().isEmpty() && !present.contains(t.tokens().get(0))) {
                return 0;
            }
            List<String> tokens = t.term().caseSensitive() ? exact : stems;
            int n = occurrences(tokens, t.tokens());
            if (n > 0) {
                blank(tokens, t.tokens());
            }
            return n;
        }

        /** This text with every occurrence of the given phrases blanked out. */
        AnalysedText without(List<AnalysedText> phrases) {
            List<String> s = new ArrayList<>(stems);
            List<String> e = new ArrayList<>(exact);
            for (AnalysedText p : phrases) {
                blank(s, p.stems());
                blank(e, p.exact());
            }
            return new AnalysedText(s, e, present);
        }
    }

    private final Taxonomy taxonomy;
    private final Settings settings;
    private final List<CompiledTheme> themes;

    public Classifier(Taxonomy taxonomy, Settings settings) {
        this.taxonomy = taxonomy;
        this.settings = settings;
        this.themes = taxonomy.themes().stream().map(this::compile).toList();
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
        List<AnalysedText> ignore = def.rules().ignore().stream().map(AnalysedText::of).toList();
        return new CompiledTheme(def, threshold, terms, ignore);
    }

    /** The themes of an item, highest score first, each with its reason. */
    public List<ThemeAssignment> classify(String title, String body) {
        AnalysedText fullTitle = AnalysedText.of(title);
        AnalysedText fullBody = AnalysedText.of(body);
        double damping = Math.max(1.0, Math.sqrt((double) fullBody.stems().size() / settings.bodyReferenceLength()));

        List<ThemeAssignment> given = new ArrayList<>();
        for (CompiledTheme theme : themes) {
            List<ThemeReason.Match> matches = new ArrayList<>();
            double score = 0;
            AnalysedText titleText = fullTitle.without(theme.ignore());
            AnalysedText bodyText = fullBody.without(theme.ignore());
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

    static int occurrences(List<String> text, List<String> phrase) {
        int n = phrase.size();
        int count = 0;
        outer:
        for (int i = 0; i + n <= text.size(); i++) {
            for (int j = 0; j < n; j++) {
                if (!text.get(i + j).equals(phrase.get(j))) {
                    continue outer;
                }
            }
            count++;
            i += n - 1;
        }
        return count;
    }

    private static void blank(List<String> text, List<String> phrase) {
        int n = phrase.size();
        if (n == 0) {
            return;
        }
        for (int i = 0; i + n <= text.size(); i++) {
            if (text.subList(i, i + n).equals(phrase)) {
                for (int j = 0; j < n; j++) {
                    text.set(i + j, "");
                }
            }
        }
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
