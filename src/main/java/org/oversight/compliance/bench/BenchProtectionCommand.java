package org.oversight.compliance.bench;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.oversight.childdata.ChildDataImporter;
import org.oversight.childdata.SyntheticJourneys;
import org.oversight.childdata.journey.ChildJourneys.JourneySnapshot;
import org.oversight.childdata.journey.ChildJourneys;
import org.oversight.compliance.RuleSettings;
import org.oversight.compliance.domain.TimescaleRules;
import org.oversight.compliance.protection.FrontDoor;
import org.oversight.compliance.protection.ProtectionTimescales;
import org.oversight.register.LocalAuthorities;
import org.oversight.register.LocalAuthority;
import org.oversight.shared.calendar.WorkingDayCalendar;
import org.oversight.shared.cli.CliCommand;
import org.oversight.shared.cli.ProcessCpu;
import org.oversight.shared.db.TenantScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code bin/oversight bench-protection [--fraction F] [--seed N]}: loads synthetic whole-journey data for all 153 LAs
 * (England's children in need in a year, about 650,000, times the fraction, shared by population aged 0 to 25), then
 * times a full recompute of every help-and-protection timescale for every child and the front door of every LA
 * (reading each LA's rows from PostgreSQL, on all cores) against one hand-written SQL aggregate of the same measures
 * over the same tables in the same run, and the front door of the largest LA alone (what its page needs when it is not
 * kept). Runs on a fresh embedded database in a temporary folder, never on your data.
 */
@Component
class BenchProtectionCommand implements CliCommand {

    /** Children in need in England in a year (referrals about 620,000; children in need at 31 March about 400,000). */
    static final int ENGLAND_CHILDREN = 650_000;
    /** LAs read at once by default (the national picture reads 16; smaller batches share the threads out more evenly). */
    static final int BATCH = 8;
    /** Threads computing batches: two per core. */
    static final int THREADS = 2 * Runtime.getRuntime().availableProcessors();
    /** Imports running at once by default: as many as the application runs (OVERSIGHT_IMPORTS_MAX_CONCURRENT's default). */
    static final int IMPORTS = 2;

    private final SyntheticJourneys synthetic;
    private final ChildJourneys journeys;
    private final RuleSettings settings;
    private final WorkingDayCalendar calendar;
    private final LocalAuthorities localAuthorities;
    private final JdbcClient jdbc;

    BenchProtectionCommand(SyntheticJourneys synthetic, ChildJourneys journeys, RuleSettings settings, WorkingDayCalendar calendar,
                           LocalAuthorities localAuthorities, JdbcClient jdbc) {
        this.synthetic = synthetic;
        this.journeys = journeys;
        this.settings = settings;
        this.calendar = calendar;
        this.localAuthorities = localAuthorities;
        this.jdbc = jdbc;
    }

    @Override
    public String name() {
        return "bench-protection";
    }

    @Override
    public String usage() {
        return "[--fraction F] [--seed N] [--batch LAS] [--imports N]";
    }

    @Override
    public String description() {
        return "Benchmark: national synthetic whole-journey data, help-and-protection recompute vs one SQL aggregate (fresh temporary database)";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        double fraction = 0.1;
        long seed = 2026;
        int perQuery = BATCH;
        int imports = IMPORTS;
        for (int i = 0; i < args.size(); i++) {
            switch (args.get(i)) {
                case "--fraction" -> fraction = Double.parseDouble(args.get(++i));
                case "--seed" -> seed = Long.parseLong(args.get(++i));
                case "--batch" -> perQuery = Integer.parseInt(args.get(++i));
                case "--imports" -> imports = Integer.parseInt(args.get(++i));
                default -> {
                    err.println("Usage: bin/oversight bench-protection " + usage());
                    return 1;
                }
            }
        }
        if (fraction <= 0 || fraction > 1) {
            err.println("--fraction must be more than 0 and at most 1");
            return 1;
        }
        if (perQuery < 1) {
            err.println("--batch must be at least 1 LA");
            return 1;
        }
        if (imports < 1) {
            err.println("--imports must be at least 1");
            return 1;
        }
        List<LocalAuthority> las = localAuthorities.allActive().stream().filter(la -> la.population0to25() != null).toList();
        long population = las.stream().mapToLong(LocalAuthority::population0to25).sum();
        LocalDate reference = LocalDate.of(2026, 3, 31);
        // a backend of the server, through which its CPU time is read (ProcessCpu)
        long pid = TenantScope.asSystem(() -> jdbc.sql("SELECT pg_backend_pid()").query(Long.class).single());
        Path root = Files.createTempDirectory("oversight-bench-protection");
        try {
            if (!load(las, population, fraction, seed, reference, imports, root, pid, out, err)) {
                return 2;
            }
        } finally {
            SyntheticJourneys.delete(root);
        }
        TimescaleRules rules = settings.bundled();
        FrontDoor frontDoor = new FrontDoor(calendar, Set.of("RC9"), 10);
        List<JourneySnapshot> current = TenantScope.asSystem(journeys::allCurrent);
        Map<java.util.UUID, Long> size = new java.util.HashMap<>();
        TenantScope.asSystem(() -> jdbc.sql("SELECT id, rows_accepted FROM import_snapshot WHERE kind IN ('SSD', 'CIN_CENSUS')")
                .query((rs, i) -> size.put(rs.getObject(1, java.util.UUID.class), rs.getLong(2))).list());
        List<JourneySnapshot> bySize = current.stream().sorted(Comparator.comparingLong((JourneySnapshot j) -> size.getOrDefault(j.id(), 0L)).reversed())
                .toList();
        long recompute = Long.MAX_VALUE;
        long baseline = Long.MAX_VALUE;
        long clocks = 0;
        long[] recomputeCpu = new long[2];
        long[] baselineCpu = new long[2];
        for (int round = 0; round < 3; round++) {
            long jvm0 = ProcessCpu.jvmNanos();
            long pg0 = ProcessCpu.postgresNanos(pid);
            long s = System.nanoTime();
            // Batches of about the same size: the LAs dealt out largest first, one to each batch in turn.
            int count = (bySize.size() + perQuery - 1) / perQuery;
            List<List<JourneySnapshot>> batches = new ArrayList<>();
            for (int b = 0; b < count; b++) {
                batches.add(new ArrayList<>());
            }
            for (int i = 0; i < bySize.size(); i++) {
                batches.get(i % count).add(bySize.get(i));
            }
            // Batches of LAs on every core, two at a time per core so that one computes while the other waits for its rows:
            // each batch's rows read with one query per table, each thread taking the next batch when it is free.
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(THREADS);
            try {
                List<java.util.concurrent.Future<Long>> parts = new ArrayList<>();
                for (List<JourneySnapshot> batch : batches) {
                    parts.add(pool.submit(() -> TenantScope.asSystem(() -> compute(batch, rules, frontDoor))));
                }
                clocks = 0;
                for (java.util.concurrent.Future<Long> part : parts) {
                    clocks += part.get();
                }
            } finally {
                pool.shutdownNow();
            }
            recompute = Math.min(recompute, System.nanoTime() - s);
            long jvm1 = ProcessCpu.jvmNanos();
            long pg1 = ProcessCpu.postgresNanos(pid);
            long b = System.nanoTime();
            TenantScope.asSystem(() -> sqlBaseline());
            baseline = Math.min(baseline, System.nanoTime() - b);
            recomputeCpu[0] += jvm1 - jvm0;
            recomputeCpu[1] += pg1 - pg0;
            baselineCpu[0] += ProcessCpu.jvmNanos() - jvm1;
            baselineCpu[1] += ProcessCpu.postgresNanos(pid) - pg1;
        }
        JourneySnapshot largest = bySize.getFirst(); // the LA with the most rows
        long one = Long.MAX_VALUE;
        for (int round = 0; round < 5; round++) {
            long s = System.nanoTime();
            TenantScope.asSystem(() -> compute(List.of(largest), rules, frontDoor));
            one = Math.min(one, System.nanoTime() - s);
        }
        String largestName = localAuthorities.findById(largest.laId()).map(LocalAuthority::name).orElse("?");
        out.printf(Locale.UK, "Full recompute: %,d clocks and front-door facts, every help-and-protection rule and the front door of %d LAs, read from PostgreSQL, %d LAs per query, %d threads on %d cores, "
                + "best of 3: %.2f s (goal: 10 s or less)%n", clocks, current.size(), perQuery, THREADS, Runtime.getRuntime().availableProcessors(), recompute / 1e9);
        double all = reading.sum() + clocking.sum() + counting.sum();
        out.printf(Locale.UK, "  of the thread time: reading the rows %.0f%%, the clocks %.0f%%, the front door %.0f%%%n", reading.sum() * 100 / all,
                clocking.sum() * 100 / all, counting.sum() * 100 / all);
        out.printf(Locale.UK, "SQL aggregate baseline over the same tables: %.2f s%n", baseline / 1e9);
        out.printf(Locale.UK, "Ratio recompute / SQL: %.2fx (goal: at most 1.5x)%n", (double) recompute / baseline);
        out.printf(Locale.UK, "CPU a run, mean of 3 (less moved by other work on the machine): recompute %.2f s (JVM %.2f + PostgreSQL %.2f), "
                + "SQL %.2f s (JVM %.2f + PostgreSQL %.2f), ratio %.2fx%n", (recomputeCpu[0] + recomputeCpu[1]) / 3e9, recomputeCpu[0] / 3e9,
                recomputeCpu[1] / 3e9, (baselineCpu[0] + baselineCpu[1]) / 3e9, baselineCpu[0] / 3e9, baselineCpu[1] / 3e9,
                (double) (recomputeCpu[0] + recomputeCpu[1]) / (baselineCpu[0] + baselineCpu[1]));
        out.printf(Locale.UK, "Largest LA (%s) front door, computed afresh: %.0f ms (a page of it kept: the same figures, not recomputed)%n", largestName,
                one / 1e6);
        return 0;
    }

    /**
     * Writes every LA's SSD extract into {@code root} (timed as the generating), then imports them all, {@code imports}
     * at a time, each one transaction followed by its LA's front-door figures as an upload's (timed as the national
     * import), and prints the store's size on disk against the CSV files'. False when an extract was not stored.
     */
    private boolean load(List<LocalAuthority> las, long population, double fraction, long seed, LocalDate reference, int imports, Path root, long pid,
                         PrintStream out, PrintStream err) throws Exception {
        long t0 = System.nanoTime();
        Map<LocalAuthority, Path> extracts = new LinkedHashMap<>();
        int children = 0;
        long csvBytes = 0;
        // each LA's extract is written on its own (its own seeded generator), on every core
        java.util.concurrent.ExecutorService writers = java.util.concurrent.Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
        try {
            List<java.util.concurrent.Future<?>> written = new ArrayList<>();
            for (LocalAuthority la : las) {
                int n = (int) Math.max(1, Math.round(ENGLAND_CHILDREN * fraction * la.population0to25() / population));
                Path dir = Files.createDirectory(root.resolve(la.laCode()));
                extracts.put(la, dir);
                children += n;
                written.add(writers.submit(() -> synthetic.writeExtract(la, n, seed, reference, null, dir)));
            }
            for (java.util.concurrent.Future<?> f : written) {
                f.get();
            }
        } finally {
            writers.shutdownNow();
        }
        for (Path dir : extracts.values()) {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.toList()) {
                    csvBytes += Files.size(f);
                }
            }
        }
        out.printf(Locale.UK, "Generated the SSD extracts of %,d children of %d LAs (%.0f%% of England's year): %,d bytes of CSV, in %.0f s%n", children,
                las.size(), fraction * 100, csvBytes, (System.nanoTime() - t0) / 1e9);
        long jvm0 = ProcessCpu.jvmNanos();
        long pg0 = ProcessCpu.postgresNanos(pid);
        long t1 = System.nanoTime();
        java.util.concurrent.atomic.LongAdder rows = new java.util.concurrent.atomic.LongAdder();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(imports);
        try {
            List<java.util.concurrent.Future<String>> done = new ArrayList<>();
            for (Map.Entry<LocalAuthority, Path> e : extracts.entrySet()) {
                done.add(pool.submit(() -> {
                    ChildDataImporter.Outcome outcome = synthetic.importExtract(e.getKey(), reference, e.getValue());
                    if (!outcome.stored()) {
                        return e.getKey().name() + ": not stored, first error " + outcome.errors().stream().findFirst().orElse(null);
                    }
                    rows.add(outcome.accepted());
                    return null;
                }));
            }
            for (java.util.concurrent.Future<String> f : done) {
                String failure = f.get();
                if (failure != null) {
                    err.println(failure);
                    return false;
                }
            }
        } finally {
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - t1) / 1e9;
        double jvm = (ProcessCpu.jvmNanos() - jvm0) / 1e9;
        double pg = (ProcessCpu.postgresNanos(pid) - pg0) / 1e9;
        long onDisk = TenantScope.asSystem(() -> jdbc.sql("""
                SELECT coalesce(sum(pg_total_relation_size(c.oid)), 0) FROM pg_class c
                 WHERE c.relkind = 'r' AND c.relname LIKE 'ssd\\_%' AND c.relnamespace = current_schema()::regnamespace""")
                .query(Long.class).single());
        out.printf(Locale.UK, "National import of the %d extracts, %d at a time (each one transaction, then its LA's front-door figures computed and stored): "
                + "%,d rows in %.0f s, %,.0f rows/s (goal: under 5 minutes; at least 100,000 records/s); CPU %.1f s (JVM %.1f + PostgreSQL %.1f)%n",
                extracts.size(), imports, rows.sum(), seconds, rows.sum() / seconds, jvm + pg, jvm, pg);
        out.printf(Locale.UK, "Store on disk (every ssd_* table and index): %,d bytes, %.2fx the CSV files (goal: at most 3x)%n", onDisk,
                (double) onDisk / csvBytes);
        return true;
    }

    /** Nanoseconds spent reading rows, evaluating the clocks and computing the front door, over all threads. */
    private final java.util.concurrent.atomic.LongAdder reading = new java.util.concurrent.atomic.LongAdder();
    private final java.util.concurrent.atomic.LongAdder clocking = new java.util.concurrent.atomic.LongAdder();
    private final java.util.concurrent.atomic.LongAdder counting = new java.util.concurrent.atomic.LongAdder();

    private long compute(List<JourneySnapshot> batch, TimescaleRules rules, FrontDoor frontDoor) {
        long t0 = System.nanoTime();
        java.util.Map<java.util.UUID, ChildJourneys.Journey> rows = journeys.journeys(batch.stream().map(JourneySnapshot::id).toList(), ChildJourneys.Reading.TIMESCALES);
        long t1 = System.nanoTime();
        reading.add(t1 - t0);
        long n = 0;
        for (JourneySnapshot snapshot : batch) {
            long t2 = System.nanoTime();
            // taken out of the batch's rows: done with, its rows can be collected while the rest of the batch is computed
            ChildJourneys.Journey journey = rows.remove(snapshot.id());
            ProtectionTimescales.Evaluation evaluation = new ProtectionTimescales(rules, calendar).evaluate(journey, snapshot.asOf());
            long t3 = System.nanoTime();
            FrontDoor.Result result = frontDoor.compute(journey, evaluation, FrontDoor.Period.yearTo(snapshot.asOf()), snapshot.asOf());
            long t4 = System.nanoTime();
            clocking.add(t3 - t2);
            counting.add(t4 - t3);
            n += evaluation.occurrences().size() + result.facts().size();
        }
        return n;
    }

    /**
     * The baseline: the front door's counts and the main timescale measures in plain SQL (calendar-day approximations of
     * the working-day clocks: 63 days for 45 working days, 21 for 15, 14 for 10), per LA over its current snapshot.
     */
    private Object sqlBaseline() {
        List<Object> all = new ArrayList<>();
        all.add(jdbc.sql("""
                SELECT s.id, count(*) AS contacts FROM import_snapshot s JOIN ssd_contacts c ON c.snapshot_no = s.no
                 WHERE s.superseded_at IS NULL AND s.kind = 'SSD' AND c.cont_contact_date > s.as_at - 365 GROUP BY s.id""").query().listOfRows());
        all.add(jdbc.sql("""
                SELECT s.id, count(*) AS referrals, count(*) FILTER (WHERE r.cine_referral_nfa = 'true') AS nfa,
                       count(*) FILTER (WHERE EXISTS (SELECT 1 FROM ssd_cin_episodes p WHERE p.snapshot_no = s.no AND p.cine_person_id = r.cine_person_id
                                          AND p.cine_referral_date < r.cine_referral_date AND p.cine_referral_date >= r.cine_referral_date - 365)) AS re_referrals,
                       count(*) FILTER (WHERE r.cine_close_reason = 'RC9') AS step_downs,
                       count(*) FILTER (WHERE r.cine_close_reason = 'RC9' AND EXISTS (SELECT 1 FROM ssd_early_help_episodes e WHERE e.snapshot_no = s.no
                                          AND e.earl_person_id = r.cine_person_id AND e.earl_episode_start_date BETWEEN r.cine_close_date - 7 AND r.cine_close_date + 14))
                                          AS early_help_in_time
                  FROM import_snapshot s JOIN ssd_cin_episodes r ON r.snapshot_no = s.no
                 WHERE s.superseded_at IS NULL AND s.kind = 'SSD' AND r.cine_referral_date > s.as_at - 365 GROUP BY s.id""").query().listOfRows());
        all.add(jdbc.sql("""
                SELECT s.id, count(*) AS assessments, count(*) FILTER (WHERE a.cina_assessment_auth_date <= r.cine_referral_date + 63) AS in_time
                  FROM import_snapshot s JOIN ssd_cin_assessments a ON a.snapshot_no = s.no
                  JOIN ssd_cin_episodes r ON r.snapshot_no = s.no AND r.cine_referral_id = a.cina_referral_id
                 WHERE s.superseded_at IS NULL AND s.kind = 'SSD' AND a.cina_assessment_auth_date > s.as_at - 365 GROUP BY s.id""").query().listOfRows());
        all.add(jdbc.sql("""
                SELECT s.id, count(*) AS conferences, count(*) FILTER (WHERE c.icpc_icpc_date <= e.s47e_s47_start_date + 21) AS in_time
                  FROM import_snapshot s JOIN ssd_initial_cp_conference c ON c.snapshot_no = s.no
                  JOIN ssd_s47_enquiry e ON e.snapshot_no = s.no AND e.s47e_s47_enquiry_id = c.icpc_s47_enquiry_id
                 WHERE s.superseded_at IS NULL AND s.kind = 'SSD' AND c.icpc_icpc_date > s.as_at - 365 GROUP BY s.id""").query().listOfRows());
        all.add(jdbc.sql("""
                SELECT s.id, count(*) FILTER (WHERE p.cppl_cp_plan_start_date > s.as_at - 365) AS started,
                       count(*) FILTER (WHERE p.cppl_cp_plan_end_date > s.as_at - 365 AND p.cppl_cp_plan_end_date >= p.cppl_cp_plan_start_date + 730) AS over_2_years,
                       count(*) FILTER (WHERE p.cppl_cp_plan_end_date > s.as_at - 365 AND p.cppl_cp_plan_end_date <= p.cppl_cp_plan_start_date + 91) AS short
                  FROM import_snapshot s JOIN ssd_cp_plans p ON p.snapshot_no = s.no
                 WHERE s.superseded_at IS NULL AND s.kind = 'SSD' GROUP BY s.id""").query().listOfRows());
        all.add(jdbc.sql("""
                SELECT snapshot_no, count(*) AS visits, count(*) FILTER (WHERE gap <= 14) AS in_time FROM (
                  SELECT v.snapshot_no, v.cppv_cp_visit_date - lag(v.cppv_cp_visit_date) OVER (PARTITION BY v.snapshot_no, v.cppv_cp_plan_id
                         ORDER BY v.cppv_cp_visit_date) AS gap
                    FROM import_snapshot s JOIN ssd_cp_visits v ON v.snapshot_no = s.no WHERE s.superseded_at IS NULL AND s.kind = 'SSD') g
                 GROUP BY snapshot_no""").query().listOfRows());
        return all;
    }
}
