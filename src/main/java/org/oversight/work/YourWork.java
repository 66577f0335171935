package org.oversight.work;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.oversight.access.CurrentUser;
import org.oversight.access.InspectorGrants;
import org.oversight.access.OversightUser;
import org.oversight.access.Role;
import org.oversight.compliance.ComplianceMeasures;
import org.oversight.compliance.ComplianceFigures;
import org.oversight.compliance.ComplianceService;
import org.oversight.improvement.WorkItems;
import org.oversight.inspection.InspectionService;
import org.oversight.inspection.SingleRecordService;
import org.oversight.inspection.SingleRecordService.ActivityView;
import org.oversight.inspection.SingleRecordService.DeadlineView;
import org.oversight.inspection.domain.DeadlineRules;
import org.oversight.inspection.domain.InspectionActivity;
import org.oversight.register.LocalAuthorities;
import org.oversight.register.LocalAuthority;
import org.oversight.shared.calendar.WorkingDayCalendar;
import org.oversight.voice.VoiceService;
import org.oversight.voice.VoiceViews;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Gathers each role's work from the modules that hold it, always through their own access checks. An LA's work is read
 * in one read-only transaction that each module's read joins: one connection and one tenant scope for the page, and the
 * parts as of one moment (issue 15: each module taking its own connection and transaction was a good part of the page's
 * cost). The view records are public so that the page's expressions can be compiled.
 */
@Service
class YourWork {

    /** A deadline of one of the LA's activities that is still open (due or overdue). */
    public record OpenDeadline(InspectionActivity activity, DeadlineView deadline) {
    }

    /** One compliance headline: the percentage within timescale now, and at the import before (null when none). */
    public record Headline(ComplianceMeasures.Key key, BigDecimal percent, LocalDate asOf, Integer previous) {
        public String trend() {
            if (previous == null || percent == null) {
                return null;
            }
            int now = percent.setScale(0, java.math.RoundingMode.HALF_UP).intValue();
            return now > previous ? "UP" : now < previous ? "DOWN" : "SAME";
        }
    }

    /** What an LA's own person has to do. Lists are empty (never null) where their role does not see that part. */
    public record LaWork(LocalAuthority la, Optional<InspectionBanner> banner, List<OpenDeadline> deadlines, List<VoiceViews.Alert> alerts,
                  WorkItems.Work plans, List<Headline> compliance, boolean complianceHeld, List<Headline> frontDoor, List<ActivityView> recent) {
    }

    private static final List<ComplianceMeasures.Key> HEADLINES = List.of(ComplianceMeasures.Key.REVIEWS_ON_TIME,
            ComplianceMeasures.Key.VISITS_ON_TIME, ComplianceMeasures.Key.CARE_LEAVERS_IN_TOUCH);
    /** Help and protection: the front door over the 12 months to the whole-journey data. */
    private static final List<ComplianceMeasures.Key> FRONT_DOOR = List.of(ComplianceMeasures.Key.ASSESSMENTS_IN_TIME,
            ComplianceMeasures.Key.RE_REFERRALS, ComplianceMeasures.Key.STEP_DOWN_EARLY_HELP_STARTED);

    private final CurrentUser currentUser;
    private final LocalAuthorities localAuthorities;
    private final InspectionService inspections;
    private final SingleRecordService records;
    private final WorkItems workItems;
    private final VoiceService voice;
    private final ComplianceMeasures measures;
    private final ComplianceFigures compliance;
    private final InspectorGrants grants;
    private final WorkingDayCalendar calendar;
    private final DeadlineRules deadlineRules;
    private final TransactionTemplate read;

    YourWork(CurrentUser currentUser, LocalAuthorities localAuthorities, InspectionService inspections, SingleRecordService records,
             WorkItems workItems, VoiceService voice, ComplianceMeasures measures, ComplianceFigures compliance,
             InspectorGrants grants, WorkingDayCalendar calendar, DeadlineRules deadlineRules, PlatformTransactionManager transactions) {
        this.currentUser = currentUser;
        this.localAuthorities = localAuthorities;
        this.inspections = inspections;
        this.records = records;
        this.workItems = workItems;
        this.voice = voice;
        this.measures = measures;
        this.compliance = compliance;
        this.grants = grants;
        this.calendar = calendar;
        this.deadlineRules = deadlineRules;
        this.read = new TransactionTemplate(transactions);
        this.read.setReadOnly(true);
        // what the stored figures' own reads ask for: the snapshots, the rules and the figures as of one moment
        this.read.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    }

    /** An LA's own person's work, read in one transaction. */
    LaWork la(OversightUser user) {
        return read.execute(s -> readLa(user));
    }

    private LaWork readLa(OversightUser user) {
        LocalAuthority la = localAuthorities.get(user.laUrn());
        LocalDate today = inspections.today();
        List<InspectionActivity> activities = inspections.visibleActivities(la.id());
        List<ActivityView> views = records.views(la.id(), activities);
        Optional<InspectionBanner> banner = InspectionBanner.of(activities, today, calendar, a -> deadlineRules.noticeFor(a.type()));
        List<OpenDeadline> open = new ArrayList<>();
        for (ActivityView v : views) {
            v.deadlines().stream().filter(d -> d.state().open()).forEach(d -> open.add(new OpenDeadline(v.activity(), d)));
        }
        open.sort(Comparator.comparing(d -> d.deadline().deadline().due()));
        boolean editor = user.role() == Role.LA_MANAGER || user.role() == Role.LA_STAFF;
        List<VoiceViews.Alert> alerts = editor ? voice.openAlerts(la.id()) : List.of();
        WorkItems.Work plans = workItems.of(la.urn(), la.id());
        List<Headline> headlines = new ArrayList<>();
        Integer previousReviews = null;
        if (editor) {
            List<ComplianceService.TrendPoint> trend = compliance.trend(la.id()); // newest first, as stored
            int current = -1;
            for (int i = 0; i < trend.size(); i++) {
                if (trend.get(i).current()) {
                    current = i;
                }
            }
            if (current >= 0 && current + 1 < trend.size()) {
                previousReviews = trend.get(current + 1).reviewsPercent();
            }
        }
        // every headline from one read of the stored figures of each kind
        java.util.Map<ComplianceMeasures.Key, ComplianceMeasures.Value> values = measures.current(la.id(),
                java.util.stream.Stream.concat(HEADLINES.stream(), FRONT_DOOR.stream()).toList());
        boolean held = false;
        for (ComplianceMeasures.Key key : HEADLINES) {
            ComplianceMeasures.Value value = values.get(key);
            if (value != null) {
                held = true;
                headlines.add(new Headline(key, value.percent(), value.asOf(), key == ComplianceMeasures.Key.REVIEWS_ON_TIME ? previousReviews : null));
            }
        }
        List<Headline> frontDoor = new ArrayList<>();
        for (ComplianceMeasures.Key key : FRONT_DOOR) {
            ComplianceMeasures.Value v = values.get(key);
            if (v != null) {
                frontDoor.add(new Headline(key, v.percent(), v.asOf(), null));
            }
        }
        List<ActivityView> recent = new ArrayList<>(views);
        recent.sort(Comparator.comparing((ActivityView v) -> sortDate(v.activity()), Comparator.nullsLast(Comparator.reverseOrder())));
        return new LaWork(la, banner, open, alerts, plans, headlines, held, frontDoor, recent.subList(0, Math.min(3, recent.size())));
    }

    private static LocalDate sortDate(InspectionActivity a) {
        return a.startDate() != null ? a.startDate() : a.notificationDate() != null ? a.notificationDate() : a.publicationDate();
    }

    List<InspectorGrants.MyGrant> inspector(OversightUser user) {
        return grants.mine(user.id());
    }

    LocalDate today() {
        return inspections.today();
    }

    boolean signedIn() {
        return currentUser.signedIn();
    }
}
