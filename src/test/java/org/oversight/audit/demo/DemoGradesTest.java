package org.oversight.audit.demo;

import java.time.LocalDate;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.oversight.audit.domain.AuditGrade;

import static org.assertj.core.api.Assertions.assertThat;

class DemoGradesTest {

    @Test
    void aQuartersAnswersHaveTheTablesShareGoodOrBetterInSeededOrder() {
        List<AuditGrade> grades = DemoGrades.grades("Pathway plans", 2, 6, new Random(1));
        assertThat(grades).hasSize(6);
        assertThat(grades.stream().filter(AuditGrade::goodOrBetter).count()).isEqualTo(4); // 67% of 6
        assertThat(DemoGrades.grades("Pathway plans", 2, 6, new Random(1))).as("deterministic").isEqualTo(grades);
        assertThat(DemoGrades.grades("Identity and history", 0, 6, new Random(1)).stream().filter(AuditGrade::goodOrBetter).count()).isEqualTo(2);
        assertThat(DemoGrades.grades("A theme of an edited form", 1, 3, new Random(1)).stream().filter(AuditGrade::goodOrBetter).count()).isEqualTo(2);
    }

    @Test
    void theOverallGradeFollowsTheAnswers() {
        assertThat(DemoGrades.overall(List.of(AuditGrade.GOOD, AuditGrade.REQUIRES_IMPROVEMENT))).isEqualTo(AuditGrade.GOOD);
        assertThat(DemoGrades.overall(List.of(AuditGrade.OUTSTANDING, AuditGrade.OUTSTANDING, AuditGrade.GOOD))).isEqualTo(AuditGrade.OUTSTANDING);
        assertThat(DemoGrades.overall(List.of(AuditGrade.GOOD, AuditGrade.REQUIRES_IMPROVEMENT, AuditGrade.INADEQUATE))).isEqualTo(AuditGrade.REQUIRES_IMPROVEMENT);
        assertThat(DemoGrades.overall(List.of(AuditGrade.INADEQUATE, AuditGrade.INADEQUATE, AuditGrade.GOOD))).isEqualTo(AuditGrade.INADEQUATE);
        assertThat(DemoGrades.oneLower(AuditGrade.GOOD)).isEqualTo(AuditGrade.REQUIRES_IMPROVEMENT);
        assertThat(DemoGrades.oneLower(AuditGrade.INADEQUATE)).isEqualTo(AuditGrade.INADEQUATE);
    }

    @Test
    void theLastThreeCompleteQuartersOldestFirst() {
        List<LocalDate[]> q = DemoAudits.lastQuarters(LocalDate.of(2026, 12, 7));
        assertThat(q).extracting(d -> d[0] + "/" + d[1]).containsExactly("2026-01-01/2026-03-31", "2026-04-01/2026-06-30", "2026-07-01/2026-09-30");
        assertThat(DemoAudits.lastQuarters(LocalDate.of(2027, 1, 1))).extracting(d -> d[1].toString())
                .containsExactly("2026-06-30", "2026-09-30", "2026-12-31");
    }
}
