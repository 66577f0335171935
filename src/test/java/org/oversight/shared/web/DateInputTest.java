package org.oversight.shared.web;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DateInputTest {

    private static DateInput date(String d, String m, String y) {
        DateInput input = new DateInput();
        input.setDay(d);
        input.setMonth(m);
        input.setYear(y);
        return input;
    }

    @Test
    void readsARealDate() {
        assertThat(date("24", "10", "2018").toDate("Date")).isEqualTo(LocalDate.of(2018, 10, 24));
        assertThat(date("", " ", null).toDate("Date")).isNull();
    }

    @Test
    void refusesAnImpossibleDateNamingIt() {
        assertThatThrownBy(() -> date("31", "2", "2024").toDate("First day on site"))
                .hasMessage("First day on site must be a real date (31/2/2024 does not exist)");
    }

    @Test
    void saysWhatIsMissing() {
        assertThatThrownBy(() -> date("31", "", "").toDate("Feedback date")).hasMessage("Feedback date must include a month and a year");
        assertThatThrownBy(() -> date("x", "1", "2024").toDate("Feedback date")).hasMessageContaining("in numbers");
        assertThatThrownBy(() -> date("1", "1", "24").toDate("Feedback date")).hasMessageContaining("4-digit year");
    }
}
