package org.oversight.compliance.protection;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.oversight.childdata.journey.ChildJourneys;
import org.oversight.childdata.journey.ChildJourneys.Journey;
import org.oversight.childdata.journey.ChildJourneys.JourneySnapshot;
import org.oversight.compliance.RuleSettings;
import org.oversight.compliance.domain.TimescaleRules;
import org.oversight.compliance.protection.FrontDoor.Period;
import org.oversight.compliance.protection.HelpAndProtection.View;
import org.oversight.compliance.protection.ProtectionTimescales.Evaluation;
import org.oversight.shared.calendar.WorkingDayCalendar;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Computes front doors from the store's rows, with no access check (callers make theirs): each child's clocks under
 * the rules in force and the facts of a period. What is computed for one snapshot, rules version and period is kept
 * (a few at a time): a snapshot never changes, and a new one or a changed interval makes a new key, so a kept result
 * can never be another LA's or out of date.
 */
@Component
class FrontDoors {

    private static final int KEPT = 12;
    /** How many LAs' rows are read at once for the national picture. */
    static final int BATCH = 16;

    private final ChildJourneys journeys;
    private final RuleSettings settings;
    private final WorkingDayCalendar calendar;
    private final FrontDoor frontDoor;
    private final org.oversight.shared.RecentlyUsed<String, View> kept = new org.oversight.shared.RecentlyUsed<>(KEPT);
    /** The version last worked out, and the rules it was worked out for (compared by identity). */
    private volatile Versioned versioned;

    FrontDoors(ChildJourneys journeys, RuleSettings settings, WorkingDayCalendar calendar,
               @Value("${oversight.protection.step-down-reasons:RC9}") String stepDownReasons,
               @Value("${oversight.protection.step-down-working-days:10}") int stepDownWorkingDays) {
        this.journeys = journeys;
        this.settings = settings;
        this.calendar = calendar;
        this.frontDoor = new FrontDoor(calendar, Arrays.stream(stepDownReasons.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .collect(Collectors.toSet()), stepDownWorkingDays);
    }

    /** What the figures depend on besides the snapshot: the timescale intervals in force and the step-down standard. */
    String version() {
        TimescaleRules rules = settings.current();
        Versioned last = versioned;
        if (last != null && last.rules() == rules) {
            return last.version(); // the same rules (RuleSettings keeps them while unchanged) and the same fixed step-down standard
        }
        String version = version(rules);
        versioned = new Versioned(rules, version);
        return version;
    }

    /** The rules a version was last worked out for, and that version. */
    private record Versioned(TimescaleRules rules, String version) {
    }

    private String version(TimescaleRules rules) {
        StringBuilder text = new StringBuilder();
        for (String id : ProtectionTimescales.RULES) {
            rules.find(id).ifPresent(r -> text.append(id).append(new java.util.TreeMap<>(r.intervals() == null ? Map.of() : r.intervals())).append(';'));
        }
        text.append(String.join(",", frontDoor.stepDownReasons().stream().sorted().toList())).append(';').append(frontDoor.stepDownWorkingDays());
        try {
            byte[] hash = java.security.MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(hash, 0, 12);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Each child's clocks and findings in these rows under the rules in force. */
    Evaluation evaluate(Journey journey, LocalDate asOf) {
        return new ProtectionTimescales(settings.current(), calendar).evaluate(journey, asOf);
    }

    /** Computes (or finds kept) the front door of a snapshot for a period under the rules in force. */
    View compute(JourneySnapshot snapshot, Period period) {
        return computeAll(List.of(snapshot), s -> period).getFirst();
    }

    /**
     * The front doors of many snapshots, each for its period: those kept are reused, the others read from the store
     * {@value #BATCH} snapshots at a time (a query per table, not per snapshot) and computed.
     */
    List<View> computeAll(List<JourneySnapshot> snapshots, Function<JourneySnapshot, Period> periods) {
        TimescaleRules rules = settings.current();
        String version = version();
        Map<UUID, View> out = new HashMap<>();
        List<JourneySnapshot> missing = new ArrayList<>();
        for (JourneySnapshot s : snapshots) {
            View view = kept.get(key(s, version, periods.apply(s)));
            if (view != null) {
                out.put(s.id(), view);
            } else {
                missing.add(s);
            }
        }
        ProtectionTimescales timescales = new ProtectionTimescales(rules, calendar);
        for (int i = 0; i < missing.size(); i += BATCH) {
            List<JourneySnapshot> batch = missing.subList(i, Math.min(missing.size(), i + BATCH));
            Map<UUID, Journey> rows = journeys.journeys(batch.stream().map(JourneySnapshot::id).toList(), ChildJourneys.Reading.TIMESCALES);
            for (JourneySnapshot s : batch) {
                Journey journey = rows.get(s.id());
                Period period = periods.apply(s);
                Evaluation evaluation = timescales.evaluate(journey, s.asOf());
                View view = new View(s.laId(), s, period, evaluation, frontDoor.compute(journey, evaluation, period, s.asOf()),
                        frontDoor.stepDownWorkingDays());
                kept.put(key(s, version, period), view);
                out.put(s.id(), view);
            }
        }
        return snapshots.stream().map(s -> out.get(s.id())).toList();
    }

    private static String key(JourneySnapshot s, String version, Period period) {
        return s.id() + "/" + s.revision() + "|" + version + "|" + period.from() + "|" + period.to();
    }

    Set<String> stepDownReasons() {
        return frontDoor.stepDownReasons();
    }

    int stepDownWorkingDays() {
        return frontDoor.stepDownWorkingDays();
    }
}
