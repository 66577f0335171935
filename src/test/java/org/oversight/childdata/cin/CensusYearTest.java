package org.oversight.childdata.cin;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.oversight.childdata.cin.CinCensus.Assessment;
import org.oversight.childdata.cin.CinCensus.Child;
import org.oversight.childdata.cin.CinCensus.CinDetails;
import org.oversight.childdata.cin.CinCensus.CinPlan;
import org.oversight.childdata.cin.CinCensus.ProtectionPlan;
import org.oversight.childdata.cin.CinCensus.Section47;

import static org.assertj.core.api.Assertions.assertThat;

/** Which children and modules belong in the census of a collection year, as on its reference date. */
class CensusYearTest {

    private static final CensusYear Y2026 = new CensusYear(2026);

    private static CinDate d(String date) {
        return date == null ? null : CinDate.of(LocalDate.parse(date));
    }

    private static CinDetails episode(String referral, String closure, List<Assessment> assessments, List<CinPlan> plans, List<Section47> s47s,
                                      List<ProtectionPlan> cp) {
        return new CinDetails(d(referral), "1A", "N1", d(closure), closure == null ? null : "RC1", null, "false", assessments, plans, s47s, cp, List.of());
    }

    private static Child child(String dob, CinDetails... episodes) {
        return new Child("C1", null, null, "UN1", d(dob), null, null, "F", null, "WBRI", List.of("NONE"), List.of(episodes));
    }

    @Test
    void thePeriodIsFirstAprilToThirtyFirstMarch() {
        assertThat(Y2026.start()).isEqualTo(LocalDate.of(2025, 4, 1));
        assertThat(Y2026.reference()).isEqualTo(LocalDate.of(2026, 3, 31));
        assertThat(Y2026.label()).isEqualTo("2025-26");
        assertThat(Y2026.header("201", "2026-04-10T09:00:00").referenceDate().text()).isEqualTo("2026-03-31");
    }

    @Test
    void aChildIsInWhenAnEpisodeWasOpenOnADayOfThePeriod() {
        assertThat(Y2026.scope(child("2015-01-01", episode("2024-01-10", "2025-03-31", List.of(), List.of(), List.of(), List.of()))))
                .as("closed the day before the period").isNull();
        assertThat(Y2026.scope(child("2015-01-01", episode("2026-04-01", null, List.of(), List.of(), List.of(), List.of()))))
                .as("referred the day after the reference date").isNull();
        assertThat(Y2026.scope(child("2015-01-01", episode("2024-01-10", "2025-04-01", List.of(), List.of(), List.of(), List.of()))))
                .as("closed on the first day").isNotNull();
        Child open = Y2026.scope(child("2015-01-01", episode("2026-03-31", null, List.of(), List.of(), List.of(), List.of()),
                episode("2020-01-01", "2021-01-01", List.of(), List.of(), List.of(), List.of())));
        assertThat(open.cinDetails()).as("only the episode of the year").hasSize(1);
    }

    @Test
    void whatHappenedAfterTheReferenceDateIsNotYetKnown() {
        Child c = Y2026.scope(child("2026-05-01", episode("2026-01-05", "2026-06-30",
                List.of(new Assessment(d("2026-01-06"), null, d("2026-04-20"), List.of("1A", "2B"))),
                List.of(new CinPlan(d("2026-02-01"), d("2026-05-01"))),
                List.of(new Section47(d("2026-03-25"), d("2026-04-15"), d("2026-04-14"), "false")),
                List.of(new ProtectionPlan(d("2026-03-01"), d("2026-04-02"), "PHY", "PHY", "0", List.of(d("2026-03-20"), d("2026-04-01")))))));
        CinDetails e = c.cinDetails().getFirst();
        assertThat(e.closureDate()).isNull();
        assertThat(e.reasonForClosure()).isNull();
        assertThat(e.assessments().getFirst().authorisationDate()).isNull();
        assertThat(e.assessments().getFirst().factors()).as("rule 8614: no factors before authorisation").isEmpty();
        assertThat(e.cinPlans().getFirst().endDate()).isNull();
        assertThat(e.section47s().getFirst().dateOfInitialCpc()).isNull();
        assertThat(e.section47s().getFirst().initialCpcTarget()).isEqualTo(d("2026-04-15"));
        assertThat(e.protectionPlans().getFirst().endDate()).isNull();
        assertThat(e.protectionPlans().getFirst().reviewDates()).containsExactly(d("2026-03-20"));
        assertThat(c.personBirthDate()).as("unborn on the reference date").isNull();
        assertThat(c.expectedPersonBirthDate()).isEqualTo(d("2026-05-01"));
        assertThat(c.sex()).isEqualTo("U");
    }

    @Test
    void modulesThatEndedBeforeThePeriodAreLeftOut() {
        Child c = Y2026.scope(child("2015-01-01", episode("2024-06-01", null,
                List.of(new Assessment(d("2024-06-02"), null, d("2024-07-01"), List.of("1A")), new Assessment(d("2025-05-01"), null, null, List.of())),
                List.of(new CinPlan(d("2024-07-05"), d("2025-03-01")), new CinPlan(d("2025-03-02"), null)),
                List.of(new Section47(d("2024-06-03"), d("2024-06-20"), d("2024-06-19"), "false"), new Section47(d("2025-03-20"), d("2025-04-10"),
                        d("2025-04-09"), "false")),
                List.of(new ProtectionPlan(d("2024-06-19"), d("2025-02-01"), "NEG", "NEG", "0", List.of())))));
        CinDetails e = c.cinDetails().getFirst();
        assertThat(e.assessments()).extracting(Assessment::actualStartDate).containsExactly(d("2025-05-01"));
        assertThat(e.cinPlans()).extracting(CinPlan::startDate).containsExactly(d("2025-03-02"));
        assertThat(e.section47s()).as("rule 8715: a conference in the year, or none before it").extracting(Section47::actualStartDate)
                .containsExactly(d("2025-03-20"));
        assertThat(e.protectionPlans()).isEmpty();
    }
}
