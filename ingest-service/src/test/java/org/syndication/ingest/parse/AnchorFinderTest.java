package org.syndication.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Single lines as the anchor finder reads them: times of day, update dates, weekday headers. */
class AnchorFinderTest {

    private final DateGrammar grammar = new DateGrammar();
    private final AnchorFinder finder = new AnchorFinder(grammar);

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        // a time of day in the page's language after the date
        "Publié le 3 février 2021 à 10h42                 ; 2021-02-03",
        "3 février 2021, 17h                              ; 2021-02-03",
        "Veröffentlicht am 12. März 2022 um 10:42 Uhr     ; 2022-03-12",
        "5 de mayo de 2020 a las 10:30                    ; 2020-05-05",
        "12 maggio 2022 alle 10:30                        ; 2022-05-12",
        "May 4, 2020 at 3:15 pm ET                        ; 2020-05-04",
        // a publication and an update date, in either order: the publication
        "Published: May 10, 2022 | Updated: May 12, 2022  ; 2022-05-10",
        "Updated: May 5, 2022   Published: May 4, 2022    ; 2022-05-04",
        "17. Juli 2019, 19:34 Uhr aktualisiert am 18. Juli 2019 ; 2019-07-17",
        "Publisert 10. mai 2021, kl. 01.51Oppdatert 11. mai 2021, kl. 09.20 ; 2021-05-10",
        // a character whose lower case is longer ("İ") before the label does not shift where the label is cut
        "Published: May 10, 2022 | İÇİŞLERİ Updated: May 12, 2022 ; 2022-05-10",
        // a CMS's "submitted by" line, with a weekday and a time
        "Submitted by editor on Thu, 03/14/2024 - 18:12   ; 2024-03-14",
        // a WordPress byline row with the post's categories and comments
        "by Ana Ruiz | Mar 14, 2024 | Colombia, Human Smuggling, News, Panama | 0 Comments ; 2024-03-14",
        // authors before the date, two or more joined by commas and "and"
        "Dr Sarah Okafor, James Whitlock and Marta Ruiz | 16 May 2024 ; 2024-05-16",
        "Tom Hadley and Inês Carvalho | 30 May 2024       ; 2024-05-30",
        // a labelled date alone: a metadata line, its title a neighbour
        "Published: 14 June 2022                          ; 2022-06-14",
        // a row of labelled fields, the date one of them
        "Source: Valley Courier    Date: March 13, 2003    ; 2003-03-13",
        "Source: Valley Courier Date: March 13, 2003      ; 2003-03-13",
        // a type label with its date in brackets
        "Medienmitteilungen (02.07.2014)                  ; 2014-07-02",
        // a press release's closing line
        "[ENDS 03/03/2024]                                ; 2024-03-03",
        "Ends/Tuesday, July 26, 2016                      ; 2016-07-26",
        // an ISO timestamp with its time, fraction and zone; a French hour with a colon; 'kl:' and 'as' before times
        "2020-01-06T17:47:26Z                             ; 2020-01-06",
        "2024-02-27T18:05:02.120+01:00                    ; 2024-02-27",
        "14/05/2019 17h:58 CET                            ; 2019-05-14",
        "Mandag 18. marts 2024 kl: 10:38                  ; 2024-03-18",
        "Publicado em 27/01/2021 as 10:36                 ; 2021-01-27",
        // the rest is metadata: an update after a separator, the site's address, a byline after a comma
        "14/05/2019 17h:58 CET | Actualisé 14/05/2019 17h:58 CET ; 2019-05-14",
        "10-09-2024 - 18:15 - LArdennais.fr               ; 2024-09-10",
        "09 Mar 2016, by in International                 ; 2016-03-09",
        "09 Mar 2016, by Ann Lee in International         ; 2016-03-09",
        // a time of day between the label and the date; a count of readers after it
        "Published 4:29 pm Thursday, January 24, 2019     ; 2019-01-24",
        "by  Ann Lee on  27/03/2017    549 Reads          ; 2017-03-27",
        // a label or byline before "le" is no dateline's place
        "Publié le 14/03/2024 à 18h12                     ; 2024-03-14",
        "Par Julien Marchand, le 14 juin 2022 à 18h04     ; 2022-06-14",
        // a segment of the row that holds a date of its own is metadata too
        "01/16/2026 | News release | Distributed by Public on 01/16/2026 10:16 ; 2026-01-16"})
    void aMetadataLineIsADateLineWithTheItemsDate(String line, String date) {
        ItemAnchor anchor = finder.find(0, line.strip()).orElseThrow();
        assertThat(anchor.date().start()).hasToString(date);
        assertThat(anchor.rest()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"12 March 2021 | Minister visits Lagos, Abuja and Kano",
        "12 March 2021 | Police, customs and coast guard train together"})
    void aHeadlineWithCommasAfterAHeadDateIsTheTitleNotTags(String line) {
        ItemAnchor anchor = finder.find(0, line).orElseThrow();
        assertThat(anchor.kind()).isEqualTo(ItemAnchor.Kind.HEADED);
        assertThat(anchor.rest()).isEqualTo(line.substring(line.indexOf('|') + 2));
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "Pretoria: Wednesday, 16 November 2016: The police service has noted reports of an arrest at the campus. ; 2016-11-16",
        "Wien, am 17. November 2016 – Der Verband warnt vor dem Handel mit Elfenbein in Österreich. ; 2016-11-17",
        "KISUMU, Kenya, July 23, 2024 (ENS) – Rangers seized forty kilograms of ivory on Sunday. ; 2024-07-23"})
    void aDatelineOpensTheFirstSentence(String line, String date) {
        ItemAnchor anchor = finder.find(0, line.strip()).orElseThrow();
        assertThat(anchor.kind()).isEqualTo(ItemAnchor.Kind.DATELINE);
        assertThat(anchor.date().start()).hasToString(date);
    }

    @Test
    void aLabelWithAColonBeforeADateAloneIsNoPlace() {
        assertThat(finder.find(0, "Erstellt: 22.11.2022")).map(ItemAnchor::kind)
                .isNotEqualTo(java.util.Optional.of(ItemAnchor.Kind.DATELINE));
    }

    @Test
    void aPlaceInBracketsOpensAPressReleasesDateline() {
        ItemAnchor anchor = finder.find(0, "(St. John’s, NL), December 7, 2022 – The harbour unit seized "
                + "7.5 kilograms of cocaine on Thursday.").orElseThrow();
        assertThat(anchor.kind()).isEqualTo(ItemAnchor.Kind.DATELINE);
        assertThat(anchor.date().start()).hasToString("2022-12-07");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Today: April 11, 2025", "Heute, 3. Mai 2024", "Aujourd'hui: 3 mai 2024",
        "Hoy: 3 de mayo de 2024"})
    void aSiteHeadersDateOfTodayStartsNoItem(String line) {
        assertThat(finder.find(0, line)).isEmpty();
    }

    @Test
    void aDateInsideAPhraseAfterALabelIsNoMetadataRow() {
        assertThat(finder.find(0, "Deadline Date: May 22, 2025")).isEmpty();
        assertThat(finder.find(0, "Workshop on harbour security, Date: May 22, 2025"))
                .map(ItemAnchor::kind).isNotEqualTo(java.util.Optional.of(ItemAnchor.Kind.META));
    }

    @Test
    void aBulletedTitleEndsWithItsDateWithoutASeparator() {
        ItemAnchor anchor = finder.find(0, "• Harbour patrols find a hidden cargo of ivory December 17, 2018")
                .orElseThrow();
        assertThat(anchor.kind()).isEqualTo(ItemAnchor.Kind.TRAILING);
        assertThat(anchor.date().start()).hasToString("2018-12-17");
        assertThat(anchor.rest()).isEqualTo("Harbour patrols find a hidden cargo of ivory");
        // without the bullet, a sentence's date is no title's
        assertThat(finder.find(0, "Harbour patrols found a hidden cargo of ivory on December 17, 2018")).isEmpty();
    }

    @Test
    void aLineWhoseOnlyDateIsAnUpdateIsLabelledSo() {
        assertThat(AnchorFinder.isUpdateLabelled("Updated September 5, 2019")).isTrue();
        assertThat(AnchorFinder.isUpdateLabelled("Page last reviewed/updated: 05/11/2022")).isTrue();
        assertThat(AnchorFinder.isUpdateLabelled("Aktualisiert am 3. Mai 2021")).isTrue();
        assertThat(AnchorFinder.isUpdateLabelled("Updated: May 5, 2022   Published: May 4, 2022")).isFalse();
        assertThat(AnchorFinder.isUpdateLabelled("Published: April 29, 2022")).isFalse();
        assertThat(AnchorFinder.isUpdateLabelled("The ministry updated its guidance on 3 May 2021")).isFalse();
        // an update date alone on its line stays a date: a page may show nothing else
        assertThat(finder.find(0, "Updated: May 12, 2022")).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Friday, December 8, 2023", "Mittwoch, 15. Februar 2023", "lundi 3 mai 2021",
        "Wed 15 February 2023"})
    void aDateThatNamesItsWeekdayOpensWithIt(String text) {
        assertThat(DateGrammar.opensWithWeekday(text)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Dec. 7, 2023", "15 February 2023", "Sunderland, 3 May 2021", "Wedding fair, 3 May 2021"})
    void otherDatesDoNotOpenWithAWeekday(String text) {
        assertThat(DateGrammar.opensWithWeekday(text)).isFalse();
    }
}
