package org.oversight.compliance;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.oversight.access.CurrentUser;
import org.oversight.access.Role;
import org.oversight.childdata.snapshots.ChildDataSnapshots;
import org.oversight.childdata.snapshots.ChildDataSnapshots.Kind;
import org.oversight.childdata.snapshots.ChildDataSnapshots.Snapshot;
import org.oversight.compliance.ChildSummaries.Cohort;
import org.oversight.compliance.ComplianceService.Dashboard;
import org.oversight.compliance.ComplianceService.GroupFigure;
import org.oversight.compliance.ComplianceService.LaFigures;
import org.oversight.compliance.ComplianceService.RuleFigure;
import org.oversight.compliance.ComplianceService.TrendPoint;
import org.oversight.compliance.domain.TimescaleRule;
import org.oversight.compliance.domain.TimescaleRules;
import org.oversight.compliance.persistence.ComplianceFiguresRepository;
import org.oversight.compliance.persistence.ComplianceFiguresRepository.Row;
import org.oversight.register.LocalAuthorities;
import org.oversight.register.LocalAuthority;
import org.oversight.shared.RecentlyUsed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Compliance figures computed once per snapshot and stored (issue 15): by rule, by team, the children out of timescale,
 * and what the trend and the national picture need. They are computed in the transaction that stores a new snapshot
 * ({@link ChildDataSnapshots.Stored}) or changes a rule's interval ({@link RuleSettings.Changed}), so they commit with
 * it. Pages read them in one repeatable-read transaction together with the current snapshots and the rules in force:
 * a reader sees the old set or the new, never a mix. A stored row says what it was computed from; one that no longer
 * matches (a database from before this table, a date measured that moved with today) is computed afresh for the
 * reader and stored again. A child's own record is always computed live ({@link ComplianceService#child}).
 */
@Service
public class ComplianceFigures {

    private static final Logger log = LoggerFactory.getLogger(ComplianceFigures.class);
    /** The version last worked out, and the rules it was worked out for (compared by identity). */
    private static volatile Versioned lastVersion;

    /** One overdue rule of a child out of timescale. */
    public record OverdueRule(String ruleId, long overdueDays, String nextDueReason) {
    }

    /** A child out of timescale on at least one rule, as the dashboard lists them. */
    public record OverdueChild(String childRef, Cohort cohort, String team, long maxOverdueDays, List<OverdueRule> rules) {
    }

    /** What is stored as JSON: the figures by rule and by team. */
    record Summary(List<RuleFigure> rules, List<GroupFigure> teams) {
    }

    /** What is stored as JSON: the children out of timescale, most overdue first. */
    record Overdue(List<OverdueChild> children) {
    }

    /**
     * An LA's compliance figures for its dashboard.
     *
     * @param stored whether they were read as stored (false: computed for this reader, the stored ones not matching)
     */
    public record Figures(Snapshot snapshot, Snapshot annexA, int childrenInCare, int careLeavers, List<RuleFigure> figures,
                          List<GroupFigure> teams, List<OverdueChild> overdueChildren, boolean stored) {

        public RuleFigure figure(String ruleId) {
            return figures.stream().filter(f -> f.ruleId().equals(ruleId)).findFirst()
                    .orElse(new RuleFigure(ruleId, 0, 0, 0, 0));
        }
    }

    /** A stored row's figures, parsed. */
    private record Parsed(Summary summary, List<OverdueChild> overdue) {
    }

    /**
     * Stored figures already parsed, by their snapshot and the time they were computed (a recompute gives a new time,
     * so an entry is never stale). An entry is found only through a row read under the reader's own scope.
     */
    private final RecentlyUsed<String, Parsed> parsed = new RecentlyUsed<>(512);
    private final ChildDataSnapshots snapshots;
    private final ComplianceService compliance;
    private final RuleSettings settings;
    private final ComplianceFiguresRepository stored;
    private final LocalAuthorities localAuthorities;
    private final CurrentUser currentUser;
    private final JsonMapper json;
    private final Clock clock;
    private final TransactionTemplate read;
    private final TransactionTemplate write;

    ComplianceFigures(ChildDataSnapshots snapshots, ComplianceService compliance, RuleSettings settings, ComplianceFiguresRepository stored,
                      LocalAuthorities localAuthorities, CurrentUser currentUser, JsonMapper json, Clock clock,
                      PlatformTransactionManager transactions) {
        this.snapshots = snapshots;
        this.compliance = compliance;
        this.settings = settings;
        this.stored = stored;
        this.localAuthorities = localAuthorities;
        this.currentUser = currentUser;
        this.json = json;
        this.clock = clock;
        this.read = new TransactionTemplate(transactions);
        this.read.setReadOnly(true);
        // The snapshots, the rules and the stored figures all as of one moment.
        this.read.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        // Joins a caller's transaction (never a second connection per request, which a busy pool could deadlock on).
        this.read.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRED);
        this.write = new TransactionTemplate(transactions);
        this.write.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** A new snapshot of the LA (or its Annex A) was stored: its figures are stored in the same transaction. */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void snapshotStored(ChildDataSnapshots.Stored event) {
        TimescaleRules rules = settings.current();
        snapshots.current(event.laId(), Kind.SSDA903).ifPresent(s -> store(s, snapshots.current(event.laId(), Kind.ANNEX_A).orElse(null), rules));
    }

    /** A rule's interval changed: every LA's current figures are computed again in the same transaction. */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void rulesChanged(RuleSettings.Changed event) {
        TimescaleRules rules = settings.current();
        Map<UUID, Snapshot> annex = snapshots.allCurrent(Kind.ANNEX_A).stream().collect(Collectors.toMap(Snapshot::laId, Function.identity()));
        long t0 = System.nanoTime();
        List<Snapshot> current = snapshots.allCurrent(Kind.SSDA903);
        current.forEach(s -> store(s, annex.get(s.laId()), rules));
        log.info("Compliance figures of {} LAs computed again after the change of {} ({} ms)", current.size(), event.ruleId(),
                (System.nanoTime() - t0) / 1_000_000);
    }

    /**
     * The LA's figures for its dashboard, without an access check (the caller has made it): stored, or computed for
     * this reader when what is stored no longer matches (and then stored again).
     */
    public Optional<Figures> current(UUID laId) {
        return current(laId, true);
    }

    /** The LA's figures by rule and by team only (no list of children): what a plan's measure needs. */
    public Optional<Figures> summary(UUID laId) {
        return current(laId, false);
    }

    private Optional<Figures> current(UUID laId, boolean withChildren) {
        List<Runnable> refresh = new ArrayList<>();
        Optional<Figures> figures = read.execute(s -> {
            Snapshot snapshot = snapshots.current(laId, Kind.SSDA903).orElse(null);
            if (snapshot == null) {
                return Optional.<Figures>empty();
            }
            Snapshot annexA = snapshots.current(laId, Kind.ANNEX_A).orElse(null);
            TimescaleRules rules = settings.current();
            String version = version(rules);
            Optional<Row> computed = stored.findComputed(laId, snapshot.id()).filter(r -> matches(r, annexA, snapshot, version));
            if (computed.isPresent()) {
                Row row = computed.get();
                // The figures of a stored row are read and parsed once, then kept by the row's snapshot and computation time.
                Parsed kept = parsed.get(parsedKey(row, withChildren));
                if (kept == null) {
                    // Read again with its figures: a recompute may have committed in between (read committed), so the row
                    // read now, with its own computation time, is the one used, and kept under its own key.
                    Optional<Row> full = stored.find(laId, snapshot.id(), withChildren).filter(r -> matches(r, annexA, snapshot, version));
                    if (full.isPresent()) {
                        row = full.get();
                        kept = parse(row, withChildren);
                        parsed.put(parsedKey(row, withChildren), kept);
                    }
                }
                if (kept != null) {
                    return Optional.of(new Figures(snapshot, annexA, row.childrenInCare(), row.careLeavers(), kept.summary().rules(),
                            kept.summary().teams(), kept.overdue(), true));
                }
            }
            Dashboard d = compliance.compute(snapshot, annexA, rules);
            refresh.add(() -> refresh(laId));
            return Optional.of(figures(d, false));
        });
        refresh.forEach(Runnable::run);
        return figures;
    }

    /** The LA's figures for every SSDA903 snapshot it has imported, newest first (its trend; no access check). */
    public List<TrendPoint> trend(UUID laId) {
        List<UUID> stale = new ArrayList<>();
        List<TrendPoint> points = read.execute(s -> {
            TimescaleRules rules = settings.current();
            String version = version(rules);
            UUID current = snapshots.current(laId, Kind.SSDA903).map(Snapshot::id).orElse(null);
            Map<UUID, Row> rows = stored.ofLa(laId).stream().collect(Collectors.toMap(Row::snapshotId, Function.identity()));
            List<TrendPoint> out = new ArrayList<>();
            for (Snapshot snapshot : snapshots.all(laId, Kind.SSDA903)) {
                Row row = rows.get(snapshot.id());
                // Children in care and reviews do not depend on Annex A: any row of the snapshot computed with these rules will do.
                if (row != null && row.rulesVersion().equals(version) && row.asOf().equals(snapshot.asOf())) {
                    out.add(new TrendPoint(snapshot.collectionYear(), snapshot.importedAt(), snapshot.asOf(), snapshot.id().equals(current),
                            row.childrenInCare(), row.reviewsPercent()));
                    continue;
                }
                Dashboard d = compliance.compute(snapshot, null, rules);
                if (!snapshot.id().equals(current)) {
                    stale.add(snapshot.id());
                }
                out.add(new TrendPoint(snapshot.collectionYear(), snapshot.importedAt(), snapshot.asOf(), snapshot.id().equals(current),
                        d.inCare().size(), d.figure("CLA-REVIEW").percent()));
            }
            return out;
        });
        if (!stale.isEmpty()) {
            storeEarlier(laId, stale);
        }
        return points;
    }

    /** The figures by rule of one earlier SSDA903 snapshot (measured without Annex A, as the trend is). */
    public record Earlier(String collectionYear, java.time.LocalDate asOf, List<RuleFigure> figures) {
        public RuleFigure figure(String ruleId) {
            return figures.stream().filter(f -> f.ruleId().equals(ruleId)).findFirst().orElse(new RuleFigure(ruleId, 0, 0, 0, 0));
        }
    }

    /**
     * The LA's figures by rule at each collection year before its current snapshot's (that year's newest import), newest
     * first: stored when they were
     * computed under the rules in force, else computed for this reader (no access check; aggregates only).
     */
    public List<Earlier> earlier(UUID laId) {
        return read.execute(s -> {
            TimescaleRules rules = settings.current();
            String version = version(rules);
            Snapshot current = snapshots.current(laId, Kind.SSDA903).orElse(null);
            if (current == null) {
                return List.<Earlier>of();
            }
            // One figure per earlier collection year: its newest import (all() lists the newest import first).
            Map<String, Snapshot> byYear = new java.util.LinkedHashMap<>();
            snapshots.all(laId, Kind.SSDA903).stream().filter(x -> x.collectionYear().compareTo(current.collectionYear()) < 0)
                    .forEach(x -> byYear.putIfAbsent(x.collectionYear(), x));
            List<Snapshot> before = List.copyOf(byYear.values());
            if (before.isEmpty()) {
                return List.<Earlier>of();
            }
            Map<UUID, Row> rows = stored.ofSnapshots(before.stream().map(Snapshot::id).toList()).stream()
                    .collect(Collectors.toMap(Row::snapshotId, Function.identity()));
            List<Earlier> out = new ArrayList<>();
            for (Snapshot snapshot : before) {
                Row row = rows.get(snapshot.id());
                List<RuleFigure> figures = row != null && row.rulesVersion().equals(version) && row.asOf().equals(snapshot.asOf())
                        ? json.readValue(row.figures(), Summary.class).rules()
                        : compliance.compute(snapshot, null, rules).figures();
                out.add(new Earlier(snapshot.collectionYear(), snapshot.asOf(), figures));
            }
            out.sort(Comparator.comparing(Earlier::asOf).reversed());
            return out;
        });
    }

    /** Every LA's current figures, for national analysts (aggregates only), read as one set. */
    public List<LaFigures> national() {
        if (currentUser.get().filter(u -> u.role() == Role.NATIONAL_ANALYST || u.role() == Role.ADMIN).isEmpty()) {
            throw new AccessDeniedException("The national compliance picture is for national analysts");
        }
        Set<UUID> refresh = new HashSet<>();
        List<LaFigures> result = read.execute(s -> {
            TimescaleRules rules = settings.current();
            String version = version(rules);
            List<Snapshot> current = snapshots.allCurrent(Kind.SSDA903);
            Map<UUID, Snapshot> annex = snapshots.allCurrent(Kind.ANNEX_A).stream().collect(Collectors.toMap(Snapshot::laId, Function.identity()));
            Map<UUID, Row> rows = stored.computedOf(current.stream().map(Snapshot::id).toList()).stream()
                    .collect(Collectors.toMap(Row::snapshotId, Function.identity()));
            Map<UUID, Parsed> kept = new HashMap<>();
            rows.values().forEach(r -> {
                Parsed p = parsed.get(parsedKey(r, false));
                if (p != null) {
                    kept.put(r.snapshotId(), p);
                }
            });
            List<UUID> unparsed = rows.keySet().stream().filter(id -> !kept.containsKey(id)).toList();
            if (!unparsed.isEmpty()) {
                // Rows read again with their figures replace those read first: a recompute may have committed in between.
                rows.keySet().removeAll(unparsed);
                stored.ofSnapshots(unparsed).forEach(r -> {
                    Parsed p = parse(r, false);
                    parsed.put(parsedKey(r, false), p);
                    kept.put(r.snapshotId(), p);
                    rows.put(r.snapshotId(), r);
                });
            }
            Map<UUID, Snapshot> byLa = current.stream().collect(Collectors.toMap(Snapshot::laId, Function.identity()));
            List<LaFigures> out = new ArrayList<>();
            for (LocalAuthority la : byRegionAndName(byLa.keySet())) {
                Snapshot snapshot = byLa.get(la.id());
                Row row = rows.get(snapshot.id());
                List<RuleFigure> figures;
                int inCare;
                int leavers;
                if (row != null && matches(row, annex.get(la.id()), snapshot, version)) {
                    figures = kept.get(row.snapshotId()).summary().rules();
                    inCare = row.childrenInCare();
                    leavers = row.careLeavers();
                } else {
                    Dashboard d = compliance.compute(snapshot, annex.get(la.id()), rules);
                    figures = d.figures();
                    inCare = d.inCare().size();
                    leavers = d.careLeavers().size();
                    refresh.add(la.id());
                }
                Figures f = new Figures(snapshot, annex.get(la.id()), inCare, leavers, figures, List.of(), List.of(), true);
                out.add(new LaFigures(la.id(), la.name(), la.regionName(), snapshot.collectionYear(), snapshot.asOf(), inCare,
                        f.figure("CLA-REVIEW").compliant(), leavers, f.figure("CL-KEEPING-IN-TOUCH").compliant(), f.figure("CLA-VISIT"),
                        f.figure("CLA-HEALTH")));
            }
            return out;
        });
        if (!refresh.isEmpty()) {
            log.info("Compliance figures of {} LAs did not match their data and are being stored again", refresh.size());
            refresh.forEach(this::refresh);
        }
        return result;
    }

    /**
     * Computes and stores the LA's current figures in a transaction of its own; not from inside a caller's transaction
     * (a second connection per request), where the figures were computed for the reader and are stored by a later one.
     */
    public void refresh(UUID laId) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            return;
        }
        write.executeWithoutResult(s -> {
            TimescaleRules rules = settings.current();
            snapshots.current(laId, Kind.SSDA903).ifPresent(snapshot -> store(snapshot, snapshots.current(laId, Kind.ANNEX_A).orElse(null), rules));
        });
    }

    /** Stores the figures of earlier snapshots of the LA (measured without Annex A, as their trend is). */
    private void storeEarlier(UUID laId, List<UUID> snapshotIds) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            return;
        }
        write.executeWithoutResult(s -> {
            TimescaleRules rules = settings.current();
            snapshots.all(laId, Kind.SSDA903).stream().filter(snapshot -> snapshotIds.contains(snapshot.id()))
                    .forEach(snapshot -> store(snapshot, null, rules));
        });
    }

    private void store(Snapshot snapshot, Snapshot annexA, TimescaleRules rules) {
        Dashboard d = compliance.compute(snapshot, annexA, rules);
        Figures f = figures(d, true);
        stored.save(new Row(snapshot.id(), snapshot.laId(), annexA == null ? null : annexA.id(), snapshot.asOf(), version(rules),
                clock.instant(), f.childrenInCare(), f.careLeavers(), f.figure("CLA-REVIEW").percent(),
                json.writeValueAsString(new Summary(f.figures(), f.teams())), json.writeValueAsString(new Overdue(f.overdueChildren()))));
    }

    /** The figures of a computed dashboard, as they are stored. */
    public static Figures figures(Dashboard d, boolean stored) {
        List<OverdueChild> overdue = d.overdueChildren().stream().map(c -> new OverdueChild(c.childRef(), c.cohort(), c.team(),
                c.maxOverdueDays(), c.rules().values().stream().filter(r -> r.overdueDays() > 0)
                        .map(r -> new OverdueRule(r.ruleId(), r.overdueDays(), r.nextDueReason())).toList())).toList();
        return new Figures(d.snapshot(), d.annexA(), d.inCare().size(), d.careLeavers().size(), d.figures(), d.teams(), overdue, stored);
    }

    private static String parsedKey(Row row, boolean withChildren) {
        return row.snapshotId() + "/" + row.computedAt() + "/" + withChildren;
    }

    private Parsed parse(Row row, boolean withChildren) {
        return new Parsed(json.readValue(row.figures(), Summary.class),
                withChildren ? json.readValue(row.overdue(), Overdue.class).children() : List.of());
    }

    private static boolean matches(Row row, Snapshot annexA, Snapshot snapshot, String version) {
        return java.util.Objects.equals(row.annexASnapshotId(), annexA == null ? null : annexA.id()) && row.rulesVersion().equals(version)
                && row.asOf().equals(snapshot.asOf());
    }

    /**
     * A fingerprint of the rules in force: every rule's intervals, in a fixed order. The last one worked out is kept with
     * its rules, which {@link RuleSettings#current()} returns as the same instance while no interval changes (a page
     * read it up to three times, issue 15).
     */
    public static String version(TimescaleRules rules) {
        Versioned last = lastVersion;
        if (last != null && last.rules() == rules) {
            return last.version();
        }
        String version = fingerprint(rules);
        lastVersion = new Versioned(rules, version);
        return version;
    }

    /** The rules a version was last worked out for, and that version. */
    private record Versioned(TimescaleRules rules, String version) {
    }

    private static String fingerprint(TimescaleRules rules) {
        StringBuilder text = new StringBuilder();
        for (TimescaleRule rule : rules.all().stream().sorted(Comparator.comparing(TimescaleRule::id)).toList()) {
            text.append(rule.id()).append(new TreeMap<>(rule.intervals() == null ? Map.of() : rule.intervals())).append(';');
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The LAs with those ids, by region then name (in the register's order); an LA no longer active keeps its figures. */
    private List<LocalAuthority> byRegionAndName(Set<UUID> ids) {
        Set<UUID> wanted = new HashSet<>(ids);
        List<String> regions = localAuthorities.regions().stream().map(org.oversight.register.Region::name).toList();
        Map<String, Integer> order = new HashMap<>();
        regions.forEach(r -> order.putIfAbsent(r, order.size()));
        List<LocalAuthority> out = new ArrayList<>(localAuthorities.allActive().stream().filter(la -> wanted.remove(la.id()))
                .sorted(Comparator.comparingInt(la -> order.getOrDefault(la.regionName(), -1))).toList());
        wanted.forEach(id -> localAuthorities.findById(id).ifPresent(out::add));
        return out;
    }
}
