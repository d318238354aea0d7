package org.syndication.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Single lines as the layout rules judge them: titles, bylines, metadata. */
class LineKindsTest {

    @ParameterizedTest
    @ValueSource(strings = {"By Ann Lee", "Par Julien Marchand et Sofia Van den Berg", "Von Anna Roth, Redaktion",
        "Por Redacción Sucesos"})
    void aBylineIsNeverATitle(String line) {
        assertThat(LineKinds.isByline(line)).isTrue();
        assertThat(LineKinds.titleScore(Line.plain(line))).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Helena Marsh, Oliver Quayle and Ruth Adeyemi", "Dr Sarah O'Brien and Prof. Jean-Luc Moreau",
        "Ana Ruiz, Tom Hadley"})
    void aListOfAuthorsIsMetadataNotContent(String line) {
        assertThat(LineKinds.isMetaLine(line)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"erstellt am", "Published on", "Publié le", "Online Published Date:"})
    void aDatesLabelAloneOverItsValueIsMetadata(String line) {
        assertThat(LineKinds.isMetaLine(line)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Police on patrol", "Published reports", "Drug arrests on"})
    void aShortLineThatIsNoDatesLabelIsNoMetadata(String line) {
        assertThat(LineKinds.isFieldLabel(line)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Guzman Gone, Good! But…", "Police, customs and coast guard train together",
        "Lagos, Abuja and 3 other cities"})
    void aHeadlineWithCommasIsNoListOfAuthors(String line) {
        assertThat(LineKinds.isMetaLine(line)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"By night the harbour patrols double", "Par ici la sortie des urnes",
        "Von der Leyen visits the border"})
    void aTitleThatOpensWithABylineWordIsStillATitle(String line) {
        assertThat(LineKinds.titleScore(Line.plain(line))).isPositive();
    }

    @ParameterizedTest
    @ValueSource(strings = {"5 min read", "durée 09h56", "Lesezeit: 3 Min.", "Temps de lecture : 3 min", "~7 min",
        "Duration 12:40", "- 3 min de lecture"})
    void aReadingOrPlayingTimeIsMetadataNotATitle(String line) {
        assertThat(LineKinds.isMetaLine(line)).isTrue();
        assertThat(LineKinds.titleScore(Line.plain(line))).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"5 minutes to midnight for the reef", "Ten minutes that changed the inquiry"})
    void aHeadlineWithMinutesIsStillATitle(String line) {
        assertThat(LineKinds.isDuration(line)).isFalse();
    }

    @Test
    void aFieldLabelAloneOnItsLineIsMetadata() {
        assertThat(LineKinds.isMetaLine("Online Published Date:")).isTrue();
        assertThat(LineKinds.isMetaLine("Appeared in issue:")).isTrue();
        assertThat(AnchorFinder.isDecoyFieldLabel("Appeared in issue:")).isTrue();
        assertThat(AnchorFinder.isDecoyFieldLabel("Online Published Date:")).isFalse();
        assertThat(LineKinds.isFieldLabel("Police warn: scam calls rise again")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "   ", "one", "two words", " leading space", "trailing space ", "tab\tand  double",
        "line\nbreak", "\u00a0no-break space"})
    void countsWordsAsASplitOnWhiteSpaceDoes(String text) {
        assertThat(LineKinds.wordCount(text)).as("[%s]", text).isEqualTo(text.split("\\s+").length);
    }

    @Test
    void theShapeOfATextHasItsNumbersAsOneMarkEach() {
        assertThat(LineKinds.shape("Dave 12 comments, 3 likes")).isEqualTo("dave # comments, # likes");
        assertThat(LineKinds.isByline("Door Jan de Vries")).isTrue();
    }
}
