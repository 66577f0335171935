package org.oversight.childdata.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.oversight.childdata.ChildDataImporter;
import org.oversight.childdata.ImportFile;
import org.oversight.childdata.cin.SyntheticCinCensus;
import org.oversight.childdata.ssd.JourneyImporter;
import org.oversight.childdata.ssd.SsdExtract;
import org.oversight.childdata.ssd.SyntheticJourney;
import org.oversight.shared.cli.ProcessCpu;
import org.oversight.register.LocalAuthorities;
import org.oversight.register.LocalAuthority;
import org.oversight.shared.db.TenantScope;
import org.oversight.shared.upload.UploadLimits;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code bin/oversight bench-ssd [--children N] [--la CODE] [--seed N]}: writes a synthetic SSD extract for N children of
 * one LA, then times reading and checking it alone (the baseline, no database) against importing it (read, check and
 * store in one transaction), and prints records a second, the ratio of the two, and the store's size on disk against
 * the CSV files'. {@code main} runs it on a fresh embedded database in a temporary folder, never your data.
 */
@Component
class BenchSsdCommand implements org.oversight.shared.cli.CliCommand {

    private final JourneyImporter importer;
    private final LocalAuthorities localAuthorities;
    private final UploadLimits limits;
    private final JdbcClient jdbc;

    private final org.oversight.childdata.ssd.SsdImportLimits ssdLimits;
    private final org.springframework.transaction.support.TransactionTemplate transaction;

    BenchSsdCommand(JourneyImporter importer, LocalAuthorities localAuthorities, UploadLimits limits, JdbcClient jdbc,
                    org.oversight.childdata.ssd.SsdImportLimits ssdLimits, org.springframework.transaction.PlatformTransactionManager transactions) {
        this.ssdLimits = ssdLimits;
        this.transaction = new org.springframework.transaction.support.TransactionTemplate(transactions);
        this.importer = importer;
        this.localAuthorities = localAuthorities;
        this.limits = limits;
        this.jdbc = jdbc;
    }

    @Override
    public String name() {
        return "bench-ssd";
    }

    @Override
    public String usage() {
        return "[--children N] [--la CODE] [--seed N]";
    }

    @Override
    public String description() {
        return "Benchmark: import of a synthetic SSD extract (CSV path) against reading and checking it alone; records/s and size on disk";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        int children = 10_000;
        String code = "330";
        long seed = 1;
        for (int i = 0; i < args.size(); i++) {
            switch (args.get(i)) {
                case "--children" -> children = Integer.parseInt(args.get(++i));
                case "--la" -> code = args.get(++i);
                case "--seed" -> seed = Long.parseLong(args.get(++i));
                default -> {
                    err.println("Usage: bin/oversight bench-ssd " + usage());
                    return 1;
                }
            }
        }
        String laCode = code;
        LocalAuthority la = localAuthorities.findByLaCode(laCode).orElseThrow(() -> new IllegalArgumentException("No LA has the code " + laCode));
        Path dir = Files.createTempDirectory("oversight-bench-ssd");
        SyntheticJourney.write(SyntheticJourney.of(SyntheticCinCensus.for2025to26(laCode, children, seed).census(), seed), dir);
        List<ImportFile> files;
        long csvBytes = 0;
        try (Stream<Path> list = Files.list(dir)) {
            List<Path> paths = list.sorted().toList();
            for (Path p : paths) {
                csvBytes += Files.size(p);
            }
            files = paths.stream().map(ImportFile::of).toList();
        }
        // Warm up both paths once on the same files, then time them.
        SsdExtract.read(files, limits, ssdLimits, java.time.LocalDate.of(2026, 3, 31));
        long t0 = System.nanoTime();
        SsdExtract.Result read = SsdExtract.read(files, limits, ssdLimits, java.time.LocalDate.of(2026, 3, 31));
        double parse = (System.nanoTime() - t0) / 1e9;
        if (!read.errors().isEmpty()) {
            err.println("The synthetic extract has errors: " + read.errors().getFirst());
            return 2;
        }
        // The import joins a transaction of the benchmark's own, so the time to store the rows (to the end of the commit)
        // and what runs once they are committed (the LA's front-door figures, computed and stored) are timed apart.
        // a backend of the server, through which its CPU time is read (ProcessCpu)
        long backend = TenantScope.asSystem(() -> jdbc.sql("SELECT pg_backend_pid()").query(Long.class).single());
        long jvm0 = ProcessCpu.jvmNanos();
        long pg0 = ProcessCpu.postgresNanos(backend);
        long t1 = System.nanoTime();
        long[] stored = new long[3];
        ChildDataImporter.Outcome outcome = TenantScope.asSystem(() -> transaction.execute(s -> {
            org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(new Committed(stored, backend));
            return importer.importSsd(la.urn(), 2025, files, ChildDataImporter.Mode.REJECT_IF_ANY_ERROR, true, () -> { });
        }));
        double load = (System.nanoTime() - t1) / 1e9;
        double jvm = (ProcessCpu.jvmNanos() - jvm0) / 1e9;
        double pg = (ProcessCpu.postgresNanos(backend) - pg0) / 1e9;
        double jvmStored = (stored[1] - jvm0) / 1e9;
        double pgStored = (stored[2] - pg0) / 1e9;
        double store = (stored[0] - t1) / 1e9;
        if (!outcome.stored()) {
            err.println("Not stored: " + outcome.errors().stream().limit(5).toList());
            return 2;
        }
        long onDisk = TenantScope.asSystem(() -> jdbc.sql("""
                SELECT coalesce(sum(pg_total_relation_size(c.oid)), 0) FROM pg_class c
                 WHERE c.relkind = 'r' AND c.relname LIKE 'ssd\\_%' AND c.relnamespace = current_schema()::regnamespace""")
                .query(Long.class).single());
        long records = outcome.accepted();
        out.printf(Locale.ROOT, "SSD extract of %s, %,d children: %,d records in %d files, %,d bytes of CSV%n", la.name(), children, records,
                files.size(), csvBytes);
        out.printf(Locale.ROOT, "  read and check only (baseline): %.2f s, %,.0f records/s%n", parse, records / parse);
        out.printf(Locale.ROOT, "  import (read, check, store, commit): %.2f s, %,.0f records/s (%.1fx the baseline's time); CPU %.2f s (JVM %.2f + PostgreSQL %.2f)%n",
                store, records / store, store / parse, jvmStored + pgStored, jvmStored, pgStored);
        out.printf(Locale.ROOT, "  and the front-door figures computed once committed: %.2f s, %,.0f records/s; CPU %.2f s (JVM %.2f + PostgreSQL %.2f)%n",
                load, records / load, jvm + pg, jvm, pg);
        out.printf(Locale.ROOT, "  store on disk: %,d bytes, %.2fx the CSV files%n", onDisk, (double) onDisk / csvBytes);
        out.printf(Locale.ROOT, "  %-27s %9s %11s %11s%n", "table", "rows", "table", "indexes");
        TenantScope.asSystem(() -> jdbc.sql("""
                SELECT c.relname, pg_table_size(c.oid), pg_indexes_size(c.oid) FROM pg_class c
                 WHERE c.relkind = 'r' AND c.relname LIKE 'ssd\\_%' AND c.relnamespace = current_schema()::regnamespace
                 ORDER BY pg_total_relation_size(c.oid) DESC""")
                .query((rs, i) -> out.printf(Locale.ROOT, "  %-27s %,9d %,11d %,11d%n", rs.getString(1),
                        jdbc.sql("SELECT count(*) FROM " + rs.getString(1)).query(Long.class).single(), rs.getLong(2), rs.getLong(3))).list());
        try (Stream<Path> list = Files.list(dir)) {
            for (Path p : list.toList()) {
                Files.delete(p);
            }
        }
        Files.delete(dir);
        return 0;
    }

    /**
     * Notes when the import's transaction has committed, before anything that waits for the commit runs: the time, then
     * the CPU time of this JVM and of the PostgreSQL server so far ({@link ProcessCpu}, the server found from {@code backend}).
     */
    private record Committed(long[] at, long backend) implements org.springframework.transaction.support.TransactionSynchronization {

        @Override
        public int getOrder() {
            return org.springframework.core.Ordered.HIGHEST_PRECEDENCE;
        }

        @Override
        public void afterCommit() {
            at[0] = System.nanoTime();
            at[1] = ProcessCpu.jvmNanos();
            at[2] = ProcessCpu.postgresNanos(backend);
        }
    }
}
