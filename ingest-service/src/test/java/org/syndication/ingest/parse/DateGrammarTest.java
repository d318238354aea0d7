package org.syndication.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Property-style tests of the date grammar: thousands of random dates and ranges (fixed seed, so a failure is
 * reproducible) written in every supported shape read back as the same dates; invalid or incomplete dates never read.
 */
class DateGrammarTest {

    private static final int SAMPLES = 3_000;

    private final DateGrammar grammar = new DateGrammar();
    private final Random random = new Random(20261123L);

    private static final List<Function<LocalDate, String>> SINGLE_DAY_SHAPES = List.of(
            pattern("d MMMM yyyy"), pattern("dd MMMM yyyy"), pattern("d MMM yyyy"), pattern("MMMM d, yyyy"),
            pattern("MMMM d yyyy"), pattern("MMM. d, yyyy"), pattern("dd.MM.yyyy"), pattern("d.M.yyyy"),
            pattern("dd/MM/yyyy"), pattern("dd-MM-yyyy"), pattern("yyyy-MM-dd"), pattern("EEEE, d MMMM yyyy"),
            pattern("EEE d MMMM yyyy"), date -> date.getDayOfMonth() + ordinal(date.getDayOfMonth())
                    + pattern(" MMMM yyyy").apply(date),
            date -> date.getDayOfMonth() + ordinal(date.getDayOfMonth()) + " of " + pattern("MMMM yyyy").apply(date),
            date -> pattern("d MMMM yyyy").apply(date).toUpperCase(Locale.ROOT),
            date -> pattern("d MMMM yyyy").apply(date).toLowerCase(Locale.ROOT));

    @Test
    void everySingleDayShapeReadsBackAsTheSameDay() {
        for (int i = 0; i < SAMPLES; i++) {
            LocalDate date = randomDate();
            for (Function<LocalDate, String> shape : SINGLE_DAY_SHAPES) {
                String text = shape.apply(date);
                assertThat(grammar.parse(text)).as(text).contains(new ItemDate(date, null));
            }
        }
    }

    @Test
    void everyRangeShapeReadsBackAsTheSameRange() {
        for (int i = 0; i < SAMPLES; i++) {
            LocalDate start = randomDate();
            LocalDate end = start.plusDays(1 + random.nextInt(45));
            ItemDate range = new ItemDate(start, end);
            for (String text : rangeShapes(start, end)) {
                assertThat(grammar.parse(text)).as(text).contains(range);
            }
        }
    }

    @Test
    void aSpaceTypedInsideTheDayIsRepaired() {
        for (int i = 0; i < SAMPLES; i++) {
            LocalDate date = randomDate();
            String day = String.format("%02d", date.getDayOfMonth());
            String split = day.charAt(0) + " " + day.charAt(1);
            for (String text : List.of(split + pattern(".MM.yyyy").apply(date), split + pattern(" MMMM yyyy").apply(date))) {
                assertThat(grammar.parse(text)).as(text).contains(new ItemDate(date, null));
            }
        }
    }

    @Test
    void aSpaceTypedInsideTheYearOrMonthIsRepaired() {
        for (int i = 0; i < SAMPLES; i++) {
            LocalDate date = randomDate();
            String year = String.valueOf(date.getYear());
            int cut = 1 + random.nextInt(3);
            String spacedYear = year.substring(0, cut) + " " + year.substring(cut);
            String month = String.format("%02d", date.getMonthValue());
            for (String text : List.of(pattern("d MMMM ").apply(date) + spacedYear,
                    pattern("dd.MM.").apply(date) + spacedYear,
                    pattern("dd.").apply(date) + month.charAt(0) + " " + month.charAt(1) + "." + year)) {
                assertThat(grammar.parse(text)).as(text).contains(new ItemDate(date, null));
            }
        }
    }

    @Test
    void aMonthNameWithOneTypoIsStillThatMonth() {
        String[] months = {"january", "february", "march", "april", "august", "september", "october", "november",
            "december"};
        for (int i = 0; i < SAMPLES; i++) {
            int month = random.nextInt(months.length);
            String typo = withOneTypo(months[month]);
            if (typo.length() < 5) {
                continue;
            }
            LocalDate date = LocalDate.of(2019, monthNumber(months[month]), 1 + random.nextInt(28));
            String text = date.getDayOfMonth() + " " + typo + " 2019";
            assertThat(grammar.parse(text)).as(text).contains(new ItemDate(date, null));
        }
    }

    @Test
    void theDateEndsWhereItsTextEnds() {
        for (int i = 0; i < SAMPLES; i++) {
            LocalDate date = randomDate();
            String written = SINGLE_DAY_SHAPES.get(random.nextInt(SINGLE_DAY_SHAPES.size())).apply(date);
            String line = written + (random.nextBoolean() ? ": " : " - ") + "Title of the item 2019";
            assertThat(grammar.parseAt(line, 0)).as(line).map(DateMatch::endIndex).contains(written.length());
        }
    }

    @Test
    void randomDateLikeTextNeverBreaksTheScanner() {
        String[] pieces = {"1", "2", "3", "0", "9", "12", "31", "2019", "1066", " ", " ", "-", "–", ".", "/", ",",
            "March", "Sept.", "jun", "to", "and", "th", "Monday", "of", "x", "\t", "  "};
        for (int i = 0; i < 50_000; i++) {
            StringBuilder text = new StringBuilder();
            int parts = 1 + random.nextInt(12);
            for (int p = 0; p < parts; p++) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            Optional<DateMatch> match = grammar.parseAt(text, 0);
            match.ifPresent(found -> {
                assertThat(found.endIndex()).isBetween(1, text.length());
                assertThat(found.date().end() == null || found.date().end().isAfter(found.date().start())).isTrue();
                assertThat(found.date().start().getYear()).isBetween(DateGrammar.MIN_YEAR, DateGrammar.MAX_YEAR);
            });
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"31 February 2019", "29.02.2019", "32.01.2020", "00.01.2020", "15.13.2020", "0 0 May 2020",
        "31/04/2020", "9-10 June", "On 9 June 2019", "June 2019", "2019", "3 March 1066", "3 March 20199",
        "21 - 20 April 2017", "1 January 2020 - 1 January 2022", "12.2019", "24-06", "24/06", "1.5 days",
        "Mayday 2019", "March 3rd", "10 Marchingly 2019", "10 Mrch 2019", "3 Jnue 2019", "", " - ", "Title 3 March 2017",
        "Mar 322017", "Mar 212017 was the case number", "Mar 2120170", "May 1200"})
    void notADate(String text) {
        assertThat(grammar.parse(text)).as(text).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "20 - 21 April 2017          | 2017-04-20 | 2017-04-21",
        "24-25.06.2019               | 2019-06-24 | 2019-06-25",
        "30 June - 2 July 2019       | 2019-06-30 | 2019-07-02",
        "30 December - 2 January 2020 | 2019-12-30 | 2020-01-02",
        "July 30, 2014               | 2014-07-30 |",
        "June 30 - July 2, 2014      | 2014-06-30 | 2014-07-02",
        "24/01/2005                  | 2005-01-24 |",
        "01/30/2005                  | 2005-01-30 |",
        "1 8.03.2019                 | 2019-03-18 |",
        "0 7 February 2019           | 2019-02-07 |",
        "18 th March 2019            | 2019-03-18 |",
        "9 and 10 March 2019         | 2019-03-09 | 2019-03-10",
        "7 to 9 June 2021            | 2021-06-07 | 2021-06-09",
        "30.06. - 02.07.2019         | 2019-06-30 | 2019-07-02",
        "Sunday, 3 March 2019        | 2019-03-03 |",
        "12 Febuary 2019             | 2019-02-12 |",
        "Agust 3, 2018               | 2018-08-03 |",
        "18. 03. 2019                | 2019-03-18 |",
        "2024-03-19 – 2024-03-21     | 2024-03-19 | 2024-03-21",
        "De 23 a 25 de abril de 2024 | 2024-04-23 | 2024-04-25",
        "Del 23 al 25 de abril de 2024 | 2024-04-23 | 2024-04-25",
        "Du 23 au 25 avril 2024      | 2024-04-23 | 2024-04-25",
        "Dal 23 al 25 aprile 2024    | 2024-04-23 | 2024-04-25",
        "Vom 23. bis 25. April 2024  | 2024-04-23 | 2024-04-25",
        "From 3 to 5 May 2024        | 2024-05-03 | 2024-05-05",
        "vr 12 apr 2024              | 2024-04-12 |",
        "Fr., 12.04.2024             | 2024-04-12 |",
        "torsdag 28 mars 2024        | 2024-03-28 |",
        "lørdag 6. april 2024        | 2024-04-06 |",
        "piątek, 12 kwietnia 2024    | 2024-04-12 |",
        "čtvrtek 11. dubna 2024      | 2024-04-11 |",
        "vineri, 12 aprilie 2024     | 2024-04-12 |",
        "Mar 212017                  | 2017-03-21 |",
        "Nov 042016                  | 2016-11-04 |",
        "Oct 52019                   | 2019-10-05 |",
        "09 Jun '25                  | 2025-06-09 |",
        "Sept. 3 ’19                 | 2019-09-03 |",
        "20.Jul.2017                 | 2017-07-20 |",
        "12 - Septembre - 2019       | 2019-09-12 |"})
    void readsTheFormatsOfTheIssue(String text, LocalDate start, LocalDate end) {
        assertThat(grammar.parse(text)).contains(new ItemDate(start, end));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // French
        "27 juillet 2014                     | 2014-07-27 |",
        "27 JUILLET 2014                     | 2014-07-27 |",
        "1er mars 2024                       | 2024-03-01 |",
        "1ER MARS 2024                       | 2024-03-01 |",
        "3-7 AVRIL 2024                      | 2024-04-03 | 2024-04-07",
        "12 févr. 2024                       | 2024-02-12 |",
        "lundi 12 février 2024               | 2024-02-12 |",
        "Lundi 12 fevrier 2024               | 2024-02-12 |",
        "mercredi 25 décembre 2019           | 2019-12-25 |",
        "15 août 2018                        | 2018-08-15 |",
        "1er au 3 juin 2022                  | 2022-06-01 | 2022-06-03",
        // German
        "17. Juli 2019                       | 2019-07-17 |",
        "Mittwoch, 3. März 2021              | 2021-03-03 |",
        "3. Maerz 2021                       | 2021-03-03 |",
        "24. Dez. 2020                       | 2020-12-24 |",
        "1. JANUAR 2020                      | 2020-01-01 |",
        "Donnerstag, 5. Dezember 2019        | 2019-12-05 |",
        "11.11.15                            | 2015-11-11 |",
        "22.11.2022                          | 2022-11-22 |",
        // Spanish
        "16 de enero de 2025                 | 2025-01-16 |",
        "jueves 16 de enero, 2025            | 2025-01-16 |",
        "Martes, 7 de enero de 2025          | 2025-01-07 |",
        "1º de diciembre de 2024             | 2024-12-01 |",
        "5 de setiembre de 2020              | 2020-09-05 |",
        "sábado 5 de septiembre de 2020      | 2020-09-05 |",
        "3 ENE 2025                          | 2025-01-03 |",
        // Italian
        "14 giugno 2022                      | 2022-06-14 |",
        "1º marzo 2022                       | 2022-03-01 |",
        "lunedì 10 gennaio 2022              | 2022-01-10 |",
        "10 gen 2022                         | 2022-01-10 |",
        "3 ott. 2021                         | 2021-10-03 |",
        "2021 16 Mar                         | 2021-03-16 |",
        "2021 Mar 16                         | 2021-03-16 |",
        // Portuguese
        "30 de julho de 2021                 | 2021-07-30 |",
        "1º de maio de 2021                  | 2021-05-01 |",
        "sexta-feira, 30 de julho de 2021    | 2021-07-30 |",
        "30/07/2021                          | 2021-07-30 |",
        "15 out 2020                         | 2020-10-15 |",
        // Dutch
        "12 maart 2021                       | 2021-03-12 |",
        "maandag 1 februari 2021             | 2021-02-01 |",
        "6 JAN. 2021                         | 2021-01-06 |",
        "3 mrt 2021                          | 2021-03-03 |",
        "15 okt 2020                         | 2020-10-15 |",
        "1 mei 2020                          | 2020-05-01 |",
        // English shapes of the development layouts
        "March 3rd, 2011                     | 2011-03-03 |",
        "Dec 15th, 2015                      | 2015-12-15 |",
        "04 FEB 2020                         | 2020-02-04 |",
        "Sept. 3, 2020                       | 2020-09-03 |",
        "Feb. 14, 2022                       | 2022-02-14 |",
        "Dec 07, 2023                        | 2023-12-07 |",
        "Monday 23 November 2009             | 2009-11-23 |",
        "Tuesday 21 March, 2023              | 2023-03-21 |",
        "8 July, 2016                        | 2016-07-08 |",
        "Friday, January 17th, 2020          | 2020-01-17 |",
        "2025-05-06                          | 2025-05-06 |",
        "SATURDAY 3RD – FRIDAY 9TH DECEMBER 2016 | 2016-12-03 | 2016-12-09"})
    void readsMonthNamesOrdinalsAndWeekdaysInEveryLanguage(String text, LocalDate start, LocalDate end) {
        assertThat(grammar.parse(text)).as(text).contains(new ItemDate(start, end));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "October 12, 2017 1:36 pm CET                                   | 2017-10-12 | October 12, 2017",
        "17. Juli 2019, 19:34 Uhr aktualisiert am 18. Juli 2019, 9:06 Uhr | 2019-07-17 | 17. Juli 2019",
        "03/27/2019 - 11:05                                             | 2019-03-27 | 03/27/2019",
        "30/07/2021 - 15:15 Por Carla Menezes                           | 2021-07-30 | 30/07/2021",
        "4 September, 2017, 18:28                                       | 2017-09-04 | 4 September, 2017",
        "2025-05-06 00:11:47                                            | 2025-05-06 | 2025-05-06",
        "2021 16 Mar Uscita anticipata per la giornata dello sport      | 2021-03-16 | 2021 16 Mar",
        "September 10, 2017 Ruth 0                                      | 2017-09-10 | September 10, 2017"})
    void readsTheDateAtTheStartOfALineAndEndsWhereItEnds(String line, LocalDate start, String written) {
        Optional<DateMatch> match = grammar.parseAt(line, 0);
        assertThat(match).as(line).map(found -> found.date().start()).contains(start);
        assertThat(match).as(line).map(DateMatch::endIndex).contains(written.length());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "05/14/2024 - 09:00 to 05/16/2024 - 17:00 | 2024-05-14 | 2024-05-16 | 05/14/2024 - 09:00 to 05/16/2024",
        "14.05.2024, 9:00 – 16.05.2024, 17:00     | 2024-05-14 | 2024-05-16 | 14.05.2024, 9:00 – 16.05.2024",
        "03/21/2024 - 14:00 to 15:30              | 2024-03-21 |            | 03/21/2024",
        "21.03.2024 18h30 - 20h00                 | 2024-03-21 |            | 21.03.2024"})
    void readsAnEventsRangeWithTheTimesOfItsDays(String line, LocalDate start, LocalDate end, String written) {
        Optional<DateMatch> match = grammar.parseAt(line, 0);
        assertThat(match).as(line).map(DateMatch::date).contains(new ItemDate(start, end));
        assertThat(match).as(line).map(DateMatch::endIndex).contains(written.length());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // text                | order               | start
        "04/05/2019            | DAY_FIRST           | 2019-05-04",
        "04.05.2019            | DAY_FIRST           | 2019-05-04",
        "03/27/2019            | DAY_FIRST           | 2019-03-27",
        "04/05/2019            | MONTH_FIRST         | 2019-04-05",
        "04.05.2019            | MONTH_FIRST         | 2019-04-05",
        "27/03/2019            | MONTH_FIRST         | 2019-03-27",
        "04/05/2019            | MONTH_FIRST_SLASHED | 2019-04-05",
        "04.05.2019            | MONTH_FIRST_SLASHED | 2019-05-04",
        "05/11/15              | MONTH_FIRST_SLASHED | 2015-05-11",
        "05/11/15              | DAY_FIRST           | 2015-11-05",
        "2019-04-05            | MONTH_FIRST         | 2019-04-05",
        "2019-04-05            | DAY_FIRST           | 2019-04-05"})
    void readsAmbiguousNumericDatesInThePagesOrder(String text, DateGrammar.NumericOrder order, LocalDate start) {
        assertThat(new DateGrammar(order, false).parse(text)).as(text + " " + order).contains(new ItemDate(start, null));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "September 2017   | 2017-09-01 | 2017-09-30",
        "novembre, 2011   | 2011-11-01 | 2011-11-30",
        "Februar 2020     | 2020-02-01 | 2020-02-29",
        "FEBRERO 2023     | 2023-02-01 | 2023-02-28"})
    void readsAWholeMonthOnlyWhenThePageAllowsIt(String text, LocalDate start, LocalDate end) {
        assertThat(grammar.parse(text)).as(text).isEmpty();
        assertThat(grammar.withMonthOnly().parse(text)).as(text).contains(new ItemDate(start, end));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // a line of the page         | another line                          | ambiguous date | read as
        "Updated 27/03/2019           | The report was published in the spring | 04/05/2019    | 2019-05-04",
        "Updated 03/27/2019           | The report was published in the spring | 04/05/2019    | 2019-04-05",
        "Updated 03/27/2019           | The report was published in the spring | 04.05.2019    | 2019-04-05",
        "The mayor and the council    | met the residents of the old town      | 04/05/2019    | 2019-04-05",
        "The mayor and the council    | met the residents of the old town      | 04.05.2019    | 2019-05-04",
        "Le maire et les conseillers  | ont rencontré les habitants du quartier | 04/05/2019   | 2019-05-04",
        "Der Bürgermeister und die    | Bewohner der Altstadt trafen sich      | 04/05/2019    | 2019-05-04",
        "El alcalde y los concejales  | se reunieron con los vecinos del barrio | 04/05/2019   | 2019-05-04",
        "Updated 27/03/2019 and 03/28/2019 | the page mixes both orders        | 04/05/2019    | 2019-05-04"})
    void decidesTheNumericOrderPerPage(String line, String other, String ambiguous, LocalDate readAs) {
        DateGrammar pageGrammar = PageDates.grammarFor(List.of(Line.plain(line), Line.plain(other)), grammar);
        assertThat(pageGrammar.parse(ambiguous)).as(line + " / " + ambiguous).contains(new ItemDate(readAs, null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"10_01_09_lokalblatt.de", "8. Februar", "16 de enero", "1er mars", "12 maart", "14 giugno",
        "Juli 2019", "novembre, 2011", "11.11", "1.500", "0,99"})
    void fileNameTagsAndDatesWithoutAYearAreNotDates(String text) {
        assertThat(grammar.parse(text)).as(text).isEmpty();
    }

    private List<String> rangeShapes(LocalDate start, LocalDate end) {
        boolean sameMonth = start.getMonth() == end.getMonth() && start.getYear() == end.getYear();
        List<String> shapes = new java.util.ArrayList<>(List.of(
                pattern("d MMMM yyyy").apply(start) + " - " + pattern("d MMMM yyyy").apply(end),
                pattern("dd.MM.yyyy").apply(start) + " – " + pattern("dd.MM.yyyy").apply(end),
                pattern("d MMMM").apply(start) + " - " + pattern("d MMMM yyyy").apply(end),
                pattern("dd.MM").apply(start) + " - " + pattern("dd.MM.yyyy").apply(end),
                pattern("MMMM d").apply(start) + " - " + pattern("MMMM d, yyyy").apply(end),
                pattern("MMMM d, yyyy").apply(start) + " - " + pattern("MMMM d, yyyy").apply(end)));
        if (sameMonth) {
            shapes.addAll(List.of(
                    start.getDayOfMonth() + " - " + pattern("d MMMM yyyy").apply(end),
                    start.getDayOfMonth() + "-" + pattern("d MMMM yyyy").apply(end),
                    start.getDayOfMonth() + "–" + pattern("dd.MM.yyyy").apply(end),
                    pattern("dd").apply(start) + "-" + pattern("dd.MM.yyyy").apply(end),
                    pattern("MMMM d").apply(start) + "-" + end.getDayOfMonth() + ", " + end.getYear()));
        }
        return shapes;
    }

    /** The word with one letter (never the first) dropped, doubled, replaced or swapped with its neighbour. */
    private String withOneTypo(String word) {
        int at = 1 + random.nextInt(word.length() - 1);
        return switch (random.nextInt(4)) {
            case 0 -> word.substring(0, at) + word.substring(at + 1);
            case 1 -> word.substring(0, at) + word.charAt(at) + word.substring(at);
            case 2 -> word.substring(0, at) + (char) ('a' + random.nextInt(26)) + word.substring(at + 1);
            default -> at + 1 < word.length()
                    ? word.substring(0, at) + word.charAt(at + 1) + word.charAt(at) + word.substring(at + 2) : word;
        };
    }

    private static int monthNumber(String name) {
        return java.time.Month.valueOf(name.toUpperCase(Locale.ROOT)).getValue();
    }

    private LocalDate randomDate() {
        return LocalDate.of(1950, 1, 1).plusDays(random.nextInt(150 * 365 - 60));
    }

    private static Function<LocalDate, String> pattern(String pattern) {
        DateTimeFormatter formatter = DateTimeFormatter.ofPattern(pattern, Locale.ENGLISH);
        return formatter::format;
    }

    private static String ordinal(int day) {
        if (day >= 11 && day <= 13) {
            return "th";
        }
        return switch (day % 10) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
    }
}
