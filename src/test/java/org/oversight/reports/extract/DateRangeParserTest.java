package org.oversight.reports.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DateRangeParserTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            9 July 2018 to 20 July 2018 Lead inspector      | 2018-07-09 | 2018-07-20
            16 September 2014 – 8 October 2014              | 2014-09-16 | 2014-10-08
            9–24 November 2017                              | 2017-11-09 | 2017-11-24
            14 April – 8 May 2015                           | 2015-04-14 | 2015-05-08
            21 November–15 December 2016                    | 2016-11-21 | 2016-12-15
            28 July 2016                                    | 2016-07-28 | 2016-07-28
            on 27 and 28 February 2018. The inspectors      | 2018-02-27 | 2018-02-28
            Between 9 and 13 July 2018, Ofsted              | 2018-07-09 | 2018-07-13
            from 10 to 14 January 2022.                     | 2022-01-10 | 2022-01-14
            on 1 to 2 March 2023.                           | 2023-03-01 | 2023-03-02
            30 December 2024 to 3 January 2025              | 2024-12-30 | 2025-01-03
            on the 15 and 16 of May 2018. The inspectors    | 2018-05-15 | 2018-05-16
            on 22–23 October 2019. The inspectors           | 2019-10-22 | 2019-10-23
            on 29 and 30 September, and 1 October 2020. The | 2020-09-29 | 2020-10-01
            12/09/2016 to 06/10/2016 Report published       | 2016-09-12 | 2016-10-06
            1/06/2015 – 25/06/2015                          | 2015-06-01 | 2015-06-25
            on 24 October 2022 to 25 October 2023.          | 2022-10-24 | 2023-10-25
            """)
    void readsSingleRanges(String phrase, LocalDate start, LocalDate end) {
        assertThat(DateRangeParser.parse(phrase)).get()
                .extracting(DateRangeParser.Parsed::ranges)
                .isEqualTo(List.of(new DateRange(start, end)));
    }

    @org.junit.jupiter.api.Test
    void readsSplitInspections() {
        assertThat(DateRangeParser.parse("30 September to 11 October 2024 and 13 to 16 January 2025")).get()
                .extracting(DateRangeParser.Parsed::ranges)
                .isEqualTo(List.of(
                        new DateRange(LocalDate.of(2024, 9, 30), LocalDate.of(2024, 10, 11)),
                        new DateRange(LocalDate.of(2025, 1, 13), LocalDate.of(2025, 1, 16))));
    }

    @org.junit.jupiter.api.Test
    void readsAListOfDaysAsSeparateRanges() {
        assertThat(DateRangeParser.parse("on 15, 16 and 21 July 2025. His Majesty's Inspectors")).get()
                .extracting(DateRangeParser.Parsed::ranges)
                .isEqualTo(List.of(
                        new DateRange(LocalDate.of(2025, 7, 15), LocalDate.of(2025, 7, 16)),
                        new DateRange(LocalDate.of(2025, 7, 21), LocalDate.of(2025, 7, 21))));
    }

    /** Letters sometimes print the visit dates without a year; it comes from the letter's own date. */
    @ParameterizedTest(name = "{0} (letter of {1})")
    @CsvSource(delimiter = '|', textBlock = """
            on 30 and 31 January. The inspectors were        | 2018-02-22 | 2018-01-30 | 2018-01-31
            Between 16 May and 20 May, Ofsted, the Care      | 2016-06-29 | 2016-05-16 | 2016-05-20
            Between 20 and 24 June, Ofsted, the Care Quality | 2016-08-03 | 2016-06-20 | 2016-06-24
            on 18 and 19 December. The visit was conducted   | 2020-01-21 | 2019-12-18 | 2019-12-19
            on 13 and 14 July. Her Majesty's Inspectors      | 2021-08-23 | 2021-07-13 | 2021-07-14
            """)
    void takesAMissingYearFromTheLettersDate(String phrase, LocalDate letter, LocalDate start, LocalDate end) {
        assertThat(DateRangeParser.parse(phrase, letter)).get()
                .extracting(DateRangeParser.Parsed::ranges)
                .isEqualTo(List.of(new DateRange(start, end)));
        assertThat(DateRangeParser.parse(phrase)).as("without the letter's date there is no year").isEmpty();
    }

    @org.junit.jupiter.api.Test
    void rejectsPhrasesWithoutADate() {
        assertThat(DateRangeParser.parse("the inspection took place in the spring")).isEmpty();
        assertThat(DateRangeParser.parse("31 February 2024")).isEmpty();
        assertThat(DateRangeParser.parse("12 to 14")).isEmpty();
    }
}
