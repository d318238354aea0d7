package org.syndication.catalog.classify;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ClassifierTest {

    static final Classifier.Settings SETTINGS = new Classifier.Settings(6.0, 3.0, 150);

    static ThemeDefinition theme(String slug, Term... terms) {
        return new ThemeDefinition(slug, slug.toUpperCase(), "", new ThemeRules(null, List.of(terms), null, null));
    }

    static Classifier classifier(ThemeDefinition... themes) {
        return new Classifier(new Taxonomy(1, List.of(themes)), SETTINGS);
    }

    @Test
    void aTitleMatchCountsMoreThanTheSameWordInTheBody() {
        Classifier c = classifier(theme("cyber", new Term("cybercrime", 2, false)));
        assertThat(c.classify("Exchange on cybercrime", "Officials met.")).extracting(ThemeAssignment::slug)
                .containsExactly("cyber");
        assertThat(c.classify("Officials met", "They spoke about cybercrime.")).isEmpty();
    }

    @Test
    void aPassingMentionInALongBodyDoesNotGiveTheTheme() {
        Classifier c = classifier(theme("terror", new Term("terrorism", 3, false)));
        String filler = "The partners discussed budgets, staffing and the calendar of meetings for next year. ".repeat(40);
        assertThat(c.classify("Annual partnership meeting", filler + "Terrorism was mentioned once.")).isEmpty();
        assertThat(c.classify("Annual partnership meeting",
                "Terrorism prevention was the topic. Terrorism laws and terrorism trials were discussed.")).hasSize(1);
    }

    @Test
    void zeroThemesIsAValidOutcome() {
        Classifier c = classifier(theme("drugs", new Term("drug policy", 3, false)));
        assertThat(c.classify("Youth event in Strasbourg", "Young people met the parliament.")).isEmpty();
    }

    @Test
    void stemmingMatchesOtherFormsOfTheWordsAndStopWordsAreIgnored() {
        Classifier c = classifier(theme("tip", new Term("trafficking in persons", 3, false)));
        List<ThemeAssignment> result = c.classify("Trafficked persons get support", "Trafficking of persons and trafficked persons.");
        assertThat(result).hasSize(1);
        ThemeReason.Match match = result.get(0).reason().matches().get(0);
        assertThat(match.term()).isEqualTo("trafficking in persons");
        assertThat(match.titleHits()).isEqualTo(1);
        assertThat(match.bodyHits()).isEqualTo(2);
    }

    @Test
    void caseSensitiveAcronymsDoNotMatchOrdinaryWords() {
        Classifier c = classifier(theme("tip", new Term("TIP", 3, true)));
        assertThat(c.classify("A useful tip", "One more tip.")).isEmpty();
        assertThat(c.classify("Exchange on TIP", "")).hasSize(1);
    }

    @Test
    void explainsEachThemeWithItsTermsWeightsAndPoints() {
        Classifier c = classifier(theme("env", new Term("wildlife", 3, false), new Term("timber", 2, false)));
        ThemeAssignment a = c.classify("Wildlife crime briefing", "Illegal timber and wildlife trade.").get(0);
        assertThat(a.reason().threshold()).isEqualTo(6.0);
        assertThat(a.reason().matches()).extracting(ThemeReason.Match::term).containsExactly("wildlife", "timber");
        ThemeReason.Match wildlife = a.reason().matches().get(0);
        assertThat(wildlife.weight()).isEqualTo(3.0);
        assertThat(wildlife.titleHits()).isEqualTo(1);
        assertThat(wildlife.bodyHits()).isEqualTo(1);
        assertThat(wildlife.points()).isEqualTo(12.0);
        assertThat(a.score()).isEqualTo(14.0);
    }

    @Test
    void aLongerPhraseTakesItsWordsAwayFromShorterTerms() {
        Classifier c = classifier(theme("som", new Term("smuggling of migrants", 3, false), new Term("migrants", 1, false)));
        ThemeReason reason = c.classify("Smuggling of migrants", "").get(0).reason();
        assertThat(reason.matches()).extracting(ThemeReason.Match::term).containsExactly("smuggling of migrants");
    }

    @Test
    void ignoredPhrasesNeverCount() {
        ThemeDefinition drugs = new ThemeDefinition("drugs", "Drugs", "",
                new ThemeRules(null, List.of(new Term("drugs", 3, false)), null, List.of("Office on Drugs and Crime")));
        Classifier c = classifier(drugs);
        assertThat(c.classify("United Nations Office on Drugs and Crime meets partners", "")).isEmpty();
        assertThat(c.classify("Drugs report launched", "")).hasSize(1);
    }

    @Test
    void aGeneralThemeYieldsToAStrongerSpecificOne() {
        ThemeDefinition general = new ThemeDefinition("general", "General", "",
                new ThemeRules(null, List.of(new Term("criminal networks", 2, false)), List.of("specific"), null));
        ThemeDefinition specific = theme("specific", new Term("human trafficking", 3, false));
        Classifier c = classifier(general, specific);
        assertThat(c.classify("Dismantling human trafficking criminal networks", "")).extracting(ThemeAssignment::slug)
                .containsExactly("specific");
        assertThat(c.classify("Dismantling criminal networks", "")).extracting(ThemeAssignment::slug)
                .containsExactly("general");
    }

    @Test
    void negativeWeightsCountAgainstATheme() {
        Classifier c = classifier(theme("ports", new Term("port", 3, false), new Term("port wine", -3, false)));
        assertThat(c.classify("Port wine festival", "")).isEmpty();
        assertThat(c.classify("Port security training", "")).hasSize(1);
    }

    @Test
    void theDefaultTaxonomyGivesTypicalHeadlinesOfOtherSourcesTheirTheme() {
        Classifier c = new Classifier(TaxonomyFile.readClasspathDefault(), SETTINGS);
        assertThat(slugs(c, "Police dismantle mafia-style extortion ring")).containsExactly("organized-crime");
        assertThat(slugs(c, "World Drug Day: treatment, not punishment")).containsExactly("drugs-and-health");
        assertThat(slugs(c, "Coastguard officers trained to counter piracy")).containsExactly("border-and-maritime-security");
        assertThat(slugs(c, "Ransomware gang disrupted by international operation")).containsExactly("cybercrime");
        assertThat(slugs(c, "Pangolin scales seized at the airport")).contains("environmental-crime");
        assertThat(slugs(c, "Court reform brings legal aid to rural districts")).containsExactly("criminal-justice");
        assertThat(slugs(c, "Forced labour on fishing vessels exposed")).containsExactly("trafficking-in-persons");
        assertThat(slugs(c, "Ministers sign anti-bribery pledge")).containsExactly("corruption");
        assertThat(slugs(c, "Youth orchestra performs at the city hall")).isEmpty();
    }

    private static List<String> slugs(Classifier c, String title) {
        return c.classify(title, "").stream().map(ThemeAssignment::slug).toList();
    }

    @Test
    void theDefaultTaxonomyHasTheTenThemesOfTheBriefWithStableSlugs() {
        assertThat(TaxonomyFile.readClasspathDefault().slugs()).containsExactlyInAnyOrder(
                "trafficking-in-persons", "migrant-smuggling", "corruption", "terrorism-prevention", "drugs-and-health",
                "organized-crime", "cybercrime", "border-and-maritime-security", "environmental-crime", "criminal-justice");
    }

    @Test
    void aWordEndingInAStarIsAPrefixOfCompoundWords() {
        Classifier c = classifier(theme("drugs", new Term("Drogen*", 2, false), new Term("trafic de stupéfiants", 3, false)));
        List<ThemeAssignment> result = c.classify("Drogenhandel: zwei Festnahmen", "Die Drogen und der Drogenfund.");
        assertThat(result).hasSize(1);
        ThemeReason.Match match = result.get(0).reason().matches().get(0);
        assertThat(match.term()).isEqualTo("Drogen*");
        assertThat(match.titleHits()).isEqualTo(1);
        assertThat(match.bodyHits()).isEqualTo(2);
        // a prefix matches the start of a word only, and accents are folded on both sides
        assertThat(c.classify("Hydrogen cars", "Hydrogenated oils.")).isEmpty();
        assertThat(c.classify("Lutte contre le TRAFIC DE STUPEFIANTS", "")).hasSize(1);
    }

    @Test
    void anItemWithoutATitleIsScoredWithItsLeadSentenceAsTheTitle() {
        Classifier c = classifier(theme("terror", new Term("terrorism", 2, false)));
        String body = "14 March 2024\nMiami, Fla.\nA man was charged with terrorism offences today. He appears in court tomorrow.";
        List<ThemeAssignment> result = c.classify("", body);
        assertThat(result).hasSize(1);
        assertThat(result.get(0).reason().matches().get(0).titleHits()).isEqualTo(1);
        assertThat(Classifier.lead(body)).isEqualTo("A man was charged with terrorism offences today.");
        assertThat(Classifier.lead("The U.S. Coast Guard rescued two sailors. Nobody was hurt."))
                .isEqualTo("The U.S. Coast Guard rescued two sailors.");
        // a titled item is scored on its title: the same sentence in the body alone is a passing mention
        assertThat(c.classify("Court news", body)).isEmpty();
    }

    @Test
    void aTitleCutFromTheStartOfTheBodyIsScoredAsTheWholeLeadSentence() {
        Classifier c = classifier(theme("terror", new Term("Boko Haram", 2, false)));
        String body = "Three years after they were snatched from their school in Chibok, northern Nigeria, 82 girls have "
                + "been freed by Boko Haram militants. Over 100 girls remain missing.";
        // the reader's title for a summary-only item: the first sentence cut at a word boundary
        String cut = "Three years after they were snatched from their school in Chibok, northern Nigeria, 82 girls have been freed by";
        List<ThemeAssignment> result = c.classify(cut, body);
        assertThat(result).extracting(ThemeAssignment::slug).containsExactly("terror");
        assertThat(result.get(0).reason().matches().get(0).titleHits()).isEqualTo(1);
        assertThat(c.classify(cut + "…", body)).hasSize(1);
        assertThat(Classifier.isCutFromLead(cut, body)).isTrue();
        // the whole first sentence as the title, or a title the body does not start with, is the item's own
        assertThat(Classifier.isCutFromLead(Classifier.lead(body), body)).isFalse();
        assertThat(Classifier.isCutFromLead("Girls freed in Nigeria", body)).isFalse();
        assertThat(c.classify("Girls freed in Nigeria", body)).isEmpty();
    }
}
