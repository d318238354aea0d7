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

    /**
     * The first words of every term and ignored phrase: the only words whose positions are indexed; prefixes are
     * the first words that end in {@code *} (without it).
     */
    private record Starts(Set<String> stems, Prefixes prefixes, Set<String> exact) {
    }

    /** A text analysed and indexed once per item, shared by every theme. */
    private record AnalysedText(TokenIndex stems, TokenIndex exact) {
        static AnalysedText of(String text, Starts starts) {
            TextAnalysis.Tokens tokens = TextAnalysis.analyse(text);
            return new AnalysedText(TokenIndex.of(tokens.stems(), tokens.words(), starts.stems(), starts.prefixes()),
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
        Set<String> prefixes = new HashSet<>();
        Set<String> exact = new HashSet<>();
        for (CompiledTheme theme : themes) {
            for (CompiledTerm t : theme.terms()) {
                String first = t.tokens().get(0);
                if (t.term().caseSensitive()) {
                    exact.add(first);
                } else if (TokenIndex.isPrefix(first)) {
                    prefixes.add(first.substring(0, first.length() - TokenIndex.PREFIX_MARK.length()));
                } else {
                    stems.add(first);
                }
            }
            for (TextAnalysis.Tokens phrase : theme.ignore()) {
                addFirst(stems, phrase.stems());
                addFirst(exact, phrase.exact());
            }
        }
        this.starts = new Starts(Set.copyOf(stems), new Prefixes(prefixes), Set.copyOf(exact));
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
            List<String> tokens = term.caseSensitive() ? TextAnalysis.exact(term.match()) : stemsOrPrefixes(term.match());
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

    /**
     * The stems of a term's words, except that a word ending in {@code *} stays a prefix of folded words
     * ({@code "Drogen*"} → {@code "drogen*"}): it is not stemmed, since a stem is not a prefix of the longer words.
     */
    private static List<String> stemsOrPrefixes(String match) {
        List<String> tokens = new ArrayList<>();
        for (String word : match.trim().split("\\s+")) {
            if (TokenIndex.isPrefix(word)) {
                List<String> folded = TextAnalysis.analyse(word).words();
                if (folded.size() == 1) {
                    tokens.add(folded.get(0) + TokenIndex.PREFIX_MARK);
                    continue;
                }
            }
            tokens.addAll(TextAnalysis.stems(word));
        }
        return tokens;
    }

    /**
     * The themes of an item, highest score first, each with its reason. An item without a title of its own
     * (summary-only listings, wire datelines) is scored with the lead sentence of its body as its title: that is
     * where such an item says what it is about. A title cut from the start of the body (the reader's title for a
     * summary-only item: its first sentence, cut at ~120 characters) is not a title of its own either: the words the
     * cut dropped ("... freed by Boko", "... discovered 25 lbs. of alleged heroin") belong to the lead as much.
     */
    public List<ThemeAssignment> classify(String title, String body) {
        if (title == null || title.isBlank() || isCutFromLead(title, body)) {
            title = lead(body);
        }
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

    /**
     * Whether a title is the start of the body's lead, cut short: the body begins with it (a trailing ellipsis
     * aside) and the lead goes on past it. A title that is the whole lead, or that the body only repeats later, is
     * the item's own.
     */
    static boolean isCutFromLead(String title, String body) {
        if (body == null) {
            return false;
        }
        String start = title.strip();
        if (start.endsWith("…")) {
            start = start.substring(0, start.length() - 1).strip();
        } else if (start.endsWith("...")) {
            start = start.substring(0, start.length() - 3).strip();
        }
        String lead = lead(body);
        return !start.isEmpty() && lead.startsWith(start) && lead.length() > start.length() + 1;
    }

    /** Longest lead taken as the title of an item without one. */
    static final int LEAD_MAX_CHARS = 300;

    /** Lines of fewer words at the start of a body are a date, a place or a label, not the lead. */
    static final int LEAD_MIN_WORDS = 4;

    /**
     * The first sentence of a text, from its first line of at least {@link #LEAD_MIN_WORDS} words (a dateline such
     * as "December 7, 2003" / "Miami, Fla." is not the lead): up to the first {@code .}, {@code !}, {@code ?} or
     * {@code …} followed by white space and a capital letter or digit (or the end), but not after a one-letter word
     * ("U.S. District"), at most {@link #LEAD_MAX_CHARS} characters.
     */
    static String lead(String body) {
        if (body == null) {
            return "";
        }
        String text = body.strip();
        int start = 0;
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.strip().split("\\s+").length < LEAD_MIN_WORDS) {
                start += line.length() + 1;
            } else {
                break;
            }
        }
        text = start < text.length() ? text.substring(start).strip() : text;
        int limit = Math.min(text.length(), LEAD_MAX_CHARS);
        for (int i = 0; i < limit; i++) {
            char c = text.charAt(i);
            if ((c == '.' || c == '!' || c == '?' || c == '…') && endsSentence(text, i)) {
                return text.substring(0, i + 1);
            }
        }
        return text.substring(0, limit);
    }

    private static boolean endsSentence(String text, int i) {
        int next = i + 1;
        if (next == text.length()) {
            return true;
        }
        if (!Character.isWhitespace(text.charAt(next))) {
            return false;
        }
        while (next < text.length() && Character.isWhitespace(text.charAt(next))) {
            next++;
        }
        if (next < text.length() && !Character.isUpperCase(text.charAt(next)) && !Character.isDigit(text.charAt(next))) {
            return false;
        }
        // "U.S. District", "J. Smith": a one-letter word before the full stop is an initial
        boolean initial = i >= 1 && Character.isLetter(text.charAt(i - 1)) && (i == 1 || !Character.isLetter(text.charAt(i - 2)));
        return !initial;
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
