package org.oversight.compliance.bench;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.oversight.childdata.ChildDataImporter;
import org.oversight.childdata.snapshots.ChildDataSnapshots;
import org.oversight.childdata.snapshots.ChildDataSnapshots.Kind;
import org.oversight.childdata.snapshots.ChildDataSnapshots.Snapshot;
import org.oversight.childdata.ssda903.SyntheticData;
import org.oversight.compliance.ComplianceService;
import org.oversight.register.LocalAuthorities;
import org.oversight.shared.cli.CliCommand;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code bin/oversight bench-compliance [--seed N]}: loads the national synthetic data set (all 153 LAs) as snapshots,
 * then times a full recompute of review and keeping-in-touch compliance for every child against one hand-written SQL
 * aggregate over the same tables in the same run, and the compliance of the largest LA alone (what its dashboard needs).
 * {@code main} runs it on a fresh embedded database in a temporary folder, so it never touches your data. The baseline
 * is SQL over childdata's tables on purpose: it is what the recompute is measured against.
 */
@Component
class BenchComplianceCommand implements CliCommand {

    private final ChildDataImporter importer;
    private final ChildDataSnapshots snapshots;
    private final ComplianceService compliance;
    private final LocalAuthorities localAuthorities;
    private final JdbcClient jdbc;

    BenchComplianceCommand(ChildDataImporter importer, ChildDataSnapshots snapshots, ComplianceService compliance,
                           LocalAuthorities localAuthorities, JdbcClient jdbc) {
        this.importer = importer;
        this.snapshots = snapshots;
        this.compliance = compliance;
        this.localAuthorities = localAuthorities;
        this.jdbc = jdbc;
    }

    @Override
    public String name() {
        return "bench-compliance";
    }

    @Override
    public String usage() {
        return "[--seed N]";
    }

    @Override
    public String description() {
        return "Benchmark: national synthetic data, full compliance recompute vs one SQL aggregate (fresh temporary database)";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        long seed = args.size() >= 2 && args.get(0).equals("--seed") ? Long.parseLong(args.get(1)) : 2026;
        Path dir = Files.createTempDirectory("oversight-bench-903");
        long t0 = System.nanoTime();
        SyntheticData.Summary summary = SyntheticData.generate("national", seed, List.of(), dir);
        out.printf(Locale.UK, "Generated %d LAs in %.1f s%n", summary.byLa().size(), (System.nanoTime() - t0) / 1e9);
        long t1 = System.nanoTime();
        for (String code : summary.byLa().keySet()) {
            ChildDataImporter.Outcome outcome = importer.importFolder(code, 2026, dir.resolve(code));
            if (!outcome.stored()) {
                err.println("LA " + code + ": not stored, " + outcome.errors().size() + " errors");
                return 2;
            }
        }
        out.printf(Locale.UK, "Imported %d children into PostgreSQL in %.1f s%n",
                jdbc.sql("SELECT count(*) FROM child").query(Long.class).single(), (System.nanoTime() - t1) / 1e9);
        List<Snapshot> current = new ArrayList<>();
        for (UUID la : snapshots.lasWithCurrent(Kind.SSDA903)) {
            snapshots.current(la, Kind.SSDA903).ifPresent(current::add);
        }
        long recompute = Long.MAX_VALUE;
        long baseline = Long.MAX_VALUE;
        long children = 0;
        for (int round = 0; round < 3; round++) {
            long s = System.nanoTime();
            children = 0;
            // LAs are independent: recompute them on every core, as PostgreSQL may use more than one for the baseline.
            children = current.parallelStream().mapToLong(snapshot -> compliance.compute(snapshot).children().size()).sum();
            recompute = Math.min(recompute, System.nanoTime() - s);
            long b = System.nanoTime();
            jdbc.sql("""
                    SELECT s.la_id, count(DISTINCT e.child_ref) FILTER (WHERE e.dec IS NULL) AS in_care, count(r.review_date) AS reviews,
                           min(r.review_date), max(r.review_date)
                      FROM import_snapshot s JOIN episode e ON e.snapshot_id = s.id
                      LEFT JOIN review r ON r.snapshot_id = s.id AND r.child_ref = e.child_ref AND r.review_date >= e.decom
                     WHERE s.superseded_at IS NULL AND s.kind = 'SSDA903' GROUP BY s.la_id""").query().listOfRows();
            jdbc.sql("""
                    SELECT a.la_id, a.team, count(*) FILTER (WHERE a.last_visit < s.as_at - 42) AS visits_overdue,
                           count(*) FILTER (WHERE a.last_health < s.as_at - 365) AS health_overdue,
                           count(*) FILTER (WHERE a.pathway_review < s.as_at - 183) AS pathway_overdue
                      FROM import_snapshot s JOIN annex_a_child a ON a.snapshot_id = s.id
                     WHERE s.superseded_at IS NULL AND s.kind = 'ANNEX_A' GROUP BY a.la_id, a.team""").query().listOfRows();
            baseline = Math.min(baseline, System.nanoTime() - b);
        }
        String largestCode = summary.byLa().values().stream().max(java.util.Comparator.comparingInt(SyntheticData.LaCounts::childrenInCare))
                .orElseThrow().laCode();
        UUID largest = localAuthorities.findByLaCode(largestCode).orElseThrow().id();
        Snapshot big = snapshots.current(largest, Kind.SSDA903).orElseThrow();
        long one = Long.MAX_VALUE;
        for (int round = 0; round < 5; round++) {
            long s = System.nanoTime();
            compliance.compute(big);
            one = Math.min(one, System.nanoTime() - s);
        }
        out.printf(Locale.UK, "Full recompute: %d children in care and care leavers, every rule, %d LAs, on %d cores, best of 3: %.2f s (goal: 5 s or less)%n", children, current.size(), Runtime.getRuntime().availableProcessors(), recompute / 1e9);
        out.printf(Locale.UK, "SQL aggregate baseline over the same tables: %.2f s%n", baseline / 1e9);
        out.printf(Locale.UK, "Ratio recompute / SQL: %.2fx (goal: within 2x)%n", (double) recompute / baseline);
        out.printf(Locale.UK, "Largest LA (%s) compliance for its dashboard: %.0f ms (goal: under 200 ms)%n", largestCode, one / 1e6);
        return 0;
    }
}
