package org.oversight.compliance;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import org.oversight.compliance.protection.FrontDoor;
import org.oversight.compliance.protection.HelpAndProtection;
import org.springframework.stereotype.Service;

/**
 * The small published interface through which improvement plans read compliance: an LA-wide percentage, never a
 * child's record. {@code REVIEWS_ON_TIME} is the share of children in care with every review on time;
 * {@code CARE_LEAVERS_IN_TOUCH} the share of care leavers the LA is in touch with (or need not be). The help-and-protection
 * keys are the front door's measures over the 12 months to the LA's whole-journey data (e.g. the share of cases stepped
 * down to early help where early help began within the step-down standard).
 */
@Service
public class ComplianceMeasures {

    public enum Key {
        REVIEWS_ON_TIME("CLA-REVIEW"), VISITS_ON_TIME("CLA-VISIT"), HEALTH_ASSESSMENTS_ON_TIME("CLA-HEALTH"),
        PATHWAY_REVIEWS_ON_TIME("CL-PATHWAY-REVIEW"), CARE_LEAVERS_IN_TOUCH("CL-KEEPING-IN-TOUCH"),
        /** Help and protection, from the whole-journey data of the 12 months to its date. */
        RE_REFERRALS(FrontDoor.Measure.RE_REFERRALS), ASSESSMENTS_IN_TIME(FrontDoor.Measure.ASSESSMENTS_IN_TIME),
        ICPC_IN_TIME(FrontDoor.Measure.ICPC_IN_TIME), CP_VISITS_IN_TIME(FrontDoor.Measure.CP_VISITS_IN_TIME),
        STEP_DOWN_EARLY_HELP_STARTED(FrontDoor.Measure.STEP_DOWN_EARLY_HELP_STARTED), STEP_DOWN_STEPPED_UP(FrontDoor.Measure.STEP_DOWN_STEPPED_UP);

        private final String ruleId;
        private final FrontDoor.Measure protection;

        Key(String ruleId) {
            this.ruleId = ruleId;
            this.protection = null;
        }

        Key(FrontDoor.Measure protection) {
            this.ruleId = null;
            this.protection = protection;
        }

        /** The timescale rule the measure counts (children in care and care leavers), or null for a help-and-protection measure. */
        public String ruleId() {
            return ruleId;
        }

        /** Whether a higher figure is better (not so for re-referrals and step-ups, where lower is better). */
        public boolean higherIsBetter() {
            return this != RE_REFERRALS && this != STEP_DOWN_STEPPED_UP;
        }

        /** Whether the measure is of help and protection (the front door), read from the whole-journey data. */
        public boolean helpAndProtection() {
            return protection != null;
        }
    }

    /** A measured value and the date the data measures. */
    public record Value(BigDecimal percent, LocalDate asOf) {
    }

    private final ComplianceFigures figures;
    private final HelpAndProtection protection;

    ComplianceMeasures(ComplianceFigures figures, HelpAndProtection protection) {
        this.figures = figures;
        this.protection = protection;
    }

    /**
     * The same measure at the LA's earlier data, newest first, at most {@code max}: for children in care and care
     * leavers, each earlier SSDA903 collection year; for help and protection, the 12 months to the date of each earlier
     * collection year's whole-journey data. A period with nothing to count is left out.
     */
    public java.util.List<Value> earlier(UUID laId, Key key, int max) {
        return earlier(laId, max).getOrDefault(key, java.util.List.of());
    }

    /** {@link #earlier(UUID, Key, int)} for every measure, reading the earlier returns and periods once. */
    public java.util.Map<Key, java.util.List<Value>> earlier(UUID laId, int max) {
        java.util.Map<Key, java.util.List<Value>> out = new java.util.EnumMap<>(Key.class);
        java.util.List<HelpAndProtection.View> periods = protection.figuresForEarlierYears(laId, max);
        java.util.List<ComplianceFigures.Earlier> returns = figures.earlier(laId).stream().limit(max).toList();
        for (Key key : Key.values()) {
            out.put(key, earlier(key, periods, returns));
        }
        return out;
    }

    private static java.util.List<Value> earlier(Key key, java.util.List<HelpAndProtection.View> periods, java.util.List<ComplianceFigures.Earlier> returns) {
        if (key.helpAndProtection()) {
            return periods.stream().flatMap(v -> {
                FrontDoor.Figure f = v.result().figure(key.protection, FrontDoor.Result.all());
                return f.total() == 0 ? java.util.stream.Stream.<Value>empty() : java.util.stream.Stream.of(new Value(BigDecimal.valueOf(f.hits() * 100.0 / f.total())
                        .setScale(1, RoundingMode.HALF_UP), v.period().to()));
            }).toList();
        }
        return returns.stream().map(e -> {
            ComplianceService.RuleFigure figure = e.figure(key.ruleId());
            return figure.measured() == 0 ? null : new Value(BigDecimal.valueOf(figure.compliant() * 100.0 / figure.measured())
                    .setScale(1, RoundingMode.HALF_UP), e.asOf());
        }).filter(java.util.Objects::nonNull).toList();
    }

    /** The LA's current value, from the figures stored for its current data (read in a transaction of their own, or the caller's). */
    public Optional<Value> current(UUID laId, Key key) {
        return Optional.ofNullable(current(laId, java.util.List.of(key)).get(key));
    }

    /**
     * The LA's current values of the measures that have one, in the order asked: the stored figures of its children in
     * care and of its front door are each read once, however many measures are asked of them (a page showing six
     * headlines read them six times, issue 15).
     */
    public java.util.Map<Key, Value> current(UUID laId, java.util.Collection<Key> keys) {
        java.util.Map<Key, Value> out = new java.util.LinkedHashMap<>();
        Optional<HelpAndProtection.Headline> frontDoor = keys.stream().anyMatch(Key::helpAndProtection) ? protection.figuresForMeasure(laId)
                : Optional.empty();
        Optional<ComplianceFigures.Figures> inCare = keys.stream().anyMatch(k -> !k.helpAndProtection()) ? figures.summary(laId)
                : Optional.empty();
        for (Key key : keys) {
            if (key.helpAndProtection()) {
                // the 12 months to the data's date; nothing to show when the period has nothing to count
                frontDoor.ifPresent(v -> {
                    FrontDoor.Figure f = v.summary().figure(key.protection, FrontDoor.Result.all());
                    if (f.total() > 0) {
                        out.put(key, new Value(BigDecimal.valueOf(f.hits() * 100.0 / f.total()).setScale(1, RoundingMode.HALF_UP),
                                v.snapshot().asOf()));
                    }
                });
            } else {
                inCare.ifPresent(d -> {
                    ComplianceService.RuleFigure figure = d.figure(key.ruleId());
                    BigDecimal percent = figure.measured() == 0 ? BigDecimal.ZERO
                            : BigDecimal.valueOf(figure.compliant() * 100.0 / figure.measured()).setScale(1, RoundingMode.HALF_UP);
                    out.put(key, new Value(percent, d.snapshot().asOf()));
                });
            }
        }
        return out;
    }
}
