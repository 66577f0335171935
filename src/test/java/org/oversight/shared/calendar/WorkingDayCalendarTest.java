package org.oversight.shared.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WorkingDayCalendarTest {

    private final BankHolidays holidays = BankHolidays.fromClasspath();
    private final WorkingDayCalendar calendar = new WorkingDayCalendar(holidays);

    @Test
    void theTablesCountAsDayByDayCountingDoesAcrossTheirEdges() {
        java.util.SplittableRandom r = new java.util.SplittableRandom(17);
        java.util.List<LocalDate> starts = new java.util.ArrayList<>();
        for (int k = 0; k < 20_000; k++) {
            starts.add(LocalDate.of(1995, 1, 1).plusDays(r.nextInt(70 * 366)));
        }
        for (LocalDate edge : java.util.List.of(LocalDate.of(1999, 12, 1), LocalDate.of(2060, 12, 1))) {
            for (int d = 0; d < 45; d++) {
                starts.add(edge.plusDays(d)); // across the tables' first and last days
            }
        }
        for (int k = 0; k < starts.size(); k++) {
            LocalDate start = starts.get(k);
            int n = k >= 20_000 ? (k % 25) : r.nextInt(k % 10 == 0 ? 400 : 60);
            LocalDate expected = start;
            for (int counted = 0; counted < n; ) {
                expected = expected.plusDays(1);
                if (calendar.isWorkingDay(expected)) {
                    counted++;
                }
            }
            assertThat(calendar.addWorkingDays(start, n)).as(start + " + " + n).isEqualTo(expected);
            assertThat(calendar.workingDaysBetween(start, expected)).as(start + " to " + expected).isEqualTo(n);
            assertThat(calendar.workingDaysBetween(expected, start)).isEqualTo(-n);
        }
    }

    @Test
    void jtaiLetterPublished30January2018HasItsPartnershipPlanDue11May2018() {
        // Haringey JTAI (domain/ilacs.md §1.2): 70 working days, leaving out Good Friday, Easter Monday and 7 May 2018.
        assertThat(calendar.addWorkingDays(LocalDate.of(2018, 1, 30), 70)).isEqualTo(LocalDate.of(2018, 5, 11));
    }

    @Test
    void stocktonReportPublished9May2023HasItsPlanDue16August2023() {
        // Counts past the 29 May 2023 spring bank holiday and the 8 May coronation bank holiday is before the start.
        assertThat(calendar.addWorkingDays(LocalDate.of(2023, 5, 9), 70)).isEqualTo(LocalDate.of(2023, 8, 16));
    }

    @Test
    void seed000NoticeOn17October2018PutsInspectorsOnSiteFiveWorkingDaysLater() {
        assertThat(calendar.workingDaysBetween(LocalDate.of(2018, 10, 17), LocalDate.of(2018, 10, 24))).isEqualTo(5);
        assertThat(calendar.addWorkingDays(LocalDate.of(2018, 10, 17), 5)).isEqualTo(LocalDate.of(2018, 10, 24));
    }

    @Test
    void oneOffBankHolidaysAreNotWorkingDays() {
        assertThat(calendar.isWorkingDay(LocalDate.of(2022, 9, 19))).as("Queen's state funeral").isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2023, 5, 8))).as("Coronation").isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2020, 5, 8))).as("VE day, moved early May holiday").isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2020, 5, 4))).as("the usual early May Monday was a working day in 2020").isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2022, 6, 3))).as("Platinum Jubilee").isFalse();
    }

    @Test
    void weekendsAreNotWorkingDaysAndCountingOverThemSkipsThem() {
        assertThat(calendar.isWorkingDay(LocalDate.of(2024, 3, 2))).isFalse();
        assertThat(calendar.addWorkingDays(LocalDate.of(2024, 3, 1), 1)).isEqualTo(LocalDate.of(2024, 3, 4));
        assertThat(calendar.workingDaysBetween(LocalDate.of(2024, 3, 4), LocalDate.of(2024, 3, 1))).isEqualTo(-1);
        assertThat(calendar.addWorkingDays(LocalDate.of(2024, 3, 1), 0)).isEqualTo(LocalDate.of(2024, 3, 1));
    }

    @Test
    void theListCovers2013To2027() {
        assertThat(holidays.firstListedYear()).isLessThanOrEqualTo(2013);
        assertThat(holidays.lastListedYear()).isGreaterThanOrEqualTo(2027);
        for (int year = 2013; year <= 2027; year++) {
            assertThat(holidays.listedIn(year)).as("holidays in %d", year).hasSizeGreaterThanOrEqualTo(8);
        }
    }

    @Test
    void theStandingRulesReproduceEveryListedYearExceptTheProclaimedOneOffs() {
        Set<LocalDate> oneOffs = Set.of(LocalDate.of(2012, 6, 4), LocalDate.of(2012, 6, 5), LocalDate.of(2020, 5, 8),
                LocalDate.of(2022, 6, 2), LocalDate.of(2022, 6, 3), LocalDate.of(2022, 9, 19), LocalDate.of(2023, 5, 8));
        // Days the rules give that a proclamation moved: spring 2012 and 2022 (to the jubilees), early May 2020 (to VE day).
        Set<LocalDate> moved = Set.of(LocalDate.of(2012, 5, 28), LocalDate.of(2020, 5, 4), LocalDate.of(2022, 5, 30));
        for (int year = holidays.firstListedYear(); year <= holidays.lastListedYear(); year++) {
            Map<LocalDate, String> expected = new TreeMap<>(holidays.listedIn(year));
            expected.keySet().removeAll(oneOffs);
            Map<LocalDate, String> ruled = new TreeMap<>(BankHolidays.byRule(year));
            ruled.keySet().removeAll(moved);
            assertThat(ruled.keySet()).as("bank holidays in %d", year).containsExactlyElementsOf(expected.keySet());
        }
    }

    @Test
    void yearsAfterTheListFollowTheRules() {
        // 2028: Easter Sunday 16 April; Christmas on a Monday; New Year's Day on a Saturday → Monday 3 January.
        assertThat(holidays.isBankHoliday(LocalDate.of(2028, 4, 14))).isTrue();
        assertThat(holidays.isBankHoliday(LocalDate.of(2028, 4, 17))).isTrue();
        assertThat(holidays.isBankHoliday(LocalDate.of(2028, 12, 25))).isTrue();
        assertThat(holidays.isBankHoliday(LocalDate.of(2028, 12, 26))).isTrue();
        assertThat(holidays.isBankHoliday(LocalDate.of(2028, 1, 3))).isTrue();
        assertThat(holidays.isBankHoliday(LocalDate.of(2028, 5, 1))).isTrue();
        assertThat(BankHolidays.byRule(2028).keySet()).allSatisfy(d ->
                assertThat(d.getDayOfWeek()).isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY));
    }

    @Test
    void aBrokenListIsRefusedWithTheRowAndField() {
        var in = new java.io.ByteArrayInputStream("date,name\n2024-02-30,Bad day\n".getBytes());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> BankHolidays.parse(in, "holidays.csv"))
                .hasMessageContaining("holidays.csv row 2, field date");
    }
}
