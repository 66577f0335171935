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
    void rejectsPhrasesWithoutADate() {
        assertThat(DateRangeParser.parse("the inspection took place in the spring")).isEmpty();
        assertThat(DateRangeParser.parse("31 February 2024")).isEmpty();
        assertThat(DateRangeParser.parse("12 to 14")).isEmpty();
    }
}
