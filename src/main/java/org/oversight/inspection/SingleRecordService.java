package org.oversight.inspection;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.oversight.inspection.domain.Deadline;
import org.oversight.inspection.domain.Deadlines;
import org.oversight.inspection.domain.Grade;
import org.oversight.inspection.domain.InspectionActivity;
import org.oversight.inspection.domain.JudgementArea;
import org.oversight.inspection.domain.JudgementEra;
import org.oversight.inspection.domain.JudgementSet;
import org.oversight.inspection.domain.NextInspection;
import org.oversight.inspection.domain.NextInspectionPredictor;
import org.oversight.inspection.persistence.ActivityRepository;
import org.oversight.inspection.domain.LatestJudgements;
import org.oversight.register.LocalAuthorities;
import org.oversight.register.LocalAuthority;
import org.oversight.register.Region;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads for the register list and an LA's single record: the same answers for the pages and the API. */
@Service
@Transactional(readOnly = true)
public class SingleRecordService {

    private final LocalAuthorities localAuthorities;
    private final ActivityRepository activities;
    private final InspectionService inspections;
    private final Deadlines deadlines;
    private final NextInspectionPredictor predictor;
    private final JudgementSet judgementSet;

    SingleRecordService(LocalAuthorities localAuthorities, ActivityRepository activities, InspectionService inspections,
                        Deadlines deadlines, NextInspectionPredictor predictor, JudgementSet judgementSet) {
        this.localAuthorities = localAuthorities;
        this.activities = activities;
        this.inspections = inspections;
        this.deadlines = deadlines;
        this.predictor = predictor;
        this.judgementSet = judgementSet;
    }

    /** One row of the register: an LA and its latest published judgements. */
    public record RegisterRow(LocalAuthority la, LatestJudgements latest) {
        public Grade overall() {
            return latest == null ? null : latest.grades().get(JudgementArea.OVERALL);
        }

        public Grade grade(JudgementArea area) {
            return latest == null ? null : latest.grades().get(area);
        }
    }

    /** Filters of the register list: free text on name, code or URN; region code; latest overall grade or "NONE". */
    public record RegisterFilter(String query, String region, String judgement) {
        boolean matches(RegisterRow row) {
            if (query != null && !query.isBlank()) {
                String q = query.trim().toLowerCase(Locale.UK);
                LocalAuthority la = row.la();
                boolean hit = la.name().toLowerCase(Locale.UK).contains(q) || la.laCode().equals(q)
                        || String.valueOf(la.urn()).equals(q) || q.equalsIgnoreCase(la.laCodeNew())
                        || la.alsoKnownAs().stream().anyMatch(a -> a.toLowerCase(Locale.UK).contains(q));
                if (!hit) {
                    return false;
                }
            }
            if (region != null && !region.isBlank() && !region.equals(row.la().regionCode())) {
                return false;
            }
            if (judgement != null && !judgement.isBlank()) {
                if (judgement.equals("NONE")) {
                    return row.overall() == null;
                }
                return row.overall() != null && row.overall().name().equals(judgement);
            }
            return true;
        }
    }

    public List<RegisterRow> register(RegisterFilter filter) {
        Map<UUID, LatestJudgements> latest = activities.latestPublishedJudgements(inspections.today());
        return localAuthorities.allActive().stream().map(la -> new RegisterRow(la, latest.get(la.id())))
                .filter(filter::matches).toList();
    }

    public List<Region> regions() {
        return localAuthorities.regions();
    }

    /** An activity with its status, era and deadlines, as seen today. */
    public record ActivityView(InspectionActivity activity, String status, JudgementEra era, List<DeadlineView> deadlines) {
    }

    /** A deadline with working days left (negative once overdue). */
    public record DeadlineView(Deadline deadline, int workingDaysRemaining) {
    }

    /** How many LAs in a group have each grade for one judgement area. */
    public record Distribution(String label, JudgementArea area, Map<Grade, Integer> counts, int withoutGrade) {
        public int count(Grade grade) {
            return counts.getOrDefault(grade, 0);
        }
    }

    public record SingleRecord(LocalAuthority la, List<ActivityView> activities, RegisterRow latest,
                               List<RegisterRow> neighbours, List<Distribution> region, List<Distribution> england,
                               Optional<NextInspection> next) {
    }

    public ActivityView view(InspectionActivity activity) {
        LocalDate today = inspections.today();
        List<DeadlineView> due = deadlines.of(activity).stream()
                .map(d -> new DeadlineView(d, deadlines.workingDaysRemaining(today, d.due()))).toList();
        return new ActivityView(activity, activity.status(today).labelKey(), activity.era(judgementSet).orElse(null), due);
    }

    /** One LA and its latest published judgements, without the rest of its single record. */
    public RegisterRow registerRow(int urn) {
        LocalAuthority la = inspections.localAuthority(urn);
        return new RegisterRow(la, activities.latestPublishedJudgements(inspections.today()).get(la.id()));
    }

    public SingleRecord singleRecord(int urn) {
        LocalAuthority la = inspections.localAuthority(urn);
        LocalDate today = inspections.today();
        List<InspectionActivity> history = inspections.visibleActivities(la.id());
        Map<UUID, LatestJudgements> latest = activities.latestPublishedJudgements(today);
        List<LocalAuthority> all = localAuthorities.allActive();
        Map<UUID, LocalAuthority> byId = all.stream().collect(java.util.stream.Collectors.toMap(LocalAuthority::id, x -> x));
        List<RegisterRow> neighbours = la.statisticalNeighbours().stream()
                .map(n -> new RegisterRow(byId.containsKey(n.id()) ? byId.get(n.id()) : localAuthorities.findById(n.id()).orElseThrow(),
                        latest.get(n.id())))
                .toList();
        List<Distribution> region = distribution(all.stream().filter(x -> x.regionCode().equals(la.regionCode())).toList(), latest);
        List<Distribution> england = distribution(all, latest);
        // Predict from everything recorded (published or not) only for the LA's own users; others see the published picture.
        Optional<NextInspection> next = predictor.predict(history, today);
        return new SingleRecord(la, history.stream().map(this::view).toList(), new RegisterRow(la, latest.get(la.id())),
                neighbours, region, england, next);
    }

    private static List<Distribution> distribution(List<LocalAuthority> group, Map<UUID, LatestJudgements> latest) {
        List<Distribution> result = new ArrayList<>();
        for (JudgementArea area : JudgementArea.values()) {
            Map<Grade, Integer> counts = new EnumMap<>(Grade.class);
            int without = 0;
            for (LocalAuthority la : group) {
                LatestJudgements l = latest.get(la.id());
                Grade g = l == null ? null : l.grades().get(area);
                if (g == null) {
                    without++;
                } else {
                    counts.merge(g, 1, Integer::sum);
                }
            }
            result.add(new Distribution(area.name(), area, counts, without));
        }
        return result;
    }
}
