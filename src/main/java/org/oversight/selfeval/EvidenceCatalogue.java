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
import org.oversight.voice.VoiceViews;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.oversight.access.CurrentUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Everything Oversight holds that a self-evaluation may cite, for one LA, as it stands today: compliance with statutory
 * timescales ({@code ComplianceMeasures}), case-audit findings by theme ({@code AuditFigures}), young people's ratings
 * by theme ({@code VoiceService#views}), plan actions with their distance to target ({@code PlanFigures}), and the
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

    EvidenceCatalogue(ComplianceMeasures compliance, AuditFigures audits, VoiceService voice, PlanFigures plans, InspectionService inspections,
                      org.oversight.inspection.SingleRecordService singleRecords, org.oversight.register.LocalAuthorities localAuthorities,
                      MessageSource messages, Clock clock, CurrentUser currentUser,
                      @Value("${oversight.selfeval.rating.red-below:75}") BigDecimal redBelow,
                      @Value("${oversight.selfeval.rating.amber-below:90}") BigDecimal amberBelow) {
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
        for (ComplianceMeasures.Key key : ComplianceMeasures.Key.values()) {
            compliance.current(laId, key).ifPresent(v -> {
                List<Trend.Point> trend = earlier.getOrDefault(key, List.of()).stream()
                        .map(e -> new Trend.Point(e.asOf(), e.percent())).toList();
                put(out, new Evidence("compliance:" + key.name(), Evidence.Kind.COMPLIANCE,
                        EnumSet.of(key.helpAndProtection() ? Area.HELP_AND_PROTECTION : COMPLIANCE_AREA.get(key)), msg("selfeval.evidence.compliance." + key.name()),
                        percent(v.percent()), v.percent(), v.asOf(), msg(key.helpAndProtection() ? "selfeval.source.protection" : "selfeval.source.compliance"),
                        key.higherIsBetter() ? rating.percent(v.percent()) : null, "", key.helpAndProtection() ? "/local-authorities/{urn}/help-and-protection" : "/local-authorities/{urn}/compliance",
                        trend, trendText(v.percent(), trend, key.higherIsBetter()), complianceBenchmarks()));
            });
        }
        {
            for (AuditFigures.ThemeFigure t : audits.themes(laId)) {
                Optional<Area> area = Area.ofAuditArea(t.area());
                BigDecimal p = BigDecimal.valueOf(t.goodOrBetterPercent());
                area.ifPresent(a -> put(out, new Evidence("audit:" + t.area() + ":" + t.theme(), Evidence.Kind.AUDIT, EnumSet.of(a),
                        msg("selfeval.evidence.audit", t.theme()), percent(p), p, t.asOf() == null ? today : t.asOf(),
                        msg("selfeval.source.audit"), rating.percent(p), msg("selfeval.evidence.audit.detail", t.goodOrBetter(), t.answers()),
                        "/local-authorities/{urn}/audits/roll-up")));
            }
        }
        // Young people's views are read by the LA's managers (and councillors): staff draft without them. Checked first,
        // so no refusal marks this read's transaction.
        if (currentUser.canManage(laId)) {
            VoiceViews.Views views = voice.views(laId);
            for (VoiceViews.Theme t : views.ratings()) {
                if (t.count() == 0 || t.averageRating() == null) {
                    continue;
                }
                BigDecimal avg = BigDecimal.valueOf(t.averageRating());
                put(out, new Evidence("voice:" + t.code(), Evidence.Kind.VOICE, EnumSet.of(Area.IN_CARE, Area.CARE_LEAVERS),
                        msg("selfeval.evidence.voice", msg("voice.theme." + t.code())), msg("selfeval.evidence.voice.value", avg.toPlainString()),
                        avg, today, msg("selfeval.source.voice"), rating.averageOutOfFive(t.averageRating()),
                        msg("selfeval.evidence.voice.detail", t.count()), "/local-authorities/{urn}/young-peoples-views"));
            }
        }
        for (PlanFigures.ActionFigure a : plans.measuredActions(laId)) {
            BigDecimal shown = a.current() != null ? a.current() : a.baseline();
            put(out, new Evidence("action:" + a.actionId(), Evidence.Kind.PLAN, EnumSet.allOf(Area.class), a.measureName(),
                    number(shown) + (a.current() == null ? " " + msg("selfeval.evidence.plan.baseline") : ""), shown,
                    a.measuredOn() != null ? a.measuredOn() : today, msg("selfeval.source.plan", a.planTitle()), rating.rag(a.rag()),
                    msg("selfeval.evidence.plan.detail", number(a.target()), number(a.distanceToTarget()), a.description()),
                    "/plans/" + a.planId()));
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
        return Trend.of(now, trend, higherIsBetter).map(t -> t.words(messages, "selfeval.trend.points")).orElse(msg("selfeval.trend.none"));
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
