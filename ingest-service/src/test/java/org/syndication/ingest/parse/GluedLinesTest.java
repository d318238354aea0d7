package org.syndication.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Lines that a text extraction glued together, taken apart; ordinary writing left whole. */
class GluedLinesTest {

    private final DateGrammar grammar = new DateGrammar();

    private List<String> split(String text) {
        return GluedLines.split(List.of(Line.plain(text)), grammar).stream().map(Line::text).toList();
    }

    @Test
    void aDateRunIntoTheTextBeforeItOpensALine() {
        assertThat(split("9/15/2020 - Felon with gun arrested9/9/2020 - Two arrested for battery"))
                .containsExactly("9/15/2020 - Felon with gun arrested", "9/9/2020 - Two arrested for battery");
        assertThat(split("Die Ermittler suchen weitere Hintermänner.14.03.2022"))
                .containsExactly("Die Ermittler suchen weitere Hintermänner.", "14.03.2022");
    }

    @Test
    void kickerHeadlineAndSummaryRunTogetherComeApart() {
        assertThat(split("Bomben in der U-BahnPolizei fahndet nach zwei VerdächtigenWer für den Anschlag "
                + "verantwortlich ist, bleibt offen. Berichten zufolge gibt es zwei Verdächtige. 03.04.2017"))
                .containsExactly("Bomben in der U-Bahn", "Polizei fahndet nach zwei Verdächtigen",
                        "Wer für den Anschlag verantwortlich ist, bleibt offen. Berichten zufolge gibt es zwei "
                                + "Verdächtige. 03.04.2017");
    }

    @Test
    void runTogetherBlocksWithoutTheirTeasersDateStayWhole() {
        String text = "Bomben in der U-BahnPolizei fahndet nach zwei VerdächtigenWer für den Anschlag "
                + "verantwortlich ist, bleibt offen. Berichten zufolge gibt es zwei Verdächtige.";
        assertThat(split(text)).containsExactly(text);
    }

    @Test
    void blocksMeetingAtANumberComeApart() {
        assertThat(split("Razzia am HafenZoll stoppt Lastwagen auf der A12In der Nacht fanden Beamte 51 Menschen "
                + "im Laderaum eines Lastwagens mit falschen Papieren.16.09.2017"))
                .containsExactly("Razzia am Hafen", "Zoll stoppt Lastwagen auf der A12",
                        "In der Nacht fanden Beamte 51 Menschen im Laderaum eines Lastwagens mit falschen Papieren.",
                        "16.09.2017");
        assertThat(split("Prozess in BremenPolizei nimmt Schlepperbande fest7000 Euro für eine Person: so viel "
                + "verlangte die Bande für die Fahrt. 11.10.2017"))
                .containsExactly("Prozess in Bremen", "Polizei nimmt Schlepperbande fest",
                        "7000 Euro für eine Person: so viel verlangte die Bande für die Fahrt. 11.10.2017");
    }

    @Test
    void aYearRunIntoTheReadingTimeGetsItsSpaceBack() {
        assertThat(split("Dec 30, 20252 min read")).containsExactly("Dec 30, 2025 2 min read");
        assertThat(split("Mar 3, 202412 min read")).containsExactly("Mar 3, 2024 12 min read");
        assertThat(split("Seized 20252 min ago")).containsExactly("Seized 2025 2 min ago");
        assertThat(split("Order 120252 min")).containsExactly("Order 120252 min");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Acting Secretary Kevin McAleenan abandoned the podium at an immigration conference after seven minutes",
        "Watch the hearing on YouTube and follow the committee on LinkedIn for the transcripts of each session",
        "Version 2.0 of the guidance was published in 2019, replacing the version of 12.03.2015 in full",
        "Police seized 3,000 pills in 2019.2 suspects were charged on Monday after a long investigation here",
        "Covid19 cases rise again in the northern districts as hospitals report more admissions than in May"})
    void ordinaryWritingStaysWhole(String text) {
        assertThat(split(text)).containsExactly(text.strip());
    }
}
