package org.syndication.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Page chrome, photo credits and derived titles: the small rules that keep titles and bodies clean. */
class PageChromeTest {

    @Test
    void aHeadingOverOtherArticlesEndsThePagesOwn() {
        assertThat(PageChrome.isRecommendationHeading("Recommandés pour vous")).isTrue();
        assertThat(PageChrome.isRecommendationHeading("Mehr aus: Ausland")).isTrue();
        assertThat(PageChrome.isRecommendationHeading("More from: Crime")).isTrue();
        assertThat(PageChrome.isRecommendationHeading("NOTICIAS RELACIONADAS")).isTrue();
        assertThat(PageChrome.isRecommendationHeading("Related articles")).isTrue();
        assertThat(PageChrome.isRecommendationHeading("Related articles show a pattern of bribery")).isFalse();
        assertThat(PageChrome.isRecommendationHeading("Plus de 100 arrestations")).isFalse();
        assertThat(PageChrome.isRecommendationHeading("More from the court on Monday")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Read more »", "Weiterlesen", "Lire la suite", "Leer más", "Leia mais", "Leggi tutto",
        "Lees meer", "Läs mer", "Czytaj więcej"})
    void aMoreLinkInEveryLanguageOfTheReaderEndsARecord(String line) {
        assertThat(PageChrome.isMoreLink(line)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"EU-UNODC brochure", "News", "Latest News", "more", "Read more »",
        "Please see below a non-exhaustive selection of news items to reflect the richness of contacts.",
        "Follow the latest news on", "Follow the Blue Heart on for more information",
        "Please follow the CCP for more information", "Read our past stories here.", "Read our 2020 stories here.",
        "Image © UNODC", "© UNODC Brussels", "Photo credit: UNODC", "***", "1   2   3   Next page",
        "« Previous 1 2 … 9 Next »", "1   2   3   4   5   …   110   Nächste Seite", "Anterior 1 2 3 Siguiente",
        "Précédent 1 2 3 … 46 Suivant", "Copyright © 2023 Regional Office for the Eastern Shore",
        "Copyright 2024 Harbour Courier Ltd. All rights reserved.", "Page 1 of 9   Next page",
        "Leggi tutto", "Lees meer", "Läs mer", "Czytaj więcej", "Read the investigation", "Back to Listing",
        "Back to overview"})
    void recognisesChromeLines(String line) {
        assertThat(PageChrome.isChromeLine(line)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Exchange on Cybercrime", "UNODC stories from the Middle East and North Africa",
        "Follow-up to the Valletta Summit on migration", "Readiness of ports to detect illicit trade",
        "12.03.2019", "2019", "Archives of the Commission open to the public",
        "Image © UNODCAs Part of the United Nations coordinated response to the COVID-19 pandemic in Tunisia, UNODC has equipped five border posts with decontamination units."})
    void keepsContent(String line) {
        assertThat(PageChrome.isChromeLine(line)).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "partners joined forces through the Blue Heart Campaignmore | true  | partners joined forces through the Blue Heart Campaign",
        "with a specific focus on sporting events. more              | true  | with a specific focus on sporting events.",
        "with a specific focus on sporting events. more              | false | with a specific focus on sporting events.",
        "food, water and more                                        | false | food, water and more",
        "the team wants to do furthermore                            | true  | the team wants to do furthermore",
        "the press conference in Baltimore                           | true  | the press conference in Baltimore",
        "a glued word like Campaignmore outside a listing            | false | a glued word like Campaignmore outside a listing"})
    void stripsTrailingMoreLinksOnly(String text, boolean listing, String expected) {
        assertThat(PageChrome.stripTrailingMore(text, listing)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "© UNODC BrusselsA delegation from the regional office came to Brussels. | A delegation from the regional office came to Brussels.",
        "Image © UNODCThe delegation met the EEAS.                                  | The delegation met the EEAS.",
        "Image © UNODCAs part of the response, UNODC equipped border posts.        | As part of the response, UNODC equipped border posts.",
        "Image © UNRICOn World day against Human Trafficking, a play was staged.   | On World day against Human Trafficking, a play was staged.",
        "Image © Belgian MoFA Originally published by UNODC Vienna.                | Originally published by UNODC Vienna.",
        "Photo credit UNODC BrusselsDeeply concerned by the sharp increase of flows. | Deeply concerned by the sharp increase of flows.",
        "Image © UNRICEvery year, thousands of migrants die on perilous journeys.    | Every year, thousands of migrants die on perilous journeys.",
        "Image © UNODCUNODC, IOM and UNICEF met in Brussels.                        | UNODC, IOM and UNICEF met in Brussels.",
        "The delegation met the EEAS.                                               | The delegation met the EEAS."})
    void stripsAPhotoCreditGluedToTheText(String line, String expected) {
        assertThat(PhotoCredits.learn(List.of(line)).strip(line)).isEqualTo(expected);
    }

    @Test
    void creditsLearnedOnAPageEndTheAmbiguousOnes() {
        List<String> page = List.of("© UNODC BrusselsA delegation came.", "Image © UNODCThe team met.",
                "Photo credit UNODC Brussels Ms Klumklomchit briefed the forum.", "Image © UNODCUNODC together with Belgium met.",
                "Image © UNODC\"We express our gratitude\", said the minister.");
        PhotoCredits credits = PhotoCredits.learn(page);

        assertThat(page).map(credits::strip).containsExactly("A delegation came.", "The team met.",
                "Ms Klumklomchit briefed the forum.", "UNODC together with Belgium met.",
                "\"We express our gratitude\", said the minister.");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "The European Union (EU) and UNODC have a long history of close cooperation. Areas of cooperation cover all regions. | The European Union (EU) and UNODC have a long history of close cooperation",
        "Mr. Fedotov and H.E. Ms. Kupchyna opened the event in Vienna. It was well attended.                             | Mr. Fedotov and H.E. Ms. Kupchyna opened the event in Vienna",
        "UNODC delivered 1.5 days of training to 40 officials from the region! The training continues.                    | UNODC delivered 1.5 days of training to 40 officials from the region",
        "A sentence without any final stop                                                                                | A sentence without any final stop",
        // a headline run straight into a teaser that repeats it ends where the teaser takes it up again
        "Order of the Ministry of Health of 12 March 2021 With the order of the Ministry of Health of 12 March 2021 the region becomes a red zone. | Order of the Ministry of Health of 12 March 2021",
        "Ordinanza regionale sulle scuole del 5 marzo Con l’Ordinanza regionale sulle scuole del 5 marzo le lezioni passano online. | Ordinanza regionale sulle scuole del 5 marzo",
        "New opening hours for the library New opening hours for the library apply from May. Loans are unchanged.                 | New opening hours for the library",
        "The new office opened today. The new office serves the whole district.                                                   | The new office opened today",
        // a day's number with its dot before the month is no full stop
        "Am Freitag, 27. November kontrollierte der Zoll einen Lastwagen. Er hatte Zigaretten geladen.                           | Am Freitag, 27. November kontrollierte der Zoll einen Lastwagen"})
    void derivesATitleFromTheFirstSentenceOrTheHeadlineATeaserRepeats(String paragraph, String title) {
        assertThat(TitleDeriver.fromParagraph(paragraph)).isEqualTo(title);
    }

    @Test
    void aCutTitleNeverEndsOnAWordThatNeedsTheNextOne() {
        String paragraph = "On his first official visit to Vienna, the Secretary-General of the United Nations today "
                + "outlined his priorities and highlighted the urgent need to tackle crime.";

        assertThat(TitleDeriver.fromParagraph(paragraph)).isEqualTo(
                "On his first official visit to Vienna, the Secretary-General of the United Nations today outlined his priorities");
    }

    @Test
    void aGluedImageCaptionIsRemovedFromTheFirstParagraph() {
        assertThat(PhotoCredits.stripGluedCaption("EU -UN Partnership ReportPartnership between the European Union "
                + "and the United Nations has benefited millions of people."))
                .startsWith("Partnership between the European Union");
        assertThat(PhotoCredits.stripGluedCaption("The YouTube channel of UNODC has published a new video series."))
                .startsWith("The YouTube channel");
    }

    @ParameterizedTest
    @ValueSource(strings = {"MEDIA ADVISORY", "Press release", "For information only - not an official document",
        "UNIS/MA/149", "Follow the latest news on Twitter", "2016 | 2017 | 2018 | 2019", "Back to news archive",
        "News archives"})
    void recognisesPressAndSocialChrome(String line) {
        assertThat(PageChrome.isChromeLine(line)).isTrue();
    }

    @Test
    void aDerivedTitleIsCutAtAWordBoundary() {
        String paragraph = "word ".repeat(100) + "end.";

        String title = TitleDeriver.fromParagraph(paragraph);

        assertThat(title).hasSizeLessThanOrEqualTo(TitleDeriver.MAX_TITLE_LENGTH).endsWith("word");
        assertThat(paragraph).startsWith(title + " ");
    }
}
