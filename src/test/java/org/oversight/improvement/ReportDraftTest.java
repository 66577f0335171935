package org.oversight.improvement;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.oversight.improvement.domain.BodyKind;
import org.oversight.improvement.domain.PlanView;
import org.oversight.shared.problem.FieldProblem;

import static org.assertj.core.api.Assertions.assertThat;

class ReportDraftTest {

    private static final UUID SCRUTINY = UUID.fromString("00000000-0000-0000-0000-000000000001");
    private static final List<PlanView.Body> GOVERNANCE = List.of(new PlanView.Body(SCRUTINY, "Children's Scrutiny  Committee", BodyKind.COMMITTEE,
            List.of(LocalDate.of(2020, 4, 6), LocalDate.of(2020, 6, 24))));

    private static ReportDraft draft(List<String> meetings, List<String> other, List<ReportDraft.Consultee> consultees) {
        return new ReportDraft(meetings, other, "Subject", "Public", null, null, null, null, null, null, null, null, null, null, "No",
                consultees, null, null, null, null, null);
    }

    @Test
    void typedLinesMatchingAGovernanceMeetingBecomeItAndTheOthersAreKept() {
        var typed = ReportDraft.typedCommittees("""
                children's scrutiny committee | 06/04/2020
                Children's Scrutiny Committee | 24 June 2020
                Children's Scrutiny Committee | 2020-06-24
                Children's Scrutiny Committee | 07/04/2020
                Cabinet | 06/04/2020
                Health and Wellbeing Board
                """, GOVERNANCE);
        assertThat(typed.meetings()).containsExactly(SCRUTINY + "/2020-04-06", SCRUTINY + "/2020-06-24");
        assertThat(typed.unmatched()).containsExactly("Children's Scrutiny Committee | 07/04/2020", "Cabinet | 06/04/2020", "Health and Wellbeing Board");
        assertThat(ReportDraft.typedCommittees(null, GOVERNANCE).meetings()).isEmpty();
        assertThat(ReportDraft.typedDate("31/02/2020")).as("not a date").isNull();
    }

    @Test
    void typedConsultationLinesBecomeOfficersWithTheirTitleAsRole() {
        assertThat(ReportDraft.typedConsultations("Director of Law | No | No\n\nCabinet Member | Yes | Yes"))
                .containsExactly(new ReportDraft.Consultee(null, "Director of Law", null), new ReportDraft.Consultee(null, "Cabinet Member", null));
    }

    @Test
    void problemsNameTheFieldAndTheRow() {
        LocalDate today = LocalDate.of(2026, 12, 7);
        ReportDraft d = draft(List.of(SCRUTINY + "/2020-04-06", "elsewhere/2020-01-01"), List.of("Kept | 01/01/2020", "New | 02/02/2020"), List.of(
                new ReportDraft.Consultee("Ann", "Director", "2026-12-07"),
                new ReportDraft.Consultee(null, null, null),
                new ReportDraft.Consultee("Bo", "", "2026-02-30"),
                new ReportDraft.Consultee("", "Member", "2026-12-08")));
        List<FieldProblem> problems = d.problems(today, Set.of(SCRUTINY + "/2020-04-06"), List.of("Kept | 01/01/2020"));
        assertThat(problems).extracting(FieldProblem::field).containsExactly("meetings", "otherCommittees", "consultees[2].role",
                "consultees[2].date", "consultees[3].date");
        assertThat(problems.get(2).message()).isEqualTo("Enter the role of officer consulted 3");
        assertThat(problems.get(3).message()).contains("officer 3").contains("2026-02-30");
        assertThat(problems.get(4).message()).isEqualTo("The date officer 4 was consulted must be today or in the past");
        assertThat(d.consulted()).as("the empty row is left out of the report").hasSize(3);
    }
}
