package org.syndication.ingest.parse;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;

/**
 * The grammar of the dates that start or head news items, read by a hand-written scanner so that every attempt
 * costs a few dozen characters at most, whatever the input (no regular expression, no backtracking blow-up).
 *
 * <p>Accepted shapes (English month names, full or abbreviated, any case; dashes, en/em dashes, "to", "and" as range
 * separators; optional weekday and ordinal suffixes):
 * <ul>
 *   <li>{@code 3 March 2017}, {@code 20 - 21 April 2017}, {@code 30 June - 2 July 2019},
 *       {@code 30 December 2019 - 2 January 2020}, {@code 24th of July 2019}</li>
 *   <li>{@code July 30, 2014}, {@code July 30-31, 2014}, {@code June 30 - July 2, 2019}</li>
 *   <li>{@code 01.03.2021}, {@code 24-25.06.2019}, {@code 30.06 - 02.07.2019}, {@code 24/01/2005},
 *       {@code 24-01-2005}, {@code 2019-06-24}</li>
 *   <li>typos a reader repairs without noticing: a space inside the day, month or year ({@code 1 8.03.2019},
 *       {@code 0 7 February 2019})</li>
 * </ul>
 * Slashed dates are read day first (the family of pages is European) unless only month first is valid.
 * Every date needs a year, so {@code On 9-10 June} in running text is never a date here.
 */
public final class DateGrammar {

    static final int MIN_YEAR = 1900;
    static final int MAX_YEAR = 2100;

    /**
     * Month names and abbreviations in English, French, German, Spanish, Italian, Portuguese, Dutch, the Scandinavian
     * languages, Polish, Czech and Romanian, with and without accents (pages drop them); the month is the number at the
     * same index in {@link #MONTH_NUMBERS}.
     */
    private static final String[] MONTH_NAMES;

    private static final int[] MONTH_NUMBERS;

    static {
        // Scandinavian, Polish (the genitive a date uses: "3 maja 2022"), Czech (genitive), Romanian after the others
        String[][] byMonth = {
            {"january", "jan", "janvier", "janv", "januar", "jänner", "jaenner", "enero", "ene", "gennaio", "gen",
                "janeiro", "januari", "stycznia", "styczeń", "ledna", "ianuarie", "ian"},
            {"february", "feb", "febr", "février", "fevrier", "févr", "fevr", "fév", "fev", "februar", "febrero",
                "febbraio", "fevereiro", "februari", "lutego", "luty", "února", "unora", "februarie"},
            {"march", "mar", "mars", "märz", "maerz", "mär", "marz", "marzo", "março", "marco", "maart", "mrt",
                "marts", "marca", "marzec", "března", "brezna", "martie"},
            {"april", "apr", "avril", "avr", "abril", "abr", "aprile", "kwietnia", "kwiecień", "dubna", "aprilie"},
            {"may", "mai", "mayo", "maggio", "mag", "maio", "mei", "maj", "maja", "května", "kvetna"},
            {"june", "jun", "juin", "juni", "junio", "giugno", "giu", "junho", "czerwca", "czerwiec", "června",
                "cervna", "iunie"},
            {"july", "jul", "juillet", "juil", "juli", "julio", "luglio", "lug", "julho", "lipca", "lipiec",
                "července", "cervence", "iulie"},
            {"august", "aug", "août", "aout", "agosto", "ago", "augustus", "augusti", "sierpnia", "sierpień",
                "srpna"},
            {"september", "sept", "sep", "septembre", "septiembre", "setiembre", "settembre", "set", "setembro",
                "września", "wrzesnia", "wrzesień", "září", "zari", "septembrie"},
            {"october", "oct", "octobre", "oktober", "okt", "octubre", "ottobre", "ott", "outubro", "out",
                "października", "pazdziernika", "październik", "října", "rijna", "octombrie"},
            {"november", "nov", "novembre", "noviembre", "novembro", "listopada", "listopad", "listopadu",
                "noiembrie"},
            {"december", "dec", "décembre", "decembre", "déc", "dezember", "dez", "diciembre", "dic", "dicembre",
                "dezembro", "grudnia", "grudzień", "prosince", "decembrie"}};
        java.util.List<String> names = new java.util.ArrayList<>();
        java.util.List<Integer> numbers = new java.util.ArrayList<>();
        for (int m = 0; m < byMonth.length; m++) {
            for (String name : byMonth[m]) {
                names.add(name);
                numbers.add(m + 1);
            }
        }
        MONTH_NAMES = names.toArray(String[]::new);
        MONTH_NUMBERS = numbers.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Full month names, January first: a misspelling of one of these still names the month. */
    private static final String[] FULL_MONTHS = {
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
        "december"};

    /** Shorter words are too often other words one letter away from a month ("Marco", "Junes"). */
    private static final int MIN_MISSPELT_MONTH = 5;

    private static final String[] WEEKDAYS = {
        "monday", "mon", "tuesday", "tue", "tues", "wednesday", "wed", "thursday", "thu", "thur", "thurs", "friday",
        "fri", "saturday", "sat", "sunday", "sun",
        "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
        "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonnabend", "sonntag",
        "lunes", "martes", "miércoles", "miercoles", "jueves", "viernes", "sábado", "sabado", "domingo",
        "lunedì", "lunedi", "martedì", "martedi", "mercoledì", "mercoledi", "giovedì", "giovedi", "venerdì",
        "venerdi", "domenica",
        "segunda", "terça", "terca", "quarta", "quinta", "sexta",
        "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag",
        "ma", "di", "wo", "do", "vr", "za", "zo", // Dutch abbreviations ("vr 12 apr 2024")
        "mo", "mi", "fr", "sa", "so", // German abbreviations ("Fr., 12.04.2024")
        "måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag", // Swedish
        "mandag", "tirsdag", "lørdag", "søndag", // Danish and Norwegian
        "poniedziałek", "wtorek", "środa", "czwartek", "piątek", "sobota", "niedziela", // Polish
        "pondělí", "úterý", "středa", "čtvrtek", "pátek", "neděle", // Czech
        "luni", "marți", "marti", "miercuri", "joi", "vineri", "sâmbătă", "sambata", "duminică", "duminica"};

    private static final String[] RANGE_WORDS = {
        "to", "till", "until", "and", "through", "au", "et", "bis", "und", "al", "y", "tot", "en", "até", "ao", "e",
        "a"};

    /** Words before a range's first day: "from 3 to 5 May", "De 23 a 25 de abril", "Du 3 au 5 mai", "Vom 3. bis". */
    private static final String[] RANGE_OPENERS = {"from", "de", "del", "du", "dal", "vom", "van", "desde"};

    /** Words between day, month and year: "24th of July", "16 de enero de 2025", "3 del mese". */
    private static final String[] OF = {"of", "de", "del", "di"};

    /**
     * How numeric dates with two small numbers (05/06/2021) are read on a page: day first, month first, or month first
     * only when slashed (an English page without unambiguous dates: 05/06/2021 is US, 05.06.2021 is not).
     */
    public enum NumericOrder { DAY_FIRST, MONTH_FIRST, MONTH_FIRST_SLASHED }

    private final NumericOrder numericOrder;

    /** Whether a month and year without a day ("September 2017") is a date, covering the whole month. */
    private final boolean monthOnly;

    /** The strict grammar: every date has a day and a year; slashed dates day first unless only month first fits. */
    public DateGrammar() {
        this(NumericOrder.DAY_FIRST, false);
    }

    /**
     * The page's newest date when textual dates without a year ("3 May", "SATURDAY 3RD – FRIDAY 9TH DECEMBER") take
     * their year from the page: the latest year that does not put them after this day; null when they are no date.
     */
    private final LocalDate notAfter;

    public DateGrammar(NumericOrder numericOrder, boolean monthOnly) {
        this(numericOrder, monthOnly, null);
    }

    private DateGrammar(NumericOrder numericOrder, boolean monthOnly, LocalDate notAfter) {
        this.numericOrder = numericOrder;
        this.monthOnly = monthOnly;
        this.notAfter = notAfter;
    }

    /** This grammar with another reading of ambiguous numeric dates. */
    public DateGrammar withNumericOrder(NumericOrder order) {
        return order == numericOrder ? this : new DateGrammar(order, monthOnly, notAfter);
    }

    /** This grammar, also reading month-only dates ("September 2017") as the whole month. */
    public DateGrammar withMonthOnly() {
        return monthOnly ? this : new DateGrammar(numericOrder, true, notAfter);
    }

    /** This grammar, also reading textual dates without a year, in the latest year that is not after {@code day}. */
    public DateGrammar withYearFromContext(LocalDate day) {
        return new DateGrammar(numericOrder, monthOnly, day);
    }

    /** The year a day and month without a year take from the page, or -1 when this grammar needs a year. */
    private int contextYear(int month, int day, Cursor c) {
        if (notAfter == null || isDigit(c.peek()) || (c.peek() == ' ' && isDigit(c.peek(1)) && !clockTimeAhead(c))) {
            return -1;
        }
        int year = notAfter.getYear();
        LocalDate date = date(year, month, day);
        return date != null && date.isAfter(notAfter) ? year - 1 : year;
    }

    /** Whether a time of day follows after one space ("9 december 09:02"): no year then, but the date is whole. */
    private static boolean clockTimeAhead(Cursor c) {
        int digits = isDigit(c.peek(2)) ? 2 : 1;
        return c.peek(1 + digits) == ':' && isDigit(c.peek(2 + digits)) && isDigit(c.peek(3 + digits))
                && !isDigit(c.peek(4 + digits));
    }

    /** Parses a date starting exactly at {@code from}. */
    public Optional<DateMatch> parseAt(CharSequence text, int from) {
        return parseAt(text, from, text.length());
    }

    /** Parses a date starting exactly at {@code from} and ending at or before {@code limit}. */
    public Optional<DateMatch> parseAt(CharSequence text, int from, int limit) {
        if (from < 0 || from >= limit) {
            return Optional.empty();
        }
        return Optional.ofNullable(scan(new Cursor(text.toString(), from, Math.min(limit, text.length()))));
    }

    /** Parses a whole string (surrounding spaces allowed) as one date. */
    public Optional<ItemDate> parse(String text) {
        String trimmed = text.strip();
        return parseAt(trimmed, 0)
                .filter(match -> match.endIndex() == trimmed.length())
                .map(DateMatch::date);
    }

    private DateMatch scan(Cursor c) {
        int start = c.pos;
        skipWeekday(c);
        skipRangeOpener(c);
        int afterWeekday = c.pos;
        char first = c.peek();
        ItemDate date = null;
        if (isDigit(first)) {
            date = yearFirst(c);
            if (date == null) {
                c.pos = afterWeekday;
                date = numeric(c, false);
            }
            if (date == null) {
                c.pos = afterWeekday;
                date = dayFirst(c, false);
            }
            if (date == null) { // typos are a second chance, never preferred over a clean reading
                c.pos = afterWeekday;
                c.typos = true;
                date = numeric(c, true);
            }
            if (date == null) {
                c.pos = afterWeekday;
                date = dayFirst(c, true);
            }
        } else if (Character.isLetter(first)) {
            date = monthFirst(c);
        }
        if (date == null) {
            c.pos = start;
            return null;
        }
        return new DateMatch(date, c.pos);
    }

    // ---- textual dates ------------------------------------------------------------------------------------------

    /** {@code 2021 16 Mar}, {@code 2021 Mar 16}: a year, then a textual day and month (notice boards, archives). */
    private ItemDate yearFirst(Cursor c) {
        int start = c.pos;
        int year = readNumber(c, 4, 4);
        if (year < MIN_YEAR || year > MAX_YEAR || c.skipSpaces() == 0) {
            c.pos = start;
            return null;
        }
        int day = readDay(c, false, true);
        int month;
        if (day > 0) {
            c.skipSpaces();
            month = readMonth(c);
        } else {
            month = readMonth(c);
            c.skipSpaces();
            day = month > 0 ? readDay(c, false, true) : -1;
        }
        ItemDate date = day > 0 && month > 0 ? single(year, month, day) : null;
        if (date == null || Character.isLetterOrDigit(c.peek())) {
            c.pos = start;
            return null;
        }
        return date;
    }

    private ItemDate dayFirst(Cursor c, boolean typos) {
        int d1 = readDay(c, typos, true);
        if (d1 < 0) {
            return null;
        }
        int afterDay = c.pos;
        if (readRangeSeparator(c)) { // 20 - 21 April 2017
            skipWeekday(c); // "Saturday 3rd – Friday 9th December"
            int d2 = readDay(c, typos, true);
            int[] shared = d2 > 0 ? monthAndYear(c, d2) : null;
            ItemDate range = shared != null ? range(shared[1], shared[0], d1, shared[1], shared[0], d2) : null;
            if (range != null) {
                return range;
            }
            c.pos = afterDay;
        }
        c.skipSpaces();
        skipOf(c);
        // 12-May-2021, 20.Jul.2017, and with spaces round the dashes, 12 - Septembre - 2019
        boolean spaced = isDash(c.peek()) && c.peek(1) == ' ' && Character.isLetter(c.peek(2));
        boolean joined = spaced || (c.peek() == '-' || c.peek() == '/' || c.peek() == '.')
                && Character.isLetter(c.peek(1));
        if (joined) {
            c.pos += spaced ? 2 : 1;
        }
        int m1 = readMonth(c);
        if (m1 < 0) {
            return null;
        }
        int afterMonth = c.pos;
        if (spaced && c.peek() == ' ' && isDash(c.peek(1)) && c.peek(2) == ' ' && isDigit(c.peek(3))) {
            c.pos += 3;
        } else if (joined && (c.peek() == '-' || c.peek() == '/' || c.peek() == '.') && isDigit(c.peek(1))) {
            c.pos++;
        }
        int y1 = readYear(c);
        int afterYear = c.pos;
        if (readRangeSeparator(c)) { // 30 June - 2 July 2019, 30 June 2019 - 2 July 2019
            skipWeekday(c);
            int d2 = readDay(c, typos, true);
            int[] end = d2 > 0 ? monthAndYear(c, d2) : null;
            if (end != null) {
                int startYear = y1 > 0 ? y1 : (m1 > end[0] ? end[1] - 1 : end[1]);
                ItemDate range = range(startYear, m1, d1, end[1], end[0], d2);
                if (range != null) {
                    return range;
                }
            }
        }
        c.pos = y1 > 0 ? afterYear : afterMonth;
        if (y1 < 0) {
            int year = contextYear(m1, d1, c);
            return year > 0 ? single(year, m1, d1) : null;
        }
        return single(y1, m1, d1);
    }

    /** "September 2017", "novembre, 2011": the whole month; only when the page's grammar allows month-only dates. */
    private static ItemDate wholeMonth(Cursor c, int month) {
        int year = readYear(c);
        if (year < 0 || Character.isLetterOrDigit(c.peek())) {
            return null;
        }
        LocalDate first = LocalDate.of(year, month, 1);
        return ItemDate.of(first, first.withDayOfMonth(first.lengthOfMonth()));
    }

    /** Reads "[of] Month[,] Year" after a day; returns {month, year}, or null. */
    private int[] monthAndYear(Cursor c, int day) {
        c.skipSpaces();
        skipOf(c);
        int month = readMonth(c);
        int year = month > 0 ? readYear(c) : -1;
        if (month > 0 && year < 0) {
            year = contextYear(month, day, c);
        }
        return year > 0 ? new int[] {month, year} : null;
    }

    private ItemDate monthFirst(Cursor c) {
        int m1 = readMonth(c);
        if (m1 < 0) {
            return null;
        }
        int afterMonth = c.pos;
        c.skipSpaces();
        int d1 = readDay(c, false, true);
        if (d1 < 0) {
            ItemDate badge = gluedDayAndYear(c, m1);
            if (badge != null) {
                return badge;
            }
            c.pos = afterMonth;
            return monthOnly ? wholeMonth(c, m1) : null;
        }
        int afterDay = c.pos;
        if (readRangeSeparator(c)) { // July 30-31, 2014 / June 30 - July 2, 2019
            int save = c.pos;
            int d2 = readDay(c, false, true);
            int m2 = m1;
            if (d2 < 0) {
                c.pos = save;
                m2 = readMonth(c);
                c.skipSpaces();
                d2 = m2 > 0 ? readDay(c, false, true) : -1;
            }
            int y = d2 > 0 ? readYear(c) : -1;
            ItemDate range = y > 0 ? range(m1 > m2 ? y - 1 : y, m1, d1, y, m2, d2) : null;
            if (range != null) {
                return range;
            }
            c.pos = afterDay;
        }
        int y1 = readYear(c);
        if (y1 < 0) {
            int year = contextYear(m1, d1, c);
            return year > 0 ? single(year, m1, d1) : null;
        }
        int afterYear = c.pos;
        ItemDate startDate = single(y1, m1, d1);
        if (startDate != null && readRangeSeparator(c)) { // July 30, 2014 - August 2, 2014
            ItemDate end = Character.isLetter(c.peek()) ? monthFirst(c) : null;
            if (end != null && end.end() == null && end.start().isAfter(startDate.start())) {
                return ItemDate.of(startDate.start(), end.start());
            }
        }
        c.pos = afterYear;
        return startDate;
    }

    /**
     * A date badge whose day and year the page's text runs together ({@code Mar 212017}: "Mar 21" over "2017"), read
     * only when the line ends there, so that a reference number in a sentence is never a date.
     */
    private static ItemDate gluedDayAndYear(Cursor c, int month) {
        int start = c.pos;
        int digits = 0;
        while (isDigit(c.peek(digits))) {
            digits++;
        }
        c.pos += digits;
        c.skipSpaces();
        if ((digits == 5 || digits == 6) && c.pos == c.limit) {
            int day = Integer.parseInt(c.text.substring(start, start + digits - 4));
            int year = Integer.parseInt(c.text.substring(start + digits - 4, start + digits));
            ItemDate date = year >= MIN_YEAR && year <= MAX_YEAR ? single(year, month, day) : null;
            if (date != null) {
                return date;
            }
        }
        c.pos = start;
        return null;
    }

    // ---- numeric dates ------------------------------------------------------------------------------------------

    private ItemDate numeric(Cursor c, boolean typos) {
        int start = c.pos;
        ItemDate iso = iso(c);
        if (iso != null) {
            return iso;
        }
        c.pos = start;
        // 24-25.06.2019: a shared month and year
        int d1 = readDay(c, typos, false);
        if (d1 > 0 && c.peek() != '.' && c.peek() != '/') {
            int afterDay = c.pos;
            if (readRangeSeparator(c)) {
                int[] end = readNumericDate(c, false);
                if (end != null && end[2] > 0) {
                    ItemDate range = range(end[2], end[1], d1, end[2], end[1], end[0]);
                    if (range != null && end[3] != '-') {
                        return range;
                    }
                }
            }
            c.pos = afterDay;
        }
        c.pos = start;
        int[] first = readNumericDate(c, typos);
        if (first == null) {
            return null;
        }
        int afterFirst = c.pos;
        skipClockTime(c); // 05/14/2024 - 09:00 to 05/16/2024 - 17:00: an event's times inside its range
        if (readRangeSeparator(c)) { // 30.06 - 02.07.2019, 30.06.2019 - 02.07.2019
            int[] second = readNumericDate(c, false);
            if (second != null && second[2] > 0) {
                int startYear = first[2] > 0 ? first[2] : (first[1] > second[1] ? second[2] - 1 : second[2]);
                ItemDate range = range(startYear, first[1], first[0], second[2], second[1], second[0]);
                if (range != null) {
                    return range;
                }
            }
        }
        c.pos = afterFirst;
        return first[2] > 0 ? single(first[2], first[1], first[0]) : null;
    }

    /** 2019-06-24. */
    private ItemDate iso(Cursor c) {
        int y = readNumber(c, 4, 4);
        char sep = c.peek();
        if (y < 0 || (sep != '-' && sep != '.' && sep != '/' && sep != '年')) { // 2019-06-24, 2019.06.24, 2019年6月24日
            return null;
        }
        c.pos++;
        int m = readNumber(c, 1, 2);
        char sep2 = sep == '年' ? '月' : sep;
        if (m < 0 || c.peek() != sep2) {
            return null;
        }
        c.pos++;
        int d = readNumber(c, 1, 2);
        if (d >= 0 && sep == '年' && c.peek() == '日') {
            c.pos++;
        }
        if (d < 0) {
            return null;
        }
        int afterFirst = c.pos;
        if (sep != '年' && readRangeSeparator(c)) { // 2024-03-19 – 2024-03-21
            int[] second = readIsoDate(c, sep);
            ItemDate range = second == null ? null : range(y, m, d, second[0], second[1], second[2]);
            if (range != null) {
                return range;
            }
        }
        c.pos = afterFirst;
        return single(y, m, d);
    }

    /** A second ISO date with the first one's separator: {year, month, day}, or null (cursor unchanged). */
    private static int[] readIsoDate(Cursor c, char sep) {
        int start = c.pos;
        int y = readNumber(c, 4, 4);
        if (y >= 0 && c.peek() == sep) {
            c.pos++;
            int m = readNumber(c, 1, 2);
            if (m >= 0 && c.peek() == sep) {
                c.pos++;
                int d = readNumber(c, 1, 2);
                if (d >= 0) {
                    return new int[] {y, m, d};
                }
            }
        }
        c.pos = start;
        return null;
    }

    /**
     * Reads {@code d.m[.y]} with one kind of separator ({@code . / -}); returns {day, month, year or -1, separator}
     * with the day and month already swapped for an unambiguous month-first slashed date.
     */
    private int[] readNumericDate(Cursor c, boolean typos) {
        int start = c.pos;
        int d = readDay(c, typos, false);
        char sep = c.peek();
        if (d < 0 || !isDateSeparator(sep)) {
            c.pos = start;
            return null;
        }
        c.pos++;
        if (sep == '.') { // "18. 03. 2019"
            c.skipSpaces();
        }
        int m = c.typos ? readSpacedNumber(c, 2) : -1;
        if (m < 0) {
            m = readNumber(c, 1, 2);
        }
        if (m < 0) {
            c.pos = start;
            return null;
        }
        int afterMonth = c.pos;
        int y = -1;
        if (c.peek() == sep) {
            c.pos++;
            if (sep == '.') {
                c.skipSpaces();
            }
            y = readFourDigitYear(c);
            if (y < 0 && sep != '-') { // 11.11.15, 05/19/15: a two-digit year, this century unless that is ahead
                y = readTwoDigitYear(c);
            }
            if (y < 0) {
                c.pos = sep == '.' ? afterMonth + 1 : afterMonth; // "30.06. - 02.07.2019" keeps its trailing dot
            }
        }
        if (y < 0 && sep == '-') { // 24-06 alone is not a date: too close to ordinary number ranges
            c.pos = start;
            return null;
        }
        boolean monthFirstFits = m <= 31 && d <= 12;
        boolean dayFirstFits = m <= 12;
        boolean pageMonthFirst = numericOrder == NumericOrder.MONTH_FIRST
                || (numericOrder == NumericOrder.MONTH_FIRST_SLASHED && sep == '/');
        if (sep != '-' && monthFirstFits && (!dayFirstFits || pageMonthFirst)) {
            return new int[] {m, d, y, sep}; // 07/30/2014 can only be month first; 05/06/2014 on a month-first page
        }
        return new int[] {d, m, y, sep};
    }

    // ---- tokens -------------------------------------------------------------------------------------------------

    /**
     * Reads a day of month (1-2 digits, optional ordinal suffix). With {@code typos}, a single digit 0-3 followed by
     * one space and one digit is read as one two-digit day ({@code 1 8} = 18).
     */
    private int readDay(Cursor c, boolean typos, boolean ordinal) {
        int start = c.pos;
        int day = readNumber(c, 1, 2);
        if (day < 0) {
            return -1;
        }
        if (typos && c.pos - start == 1 && day <= 3 && c.peek() == ' ' && isDigit(c.peek(1)) && !isDigit(c.peek(2))) {
            day = day * 10 + (c.peek(1) - '0');
            c.pos += 2;
        }
        if (day < 1 || day > 31) {
            c.pos = start;
            return -1;
        }
        if (ordinal) {
            skipOrdinal(c);
        }
        return day;
    }

    /**
     * Skips an ordinal mark after a day: English {@code 17th}, French {@code 1er}, Spanish and Portuguese {@code 1º},
     * and the German day dot ({@code 17. Juli}) when a word follows it.
     */
    private static void skipOrdinal(Cursor c) {
        int save = c.pos;
        char mark = c.peek();
        if (mark == 'º' || mark == '°' || mark == 'ª') {
            c.pos++;
            return;
        }
        if (mark == '.' && c.peek(1) == ' ' && Character.isLetter(c.peek(2))) {
            c.pos++;
            return;
        }
        if (c.peek() == ' ') { // "18 th March", seen in real pages
            c.pos++;
        }
        char a = Character.toLowerCase(c.peek());
        char b = Character.toLowerCase(c.peek(1));
        boolean suffix = a == 's' && b == 't' || a == 'n' && b == 'd' || a == 'r' && b == 'd' || a == 't' && b == 'h'
                || a == 'e' && b == 'r';
        if (suffix && !Character.isLetter(c.peek(2))) {
            c.pos += 2;
        } else {
            c.pos = save;
        }
    }

    /** Reads {@code min..max} digits not followed by another digit; returns the value or -1 (cursor unchanged). */
    private static int readNumber(Cursor c, int min, int max) {
        int start = c.pos;
        int value = 0;
        while (isDigit(c.peek()) && c.pos - start < max) {
            value = value * 10 + (c.peek() - '0');
            c.pos++;
        }
        int digits = c.pos - start;
        if (digits < min || isDigit(c.peek())) {
            c.pos = start;
            return -1;
        }
        return value;
    }

    /**
     * Reads an optional comma and a four-digit year after spaces, or an apostrophe and two digits ({@code '25});
     * returns the year or -1 (cursor unchanged).
     */
    private static int readYear(Cursor c) {
        int start = c.pos;
        c.skipSpaces();
        if (c.peek() == ',') {
            c.pos++;
            c.skipSpaces();
        }
        skipOf(c); // "16 de enero de 2025"
        if ((c.peek() == '\'' || c.peek() == '’') && isDigit(c.peek(1))) { // "09 Jun '25": an abbreviated year
            c.pos++;
            int year = readTwoDigitYear(c);
            if (year < 0) {
                c.pos = start;
            }
            return year;
        }
        int year = readFourDigitYear(c);
        if (year < 0) {
            c.pos = start;
            return -1;
        }
        return year;
    }

    /** Two digits not followed by another digit or a dot-digit (not a version number): 15 is 2015, 98 is 1998. */
    private static int readTwoDigitYear(Cursor c) {
        int start = c.pos;
        int yy = readNumber(c, 2, 2);
        boolean splitYear = c.peek() == ' ' && isDigit(c.peek(1)); // "20 19": a four-digit year with a typo
        if (yy < 0 || splitYear || (c.peek() == '.' && isDigit(c.peek(1)))) {
            c.pos = start;
            return -1;
        }
        int thisCentury = 2000 + yy;
        return thisCentury <= java.time.Year.now().getValue() + 1 ? thisCentury : 1900 + yy;
    }

    /** Four digits in the year range; in a typo pass also with one stray space inside ("20 19"). */
    private static int readFourDigitYear(Cursor c) {
        int year = readNumber(c, 4, 4);
        if (year < 0 && c.typos) {
            year = readSpacedNumber(c, 4);
        }
        return year >= MIN_YEAR && year <= MAX_YEAR ? year : -1;
    }

    /**
     * Reads exactly {@code digits} digits with at most one single space among them ("20 19", "0 3"), not followed by
     * another digit; returns the value or -1 (cursor unchanged).
     */
    private static int readSpacedNumber(Cursor c, int digits) {
        int start = c.pos;
        int value = 0;
        int read = 0;
        boolean spaced = false;
        while (read < digits) {
            char ch = c.peek();
            if (isDigit(ch)) {
                value = value * 10 + (ch - '0');
                read++;
                c.pos++;
            } else if (ch == ' ' && !spaced && read > 0 && isDigit(c.peek(1))) {
                spaced = true;
                c.pos++;
            } else {
                break;
            }
        }
        if (read < digits || isDigit(c.peek())) {
            c.pos = start;
            return -1;
        }
        return value;
    }

    /** Reads a month name (full or abbreviated, optional dot); returns 1-12 or -1 (cursor unchanged). */
    private static int readMonth(Cursor c) {
        int index = c.readWordOf(MONTH_NAMES);
        if (index < 0) {
            return c.readMisspeltMonth();
        }
        if (c.peek() == '.' && MONTH_NAMES[index].length() <= 4) {
            c.pos++;
        }
        return MONTH_NUMBERS[index];
    }

    /** Whether a word is a month's name or abbreviation ("apr", "Apr.", "Juni", "maja"), and nothing else. */
    static boolean isMonthWord(String word) {
        String bare = word.endsWith(".") ? word.substring(0, word.length() - 1) : word;
        Cursor c = new Cursor(bare, 0, bare.length());
        return !bare.isEmpty() && c.readWordOf(MONTH_NAMES) >= 0 && c.pos == bare.length();
    }

    /** Whether a text opens with the name of a weekday ("Friday, December 8, 2023", "Mittwoch, 15. Februar"). */
    static boolean opensWithWeekday(String text) {
        int start = 0;
        while (start < text.length() && !Character.isLetterOrDigit(text.charAt(start))) {
            start++;
        }
        return new Cursor(text, start, text.length()).readWordOf(WEEKDAYS) >= 0;
    }

    private static void skipWeekday(Cursor c) {
        if (c.readWordOf(WEEKDAYS) < 0) {
            return;
        }
        if (c.peek() == '-' && c.text.regionMatches(true, c.pos + 1, "feira", 0, 5)) { // segunda-feira
            c.pos += 6;
        }
        if (c.peek() == '.') {
            c.pos++;
        }
        if (c.peek() == ',') {
            c.pos++;
        }
        c.skipSpaces();
    }

    /** Skips the word opening a range before its first day ("De 23 a 25 de abril", "Du 3 au 5 mai", "Vom 3."). */
    private static void skipRangeOpener(Cursor c) {
        int start = c.pos;
        if (c.readWordOf(RANGE_OPENERS) < 0 || c.skipSpaces() == 0 || !isDigit(c.peek())) {
            c.pos = start;
        }
    }

    private static void skipOf(Cursor c) {
        int start = c.pos;
        if (c.readWordOf(OF) >= 0 && c.skipSpaces() == 0) {
            c.pos = start;
        }
    }

    /**
     * Skips a time of day after a date ({@code  - 09:00}, {@code , 9:30}, {@code  18h30}) when a range separator
     * follows it; else leaves the cursor where it was.
     */
    private static void skipClockTime(Cursor c) {
        int start = c.pos;
        c.skipSpaces();
        if (isDash(c.peek()) || c.peek() == ',') {
            c.pos++;
            c.skipSpaces();
        }
        int hour = readNumber(c, 1, 2);
        char mark = c.peek();
        if (hour < 0 || hour > 23 || (mark != ':' && mark != 'h')) {
            c.pos = start;
            return;
        }
        c.pos++;
        if (readNumber(c, 2, 2) < 0) {
            c.pos = start;
            return;
        }
        int afterTime = c.pos;
        if (!readRangeSeparator(c)) {
            c.pos = start;
            return;
        }
        c.pos = afterTime;
    }

    /** Reads a range separator with its surrounding spaces: a dash of any kind, "to", "and", "&"; else unchanged. */
    private static boolean readRangeSeparator(Cursor c) {
        int start = c.pos;
        c.skipSpaces();
        char ch = c.peek();
        if (isDash(ch)) {
            c.pos++;
            if (isDash(c.peek())) {
                c.pos++;
            }
        } else if (ch == '&') {
            c.pos++;
        } else {
            if (c.readWordOf(RANGE_WORDS) < 0 || c.skipSpaces() == 0) {
                c.pos = start;
                return false;
            }
        }
        c.skipSpaces();
        return true;
    }

    // ---- dates --------------------------------------------------------------------------------------------------

    private static ItemDate single(int y, int m, int d) {
        LocalDate date = date(y, m, d);
        return date == null ? null : ItemDate.of(date, null);
    }

    private static ItemDate range(int y1, int m1, int d1, int y2, int m2, int d2) {
        LocalDate start = date(y1, m1, d1);
        LocalDate end = date(y2, m2, d2);
        if (start == null || end == null || end.isBefore(start) || end.isAfter(start.plusDays(366))) {
            return null;
        }
        return ItemDate.of(start, end);
    }

    /** A valid date, or {@code null}; avoids exceptions, this runs on every line of every document. */
    static LocalDate date(int y, int m, int d) {
        if (y < MIN_YEAR || y > MAX_YEAR || m < 1 || m > 12 || d < 1 || d > YearMonth.of(y, m).lengthOfMonth()) {
            return null;
        }
        return LocalDate.of(y, m, d);
    }

    static boolean isDigit(char ch) {
        return ch >= '0' && ch <= '9';
    }

    static boolean isDash(char ch) {
        return ch == '-' || ch == '\u2010' || ch == '\u2011' || ch == '\u2012' || ch == '\u2013' || ch == '\u2014'
                || ch == '\u2015' || ch == '\u2212';
    }

    private static boolean isDateSeparator(char ch) {
        return ch == '.' || ch == '/' || ch == '-';
    }

    /** A position in a text, bounded by a limit; reading past the limit yields {@code '\0'}. */
    private static final class Cursor {
        private final String text;
        private final int limit;
        private int pos;
        /** Whether this is the second pass, which repairs a stray space inside a number. */
        private boolean typos;

        Cursor(String text, int pos, int limit) {
            this.text = text;
            this.pos = pos;
            this.limit = limit;
        }

        char peek() {
            return peek(0);
        }

        char peek(int ahead) {
            int i = pos + ahead;
            return i < limit ? text.charAt(i) : '\0';
        }

        int skipSpaces() {
            int start = pos;
            while (pos < limit && (text.charAt(pos) == ' ' || text.charAt(pos) == '\t' || text.charAt(pos) == '\u00a0')) {
                pos++;
            }
            return pos - start;
        }

        /**
         * Reads a whole word one typo away (a letter missing, extra, wrong or swapped with its neighbour) from a full
         * month name with the same first letter ("Febuary", "Setpember"); returns 1-12 or -1, cursor unmoved.
         */
        int readMisspeltMonth() {
            int end = pos;
            while (end < limit && Character.isLetter(text.charAt(end)) && end - pos <= 10) {
                end++;
            }
            int length = end - pos;
            if (length < MIN_MISSPELT_MONTH || length > 10) {
                return -1;
            }
            for (int m = 0; m < FULL_MONTHS.length; m++) {
                if (FULL_MONTHS[m].length() >= MIN_MISSPELT_MONTH - 1 && oneEditAway(pos, length, FULL_MONTHS[m])) {
                    pos = end;
                    return m + 1;
                }
            }
            return -1;
        }

        private boolean oneEditAway(int from, int length, String word) {
            int n = word.length();
            if (Math.abs(length - n) > 1 || lower(from) != word.charAt(0)) {
                return false;
            }
            int i = 0;
            while (i < length && i < n && lower(from + i) == word.charAt(i)) {
                i++;
            }
            if (i == length && i == n) {
                return false; // identical: an exact name is read elsewhere, this is for typos only
            }
            if (length == n) { // one substitution, or two neighbours swapped
                boolean swapped = i + 1 < n && lower(from + i) == word.charAt(i + 1)
                        && lower(from + i + 1) == word.charAt(i);
                return sameTail(from, i + (swapped ? 2 : 1), word, i + (swapped ? 2 : 1), length);
            }
            return length > n ? sameTail(from, i + 1, word, i, length) : sameTail(from, i, word, i + 1, length);
        }

        private boolean sameTail(int from, int textIndex, String word, int wordIndex, int length) {
            if (length - textIndex != word.length() - wordIndex) {
                return false;
            }
            for (int t = textIndex, w = wordIndex; t < length; t++, w++) {
                if (lower(from + t) != word.charAt(w)) {
                    return false;
                }
            }
            return true;
        }

        private char lower(int index) {
            return Character.toLowerCase(text.charAt(index));
        }

        /**
         * Reads a whole word (a run of letters) equal, ignoring case, to one of {@code words}; returns its index, or
         * -1 with the cursor unmoved. Compares in place: this runs on every line, so it allocates nothing.
         */
        int readWordOf(String[] words) {
            int end = pos;
            while (end < limit && Character.isLetter(text.charAt(end)) && end - pos <= 10) {
                end++;
            }
            int length = end - pos;
            for (int i = 0; i < words.length; i++) {
                if (words[i].length() == length && text.regionMatches(true, pos, words[i], 0, length)) {
                    pos = end;
                    return i;
                }
            }
            return -1;
        }
    }
}
