package org.oversight.inspection;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.oversight.inspection.SingleRecordService.RegisterRow;
import org.oversight.inspection.domain.ActivityType;
import org.oversight.inspection.domain.Grade;
import org.oversight.inspection.domain.JudgementArea;
import org.oversight.inspection.domain.LatestJudgements;
import org.oversight.register.LocalAuthority;

import static org.assertj.core.api.Assertions.assertThat;

class RegisterOrderTest {

    private static RegisterRow row(String name, String region, Grade overall, LocalDate started) {
        LocalAuthority la = new LocalAuthority(UUID.randomUUID(), 1, "1", "E1", name, List.of(), "R", region, "T", 1, true, List.of());
        return new RegisterRow(la, started == null ? null : new LatestJudgements(UUID.randomUUID(), ActivityType.STANDARD_INSPECTION, started,
                overall == null ? Map.of() : Map.of(JudgementArea.OVERALL, overall)));
    }

    private final List<RegisterRow> rows = List.of(
            row("Camden", "London", Grade.GOOD, LocalDate.of(2023, 1, 9)),
            row("Barnsley", "Yorkshire", null, null),
            row("Bristol", "South West", Grade.INADEQUATE, LocalDate.of(2024, 6, 3)),
            row("City of London", "London", Grade.OUTSTANDING, LocalDate.of(2024, 9, 23)));

    private List<String> sorted(RegisterOrder order, boolean descending) {
        List<RegisterRow> copy = new ArrayList<>(rows);
        copy.sort(order.comparator(descending));
        return copy.stream().map(r -> r.la().name()).toList();
    }

    @Test
    void eachColumnSortsBothWaysWithMissingValuesLast() {
        assertThat(sorted(RegisterOrder.NAME, false)).containsExactly("Barnsley", "Bristol", "Camden", "City of London");
        assertThat(sorted(RegisterOrder.NAME, true)).containsExactly("City of London", "Camden", "Bristol", "Barnsley");
        assertThat(sorted(RegisterOrder.OVERALL, false)).containsExactly("City of London", "Camden", "Bristol", "Barnsley");
        assertThat(sorted(RegisterOrder.OVERALL, true)).containsExactly("Bristol", "Camden", "City of London", "Barnsley");
        assertThat(sorted(RegisterOrder.INSPECTED, false)).containsExactly("City of London", "Bristol", "Camden", "Barnsley");
        assertThat(sorted(RegisterOrder.INSPECTED, true)).containsExactly("Camden", "Bristol", "City of London", "Barnsley");
        assertThat(sorted(RegisterOrder.REGION, false)).containsExactly("Camden", "City of London", "Bristol", "Barnsley");
        assertThat(RegisterOrder.parse("nonsense")).isEqualTo(RegisterOrder.NAME);
        assertThat(RegisterOrder.parse("Overall")).isEqualTo(RegisterOrder.OVERALL);
        assertThat(RegisterOrder.find("nonsense")).isEmpty();
        assertThat(RegisterOrder.find(" ")).contains(RegisterOrder.NAME);
        assertThat(RegisterOrder.find("codes")).contains(RegisterOrder.CODES);
    }

    @Test
    void laCodesSortAsNumbers() {
        List<RegisterRow> coded = new ArrayList<>();
        for (String code : List.of("941", "201", "1000", "80")) {
            coded.add(new RegisterRow(new LocalAuthority(UUID.randomUUID(), 1, code, "E1", "LA " + code, List.of(), "R", "X", "T", 1, true, List.of()), null));
        }
        coded.sort(RegisterOrder.CODES.comparator(false));
        assertThat(coded.stream().map(r -> r.la().laCode())).containsExactly("80", "201", "941", "1000");
        coded.sort(RegisterOrder.CODES.comparator(true));
        assertThat(coded.stream().map(r -> r.la().laCode())).containsExactly("1000", "941", "201", "80");
    }
}
