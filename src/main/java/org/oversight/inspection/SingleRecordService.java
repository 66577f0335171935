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
import org.oversight.inspection.domain.DeadlineState;
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
    private final org.oversight.access.CurrentUser currentUser;
    private final List<DeadlineEvidence> evidence;

    SingleRecordService(LocalAuthorities localAuthorities, ActivityRepository activities, InspectionService inspections,
                        Deadlines deadlines, NextInspectionPredictor predictor, JudgementSet judgementSet,
                        org.oversight.access.CurrentUser currentUser, List<DeadlineEvidence> evidence) {
        this.currentUser = currentUser;
        this.evidence = evidence;
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

    /** A deadline with working days left (negative once past) and where it stands: met, due, overdue or not tracked. */
    public record DeadlineView(Deadline deadline, int workingDaysRemaining, DeadlineState state) {
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

    /**
     * An activity as seen today. Deadlines are the LA's own business: only its own users see them (never the public
     * record, the API's anonymous reads or another LA).
     */
    public ActivityView view(InspectionActivity activity) {
        return views(activity.laId(), List.of(activity)).getFirst();
    }

    /** Several activities of one LA as seen today, with their deadlines' states worked out together. */
    public List<ActivityView> views(UUID laId, List<InspectionActivity> list) {
        LocalDate today = inspections.today();
        boolean internal = currentUser.canSeeInternal(laId);
        Map<UUID, LocalDate> plans = internal ? DeadlineEvidence.plansMade(evidence, list.stream().map(InspectionActivity::id).toList()) : Map.of();
        LocalDate heldFrom = internal ? trackedFrom(laId) : null;
        return list.stream().map(activity -> {
            List<DeadlineView> due = !internal ? List.of() : deadlines.of(activity).stream().map(d -> new DeadlineView(d,
                    deadlines.workingDaysRemaining(today, d.due()), deadlines.state(d, today, plans.get(activity.id()), heldFrom))).toList();
            return new ActivityView(activity, activity.status(today).labelKey(), activity.era(judgementSet).orElse(null), due);
        }).toList();
    }

    /** The first day Oversight held the LA's own records: an activity recorded here, or a plan, whichever came first. */
    private LocalDate trackedFrom(UUID laId) {
        Optional<LocalDate> recorded = activities.recordedSince(laId);
        Optional<LocalDate> other = DeadlineEvidence.heldSince(evidence, laId);
        return java.util.stream.Stream.of(recorded, other).flatMap(Optional::stream).min(LocalDate::compareTo).orElse(null);
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
        List<InspectionActivity> newestFirst = new ArrayList<>(history);
        java.util.Collections.reverse(newestFirst);
        return new SingleRecord(la, views(la.id(), newestFirst), new RegisterRow(la, latest.get(la.id())),
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
