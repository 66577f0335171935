package org.oversight.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.oversight.audit.domain.AuditGrade;
import org.oversight.audit.domain.AuditTemplate;
import org.oversight.audit.domain.JudgementArea;
import org.oversight.audit.domain.Question;
import org.oversight.audit.domain.SamplingMethod;
import org.oversight.audit.domain.SamplingRule;

/** What the case-audit pages and API show. */
public final class AuditViews {

    private AuditViews() {
    }

    public enum Status { OPEN, SUBMITTED, MODERATED }

    /** Counts of grades; the share graded good or better. */
    public record GradeCounts(Map<AuditGrade, Integer> counts) {
        public static GradeCounts empty() {
            return new GradeCounts(new EnumMap<>(AuditGrade.class));
        }

        public void add(AuditGrade g) {
            if (g != null) {
                counts.merge(g, 1, Integer::sum);
            }
        }

        public int count(AuditGrade g) {
            return counts.getOrDefault(g, 0);
        }

        public int count(String g) {
            return count(AuditGrade.valueOf(g));
        }

        public int total() {
            return counts.values().stream().mapToInt(Integer::intValue).sum();
        }

        public int goodOrBetterPercent() {
            int total = total();
            return total == 0 ? 0 : (int) Math.round(100.0 * (count(AuditGrade.OUTSTANDING) + count(AuditGrade.GOOD)) / total);
        }
    }

    public record Disagreement(int moderated, int disagreed) {
        public int percent() {
            return moderated == 0 ? 0 : (int) Math.round(100.0 * disagreed / moderated);
        }
    }

    public record ProgrammeSummary(UUID id, String title, String templateName, int templateVersion, LocalDate periodStart,
                                   LocalDate periodEnd, int audits, int submitted, int moderated, Disagreement disagreement) {
    }

    public record CaseRow(UUID id, int position, String childRef, String cohort, String team, String auditor, Status status,
                          AuditGrade auditorGrade, AuditGrade moderatorGrade, AuditGrade agreedGrade) {
        /** The grade that counts: the agreed grade once moderated, else the auditor's. */
        public AuditGrade finalGrade() {
            return agreedGrade != null ? agreedGrade : auditorGrade;
        }
    }

    public record Finding(UUID id, String questionId, String text, UUID planId, UUID planItemId, String createdBy, Instant createdAt) {
    }

    /** A question of the programme's form and the grades its submitted audits gave it. */
    public record QuestionTally(Question question, GradeCounts grades, List<Finding> findings) {
    }

    public record Event(String description, String actor, Instant at) {
    }

    public record Programme(UUID id, UUID laId, int laUrn, String laName, String title, AuditTemplate template, LocalDate periodStart,
                            LocalDate periodEnd, List<String> auditors, List<String> moderators, SamplingRule rule, SamplingMethod method,
                            int sampleSize, long seed, Instant sampledAt, String sampledFrom, int population, List<CaseRow> audits,
                            List<QuestionTally> questions, List<Finding> findings, Disagreement disagreement, List<Event> history) {
        public long submittedOrModerated() {
            return audits.stream().filter(a -> a.status() != Status.OPEN).count();
        }
    }

    public record Answer(String questionId, AuditGrade grade, String evidence) {
    }

    public record CaseAudit(UUID id, UUID programmeId, String programmeTitle, UUID laId, int laUrn, String laName, int position,
                            String childRef, String cohort, String team, AuditTemplate template, String auditor, Status status,
                            Map<String, Answer> answers, AuditGrade auditorGrade, String summary, Instant submittedAt, String moderator,
                            AuditGrade moderatorGrade, AuditGrade agreedGrade, String agreedReason, Instant moderatedAt,
                            List<String> moderators) {
        public Answer answer(String questionId) {
            return answers.get(questionId);
        }
    }

    public record ThemeRow(JudgementArea area, String theme, GradeCounts grades) {
    }

    public record TeamRow(String team, GradeCounts grades) {
    }

    public record TrendRow(UUID programmeId, String title, LocalDate periodStart, LocalDate periodEnd, GradeCounts grades,
                           Disagreement disagreement) {
    }

    /** Findings of the LA's audits: never a child's reference. */
    public record RollUp(List<ThemeRow> byTheme, List<TeamRow> byTeam, GradeCounts overall, List<TrendRow> trend) {

        public record Segment(String grade, int count, int x, int width) {
        }

        public record Bar(String label, int y, List<Segment> segments) {
        }

        public record Chart(int width, int height, List<Bar> bars) {
        }

        /** Stacked horizontal bars, one per theme, the same numbers as the theme table. */
        public Chart themeChart() {
            int labelWidth = 300;
            int barWidth = 360;
            int max = byTheme.stream().mapToInt(t -> t.grades().total()).max().orElse(0);
            List<Bar> bars = new ArrayList<>();
            int y = 0;
            for (ThemeRow row : byTheme) {
                List<Segment> segments = new ArrayList<>();
                int x = labelWidth;
                for (AuditGrade g : AuditGrade.values()) {
                    int n = row.grades().count(g);
                    if (n > 0) {
                        int w = max == 0 ? 0 : Math.max(2, barWidth * n / max);
                        segments.add(new Segment(g.name(), n, x, w));
                        x += w;
                    }
                }
                bars.add(new Bar(row.theme(), y, segments));
                y += 32;
            }
            return new Chart(labelWidth + barWidth + 10, Math.max(y, 32), bars);
        }
    }
}
