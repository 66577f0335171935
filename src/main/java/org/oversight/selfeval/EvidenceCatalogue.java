package org.oversight.selfeval;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.oversight.audit.AuditFigures;
import org.oversight.compliance.ComplianceMeasures;
import org.oversight.improvement.PlanFigures;
import org.oversight.inspection.InspectionService;
import org.oversight.inspection.domain.Finding;
import org.oversight.inspection.domain.Grade;
import org.oversight.inspection.domain.InspectionActivity;
import org.oversight.inspection.domain.JudgementArea;
import org.oversight.voice.VoiceService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.oversight.access.CurrentUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Everything Oversight holds that a self-evaluation may cite, for one LA, as it stands today: compliance with statutory
 * timescales ({@code ComplianceMeasures}), case-audit findings by theme ({@code AuditFigures}), young people's ratings
 * by theme ({@code VoiceService#datedRatings}), both by quarter with their trend ({@link PeriodShares}), plan actions
 * with their distance to target and each plan's actions complete, on track and overdue, against their progress
 * history ({@code PlanFigures}, {@link PlanProgress}), and the
 * judgements and findings of the last inspection and the visits since ({@code InspectionService}). Each source is read
 * under its own access rule: what the person may not see is not offered.
 */
@Service
public class EvidenceCatalogue {

    private static final Map<ComplianceMeasures.Key, Area> COMPLIANCE_AREA = Map.of(
            ComplianceMeasures.Key.REVIEWS_ON_TIME, Area.IN_CARE,
            ComplianceMeasures.Key.VISITS_ON_TIME, Area.IN_CARE,
            ComplianceMeasures.Key.HEALTH_ASSESSMENTS_ON_TIME, Area.IN_CARE,
            ComplianceMeasures.Key.PATHWAY_REVIEWS_ON_TIME, Area.CARE_LEAVERS,
            ComplianceMeasures.Key.CARE_LEAVERS_IN_TOUCH, Area.CARE_LEAVERS);

    /** How many earlier figures a trend shows beside today's (the previous year and the one before). */
    static final int TREND_POINTS = 2;

    /** A young person's rating (1 to 5) counted as positive. */
    static final int POSITIVE_RATING = 4;

    private final ComplianceMeasures compliance;
    private final AuditFigures audits;
    private final VoiceService voice;
    private final PlanFigures plans;
    private final InspectionService inspections;
    private final org.oversight.inspection.SingleRecordService singleRecords;
    private final org.oversight.register.LocalAuthorities localAuthorities;
    private final MessageSource messages;
    private final Clock clock;
    private final EvidenceRating rating;
    private final CurrentUser currentUser;
    private final int fewestItems;

    EvidenceCatalogue(ComplianceMeasures compliance, AuditFigures audits, VoiceService voice, PlanFigures plans, InspectionService inspections,
                      org.oversight.inspection.SingleRecordService singleRecords, org.oversight.register.LocalAuthorities localAuthorities,
                      MessageSource messages, Clock clock, CurrentUser currentUser,
                      @Value("${oversight.selfeval.rating.red-below:75}") BigDecimal redBelow,
                      @Value("${oversight.selfeval.rating.amber-below:90}") BigDecimal amberBelow,
                      @Value("${oversight.selfeval.trend.fewest-items:5}") int fewestItems) {
        this.compliance = compliance;
        this.audits = audits;
        this.voice = voice;
        this.plans = plans;
        this.inspections = inspections;
        this.singleRecords = singleRecords;
        this.localAuthorities = localAuthorities;
        this.messages = messages;
        this.clock = clock;
        this.rating = new EvidenceRating(redBelow, amberBelow);
        this.currentUser = currentUser;
        if (fewestItems < 1) {
            throw new IllegalArgumentException("oversight.selfeval.trend.fewest-items must be at least 1, not " + fewestItems);
        }
        this.fewestItems = fewestItems;
    }

    public EvidenceRating rating() {
        return rating;
    }

    /** All the LA's evidence, by key, in the order it is offered (figures first, then findings). */
    @Transactional(readOnly = true)
    public Map<String, Evidence> of(UUID laId) {
        Map<String, Evidence> out = new LinkedHashMap<>();
        LocalDate today = LocalDate.now(clock);
        Map<ComplianceMeasures.Key, List<ComplianceMeasures.Value>> earlier = compliance.earlier(laId, TREND_POINTS);
        Map<ComplianceMeasures.Key, ComplianceMeasures.Value> current = compliance.current(laId, List.of(ComplianceMeasures.Key.values()));
        for (ComplianceMeasures.Key key : ComplianceMeasures.Key.values()) {
            Optional.ofNullable(current.get(key)).ifPresent(v -> {
                List<Trend.Point> trend = earlier.getOrDefault(key, List.of()).stream()
                        .map(e -> new Trend.Point(e.asOf(), e.percent())).toList();
                put(out, new Evidence("compliance:" + key.name(), Evidence.Kind.COMPLIANCE,
                        EnumSet.of(key.helpAndProtection() ? Area.HELP_AND_PROTECTION : COMPLIANCE_AREA.get(key)), msg("selfeval.evidence.compliance." + key.name()),
                        percent(v.percent()), v.percent(), v.asOf(), msg(key.helpAndProtection() ? "selfeval.source.protection" : "selfeval.source.compliance"),
                        key.higherIsBetter() ? rating.percent(v.percent()) : null, "", key.helpAndProtection() ? "/local-authorities/{urn}/help-and-protection" : "/local-authorities/{urn}/compliance",
                        trend, trendText(v.percent(), trend, key.higherIsBetter()), complianceBenchmarks()));
            });
        }
        auditEvidence(laId, out);
        // Young people's views are read by the LA's managers (and councillors): staff draft without them. Checked first,
        // so no refusal marks this read's transaction.
        if (currentUser.canManage(laId)) {
            voiceEvidence(laId, out);
        }
        Map<UUID, PlanProgress.Action> histories = new LinkedHashMap<>();
        Map<UUID, List<PlanFigures.ActionHistory>> byPlan = new LinkedHashMap<>();
        for (PlanFigures.ActionHistory h : plans.actionHistories(laId)) {
            histories.put(h.actionId(), action(h));
            byPlan.computeIfAbsent(h.planId(), k -> new ArrayList<>()).add(h);
        }
        for (PlanFigures.ActionFigure a : plans.measuredActions(laId)) {
            BigDecimal shown = a.current() != null ? a.current() : a.baseline();
            LocalDate asOf = a.measuredOn() != null ? a.measuredOn() : today;
            PlanProgress.Action history = histories.get(a.actionId());
            List<Trend.Point> trend = history == null ? List.of() : measureTrend(history, a.current() == null ? null : asOf);
            boolean higherIsBetter = a.target().compareTo(a.baseline()) > 0;
            String detail = msg("selfeval.evidence.plan.detail", number(a.target()), number(a.distanceToTarget()), a.description());
            if (!trend.isEmpty()) {
                Trend.Point before = trend.getFirst();
                detail += " " + msg("selfeval.evidence.plan.detail.was", number(a.target().subtract(before.value()).abs()), long_(before.asOf()));
            }
            String unit = a.measureName().contains("%") ? "selfeval.trend.points" : "selfeval.trend.plain";
            put(out, new Evidence("action:" + a.actionId(), Evidence.Kind.PLAN, EnumSet.allOf(Area.class), a.measureName(),
                    number(shown) + (a.current() == null ? " " + msg("selfeval.evidence.plan.baseline") : ""), shown,
                    asOf, msg("selfeval.source.plan", a.planTitle()), rating.rag(a.rag()), detail, "/plans/" + a.planId(),
                    trend, a.current() == null ? msg("selfeval.trend.none") : trendText(shown, trend, higherIsBetter, unit), unpublished("plan")));
        }
        for (List<PlanFigures.ActionHistory> plan : byPlan.values()) {
            planCounts(plan, histories, today, out);
        }
        inspectionEvidence(laId, out);
        return out;
    }

    /** One piece of the LA's evidence by key, as it stands today. */
    @Transactional(readOnly = true)
    public Optional<Evidence> find(UUID laId, String key) {
        return Optional.ofNullable(of(laId).get(key));
    }

    /** The evidence offered for one area. */
    public List<Evidence> forArea(Map<String, Evidence> all, Area area) {
        return all.values().stream().filter(e -> e.offeredFor(area)).toList();
    }

    /**
     * Where a key not among the LA's evidence comes from, when that can be told: the name of the LA whose inspection
     * it is (inspections are public), else empty.
     */
    @Transactional(readOnly = true)
    public Optional<String> ownerOfInspectionEvidence(String key) {
        String[] parts = key.split(":");
        if (parts.length < 2 || !(parts[0].equals("judgement") || parts[0].equals("finding"))) {
            return Optional.empty();
        }
        try {
            UUID id = UUID.fromString(parts[1]);
            if (parts[0].equals("judgement")) {
                return inspections.publishedActivityLa(id);
            }
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private void inspectionEvidence(UUID laId, Map<String, Evidence> out) {
        List<InspectionActivity> activities = inspections.visibleActivities(laId).stream()
                .filter(a -> a.startDate() != null && a.type().published())
                .sorted(Comparator.comparing(InspectionActivity::startDate).reversed()).toList();
        InspectionActivity last = activities.stream().filter(a -> a.type().graded() && !a.judgements().isEmpty()).findFirst().orElse(null);
        List<InspectionActivity> shown = new ArrayList<>();
        for (InspectionActivity a : activities) {
            if (last != null && a.startDate().isBefore(last.startDate())) {
                break;
            }
            shown.add(a);
        }
        // Only the last graded inspection's judgements are compared with the neighbours' and England's latest (all public).
        org.oversight.inspection.SingleRecordService.SingleRecord record = shown.stream().anyMatch(a -> !a.judgements().isEmpty())
                ? localAuthorities.findById(laId).map(la -> singleRecords.singleRecord(la.urn())).orElse(null) : null;
        for (InspectionActivity a : shown) {
            LocalDate asOf = a.publicationDate() != null ? a.publicationDate() : a.endDate() != null ? a.endDate() : a.startDate();
            String source = msg("selfeval.source.inspection", msg("selfeval.activity." + a.type().name()), long_(a.startDate()));
            for (Map.Entry<JudgementArea, Grade> j : a.judgements().entrySet()) {
                if (j.getValue() == null) {
                    continue;
                }
                Set<Area> areas = switch (j.getKey()) {
                    case OVERALL, LEADERS -> EnumSet.of(Area.LEADERS);
                    case HELP_AND_PROTECTION -> EnumSet.of(Area.HELP_AND_PROTECTION);
                    case IN_CARE -> EnumSet.of(Area.IN_CARE);
                    case CARE_LEAVERS -> EnumSet.of(Area.CARE_LEAVERS);
                };
                if (j.getKey() == JudgementArea.IN_CARE && !a.judgements().containsKey(JudgementArea.CARE_LEAVERS)) {
                    areas = EnumSet.of(Area.IN_CARE, Area.CARE_LEAVERS); // the combined judgement before 2023
                }
                put(out, new Evidence("judgement:" + a.id() + ":" + j.getKey().name(), Evidence.Kind.JUDGEMENT, areas,
                        msg("selfeval.evidence.judgement." + j.getKey().name()), msg(j.getValue().labelKey()), null, asOf, source,
                        rating.grade(j.getValue().name()), "", "/activities/" + a.id(), List.of(), "",
                        a == last && record != null ? judgementBenchmarks(record, j.getKey()) : List.of()));
            }
            for (Finding f : a.findings()) {
                put(out, new Evidence("finding:" + f.id(), Evidence.Kind.FINDING, EnumSet.allOf(Area.class),
                        msg("selfeval.evidence.finding." + f.kind().name()), f.text(), null, asOf, source, null, "", "/activities/" + a.id()));
            }
        }
    }

    /**
     * The move since the newest earlier figure in words, or "No earlier figure held". Shared with the documents, which
     * word a frozen citation's trend the same way.
     */
    String trendText(BigDecimal now, List<Trend.Point> trend, Boolean higherIsBetter) {
        return trendText(now, trend, higherIsBetter, "selfeval.trend.points");
    }

    private String trendText(BigDecimal now, List<Trend.Point> trend, Boolean higherIsBetter, String unit) {
        return Trend.of(now, trend, higherIsBetter).map(t -> t.words(messages, unit)).orElse(msg("selfeval.trend.none"));
    }

    /**
     * Each audit theme's share of answers graded good or better in the newest quarter with submitted audits (by the end
     * of the programme's period), against up to two earlier quarters; a quarter with fewer audits than the threshold is
     * said to have too few rather than given a percentage.
     */
    private void auditEvidence(UUID laId, Map<String, Evidence> out) {
        Map<String, List<PeriodShares.Answer>> byTheme = new LinkedHashMap<>();
        for (AuditFigures.DatedAnswer a : audits.datedAnswers(laId)) {
            byTheme.computeIfAbsent(a.area() + ":" + a.theme(), k -> new ArrayList<>())
                    .add(new PeriodShares.Answer(a.periodEnd(), a.auditId().toString(), a.goodOrBetter()));
        }
        for (AuditFigures.ThemeFigure t : audits.themes(laId)) {
            Optional<Area> area = Area.ofAuditArea(t.area());
            PeriodShares.Shares shares = PeriodShares.of(byTheme.getOrDefault(t.area() + ":" + t.theme(), List.of()), fewestItems);
            if (area.isEmpty() || shares == null) {
                continue;
            }
            put(out, shareEvidence("audit:" + t.area() + ":" + t.theme(), Evidence.Kind.AUDIT, EnumSet.of(area.get()),
                    msg("selfeval.evidence.audit", t.theme()), shares, "audit", msg("selfeval.source.audit"), "/local-authorities/{urn}/audits/roll-up"));
        }
    }

    /** Each rated theme's share of young people's ratings of 4 or 5 (out of 5), by quarter as the audits are. */
    private void voiceEvidence(UUID laId, Map<String, Evidence> out) {
        Map<String, List<PeriodShares.Answer>> byTheme = new LinkedHashMap<>();
        for (VoiceService.DatedRating r : voice.datedRatings(laId)) {
            byTheme.computeIfAbsent(r.theme(), k -> new ArrayList<>()).add(new PeriodShares.Answer(r.on(), r.id(), r.rating() >= POSITIVE_RATING));
        }
        for (Map.Entry<String, List<PeriodShares.Answer>> theme : byTheme.entrySet()) {
            PeriodShares.Shares shares = PeriodShares.of(theme.getValue(), fewestItems);
            put(out, shareEvidence("voice:" + theme.getKey(), Evidence.Kind.VOICE, EnumSet.of(Area.IN_CARE, Area.CARE_LEAVERS),
                    msg("selfeval.evidence.voice", msg("voice.theme." + theme.getKey())), shares, "voice", msg("selfeval.source.voice"),
                    "/local-authorities/{urn}/young-peoples-views"));
        }
    }

    /**
     * A share by quarter as evidence: the newest quarter's percentage (or "too few" when thin), its counts, and the move
     * since the newest earlier quarter with enough items, in words.
     */
    Evidence shareEvidence(String key, Evidence.Kind kind, Set<Area> areas, String label, PeriodShares.Shares shares, String what,
                                   String source, String link) {
        PeriodShares.Period newest = shares.newest();
        // A quarter not yet over describes the days to today.
        LocalDate today = LocalDate.now(clock);
        LocalDate asOf = newest.end().isAfter(today) ? today : newest.end();
        String quarter = long_(newest.end());
        String detail = msg("selfeval.evidence." + what + ".detail", newest.positive(), newest.answers(), newest.items(), quarter);
        if (shares.thin()) {
            return new Evidence(key, kind, areas, label, msg("selfeval.evidence." + what + ".thin", newest.items(), quarter, fewestItems), null,
                    asOf, source, null, detail, link, List.of(), msg("selfeval.trend.thin." + what, fewestItems), unpublished(what));
        }
        BigDecimal p = newest.percent();
        List<Trend.Point> points = shares.points();
        String words;
        if (shares.earlier().isEmpty()) {
            words = msg("selfeval.trend.none");
        } else if (points.isEmpty()) {
            words = msg("selfeval.trend.thinEarlier." + what, fewestItems);
        } else {
            words = trendText(p, points, true);
            List<PeriodShares.Period> skipped = shares.thinEarlier().stream().filter(e -> e.end().isAfter(points.getFirst().asOf())).toList();
            if (!skipped.isEmpty()) {
                words += msg("selfeval.trend.skipped." + what, long_(skipped.getFirst().end()), fewestItems);
            }
        }
        return new Evidence(key, kind, areas, label, percent(p), p, asOf, source, rating.percent(p), detail, link, points, words, unpublished(what));
    }

    private static PlanProgress.Action action(PlanFigures.ActionHistory h) {
        return new PlanProgress.Action(h.added(), h.dueDate(), h.status(), h.baseline(),
                h.updates().stream().map(u -> new PlanProgress.Update(u.on(), u.status(), u.value())).toList());
    }

    /**
     * A measure's earlier values, newest first (at most {@link #TREND_POINTS}): those its progress updates recorded before
     * the current one's date, then the baseline at the action's start. None while it has no value beyond its baseline.
     */
    static List<Trend.Point> measureTrend(PlanProgress.Action history, LocalDate currentOn) {
        if (currentOn == null) {
            return List.of();
        }
        List<Trend.Point> out = new ArrayList<>(history.valuesBefore(currentOn));
        LocalDate start = history.since();
        if (history.baseline() != null && start.isBefore(currentOn) && (out.isEmpty() || out.getLast().asOf().isAfter(start))) {
            out.add(new Trend.Point(start, history.baseline()));
        }
        return out.subList(0, Math.min(out.size(), TREND_POINTS));
    }

    /**
     * A plan's actions complete, on track and overdue today, each against the counts at the ends of the two quarters
     * before this one, from the progress history; "Trend not kept" when the statuses at an earlier date are not held.
     */
    private void planCounts(List<PlanFigures.ActionHistory> plan, Map<UUID, PlanProgress.Action> histories, LocalDate today,
                            Map<String, Evidence> out) {
        PlanFigures.ActionHistory first = plan.getFirst();
        List<PlanProgress.Action> actions = plan.stream().map(h -> histories.get(h.actionId())).toList();
        PlanProgress.Counts now = PlanProgress.countsAt(actions, today);
        List<PlanProgress.Counts> earlier = PlanProgress.earlierQuarterEnds(today, TREND_POINTS).stream()
                .map(d -> PlanProgress.countsAt(actions, d)).filter(c -> c.actions() > 0).toList();
        for (PlanProgress.Count which : PlanProgress.Count.values()) {
            int n = now.count(which);
            List<Trend.Point> trend = new ArrayList<>();
            for (PlanProgress.Counts c : earlier) {
                if (!c.kept()) {
                    break;
                }
                trend.add(new Trend.Point(c.on(), BigDecimal.valueOf(c.count(which))));
            }
            String words = !earlier.isEmpty() && !earlier.getFirst().kept()
                    ? msg("selfeval.trend.notKept.plan", earlier.getFirst().unknown(), long_(earlier.getFirst().on()))
                    : trendText(BigDecimal.valueOf(n), trend, which.higherIsBetter(), "selfeval.trend.actions");
            Rating r = which == PlanProgress.Count.OVERDUE ? (n > 0 ? Rating.RED : Rating.GREEN) : null;
            put(out, new Evidence("plan:" + first.planId() + ":" + which.name(), Evidence.Kind.PLAN, EnumSet.allOf(Area.class),
                    msg("selfeval.evidence.plan.count." + which.name(), first.planTitle()), msg("selfeval.evidence.plan.count.value", n, now.actions()),
                    BigDecimal.valueOf(n), today, msg("selfeval.source.plan", first.planTitle()), r,
                    msg("selfeval.evidence.plan.count.detail." + which.name()), "/plans/" + first.planId(), trend, words, unpublished("plan")));
        }
    }

    /**
     * Statistical neighbours' and England's figures for a compliance or front-door measure. Oversight computes other LAs'
     * figures only for national analysts (the national pages); row-level security keeps an LA's child-level data and
     * figures to that LA, so an LA's self-evaluation does not hold them: each is said to be not held, never hidden.
     */
    private List<Evidence.Benchmark> complianceBenchmarks() {
        return List.of(new Evidence.Benchmark(msg("selfeval.benchmark.neighbours"), msg("selfeval.benchmark.notHeld")),
                new Evidence.Benchmark(msg("selfeval.benchmark.england"), msg("selfeval.benchmark.notHeld")));
    }

    /**
     * Statistical neighbours' and England's figures for an LA's own case audits ({@code audit}), young people's ratings
     * ({@code voice}) or improvement plans ({@code plan}): nobody publishes them, so they are not held anywhere, and the
     * words say so rather than leave the reader to wonder.
     */
    private List<Evidence.Benchmark> unpublished(String what) {
        String why = msg("selfeval.benchmark.notHeld." + what);
        return List.of(new Evidence.Benchmark(msg("selfeval.benchmark.neighbours"), why),
                new Evidence.Benchmark(msg("selfeval.benchmark.england"), why));
    }

    /**
     * How the statistical neighbours' and England's latest published judgements in the same area stand: how many are
     * good or outstanding of those with a grade. Public (the single record shows the same to everyone).
     */
    private List<Evidence.Benchmark> judgementBenchmarks(org.oversight.inspection.SingleRecordService.SingleRecord record, JudgementArea area) {
        long graded = record.neighbours().stream().filter(n -> n.grade(area) != null).count();
        long good = record.neighbours().stream().filter(n -> n.grade(area) != null && n.grade(area).goodOrBetter()).count();
        Evidence.Benchmark neighbours = new Evidence.Benchmark(msg("selfeval.benchmark.neighbours"), record.neighbours().isEmpty() || graded == 0
                ? msg("selfeval.benchmark.notHeld") : msg("selfeval.benchmark.goodOrBetter", good, graded));
        Evidence.Benchmark england = record.england().stream().filter(d -> d.area() == area).findFirst().map(d -> {
            int all = d.counts().values().stream().mapToInt(Integer::intValue).sum();
            int better = d.count(Grade.GOOD) + d.count(Grade.OUTSTANDING);
            return new Evidence.Benchmark(msg("selfeval.benchmark.england"), all == 0 ? msg("selfeval.benchmark.notHeld")
                    : msg("selfeval.benchmark.goodOrBetter", better, all));
        }).orElse(new Evidence.Benchmark(msg("selfeval.benchmark.england"), msg("selfeval.benchmark.notHeld")));
        return List.of(neighbours, england);
    }

    private static void put(Map<String, Evidence> out, Evidence e) {
        out.putIfAbsent(e.key(), e);
    }

    private String msg(String key, Object... args) {
        return messages.getMessage(key, args, key, Locale.UK);
    }

    static String percent(BigDecimal p) {
        return number(p) + "%";
    }

    static String number(BigDecimal n) {
        return n == null ? "\u2014" : n.stripTrailingZeros().toPlainString();
    }

    static String long_(LocalDate d) {
        return d == null ? "" : d.format(java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK));
    }
}
