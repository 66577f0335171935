package org.oversight.compliance.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.oversight.childdata.ChildDataImporter;
import org.oversight.childdata.SyntheticJourneys;
import org.oversight.childdata.ssda903.SyntheticData;
import org.oversight.register.LocalAuthorities;
import org.oversight.register.LocalAuthority;
import org.oversight.shared.cli.CliCommand;
import org.oversight.shared.cli.ProcessCpu;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code bin/oversight bench-load [--seconds N] [--users N] [--warmup N] [--with-national-compliance]}: the whole
 * application on a random loopback port, on a fresh temporary database holding the register, the bundled Ofsted reports,
 * the demo accounts and plans and the national synthetic child-level data; then N users (virtual threads, default 50),
 * each signed in through the login form with demo accounts suited to the pages and keeping its session cookies, request
 * the main pages one after another without pause: the home page ("Your work"), the LA's single record, its compliance dashboard, a
 * plan, the national picture, the LA's front door (City of London's at the largest LA's volume), the register of all
 * 153 LAs (and, when asked, the analysts' national compliance page, which reads every LA's stored figures).
 * Prints requests per second, p50/p95/p99 latency and errors per page group, next to {@code /actuator/health} requested
 * by the same users in the same rotation (the HTTP stack and one database round trip), the ratio of the p95s, and each
 * page's latency alone (one user, before the load). {@code --think-ms} adds a pause after each answer, as people read. The goal: p95 under 100 ms for the single record and the
 * dashboards, no errors. {@code main} starts it as a web application on a temporary database, so it never touches
 * your data.
 */
@Component
class BenchLoadCommand implements CliCommand {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"|value=\"([^\"]+)\"[^>]*name=\"_csrf\"");
    private static final Pattern SESSION = Pattern.compile("((?:JSESSIONID|SESSION)=[^;]+)");

    private final ChildDataImporter importer;
    private final JdbcClient jdbc;
    private final Environment environment;
    private final String password;
    private final org.springframework.context.ApplicationEventPublisher events;
    private final SyntheticJourneys journeys;
    private final LocalAuthorities localAuthorities;
    private final Clock clock;

    BenchLoadCommand(ChildDataImporter importer, JdbcClient jdbc, Environment environment,
                     @Value("${oversight.demo.password:}") String password, org.springframework.context.ApplicationEventPublisher events,
                     SyntheticJourneys journeys, LocalAuthorities localAuthorities, Clock clock) {
        this.events = events;
        this.journeys = journeys;
        this.localAuthorities = localAuthorities;
        this.clock = clock;
        this.importer = importer;
        this.jdbc = jdbc;
        this.environment = environment;
        this.password = password;
    }

    @Override
    public String name() {
        return "bench-load";
    }

    @Override
    public String usage() {
        return "[--seconds N] [--users N] [--warmup N] [--think-ms N] [--saturation-seconds N] [--with-national-compliance]";
    }

    @Override
    public String description() {
        return "Benchmark: 50 signed-in users on the main pages (national data, fresh temporary database); latency per page";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        Map<String, Integer> options = new LinkedHashMap<>(Map.of("--seconds", 30, "--users", 50, "--warmup", 5, "--seed", 2026, "--think-ms", 0,
                "--saturation-seconds", 10));
        boolean nationalCompliance = false;
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i).equals("--with-national-compliance")) {
                nationalCompliance = true;
                continue;
            }
            if (!options.containsKey(args.get(i)) || i + 1 >= args.size() || !args.get(i + 1).matches("\\d{1,6}")) {
                err.println("Usage: bin/oversight bench-load " + usage() + "  ('" + args.get(i) + "' is not one of these)");
                return 1;
            }
            options.put(args.get(i), Integer.parseInt(args.get(++i)));
        }
        String port = environment.getProperty("local.server.port");
        if (port == null || password.isBlank()) {
            err.println("bench-load needs the web server and a known demo password: run it as bin/oversight bench-load");
            return 1;
        }
        loadNationalData(options.get("--seed"), out, err);
        loadJourneys(options.get("--seed"), out, err);
        UUID plan = jdbc.sql("""
                SELECT p.id FROM improvement_plan p JOIN local_authority la ON la.id = p.la_id WHERE la.urn = 80450 ORDER BY p.created_at LIMIT 1
                """).query(UUID.class).optional().orElse(null);
        if (plan == null) {
            err.println("No demo plan of City of London to request (is OVERSIGHT_DEMO=false?)");
            return 1;
        }
        out.printf(Locale.UK, "Database: %d LAs, %d children in current snapshots, %d Ofsted documents, %d plans%n",
                count("SELECT count(*) FROM local_authority WHERE active"),
                count("SELECT count(*) FROM child c JOIN import_snapshot s ON s.id = c.snapshot_id WHERE s.superseded_at IS NULL"),
                count("SELECT count(*) FROM source_document"), count("SELECT count(*) FROM improvement_plan"));
        // Batch commands run before Oversight declares itself ready; it is ready now, and /actuator/health should say so.
        org.springframework.boot.availability.AvailabilityChangeEvent.publish(events, this,
                org.springframework.boot.availability.ReadinessState.ACCEPTING_TRAFFIC);
        Load load = new Load("http://127.0.0.1:" + port, password, plan, options.get("--users"),
                Duration.ofSeconds(options.get("--warmup")), Duration.ofSeconds(options.get("--seconds")), nationalCompliance);
        load.thinkMillis = options.get("--think-ms");
        load.saturationSeconds = options.get("--saturation-seconds");
        load.databaseBackend = jdbc.sql("SELECT pg_backend_pid()").query(Long.class).single();
        Load.Report report = load.run();
        report.print(out, options.get("--users"));
        return report.errors() == 0 ? 0 : 2;
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    /**
     * Whole-journey data for the front door: City of London's users get the largest LA's volume (England's children in
     * need in a year shared by population aged 0 to 25, as {@link BenchProtectionCommand} sizes them), Southwark's its own.
     */
    private void loadJourneys(long seed, PrintStream out, PrintStream err) {
        List<LocalAuthority> las = localAuthorities.allActive().stream().filter(la -> la.population0to25() != null).toList();
        long population = las.stream().mapToLong(LocalAuthority::population0to25).sum();
        LocalAuthority largest = las.stream().max(java.util.Comparator.comparingInt(LocalAuthority::population0to25)).orElseThrow();
        LocalDate reference = LocalDate.now(clock).minusDays(1);
        for (int urn : new int[] {80450, 80514}) {
            LocalAuthority la = localAuthorities.get(urn);
            LocalAuthority sized = urn == 80450 ? largest : la;
            int children = (int) Math.max(1, Math.round((double) BenchProtectionCommand.ENGLAND_CHILDREN * sized.population0to25() / population));
            long t0 = System.nanoTime();
            ChildDataImporter.Outcome outcome = journeys.load(la, children, seed, reference);
            if (!outcome.stored()) {
                err.println(la.name() + ": synthetic journey not stored, " + outcome.errors().size() + " errors");
                continue;
            }
            out.printf(Locale.UK, "Whole-journey data of %s at %s's volume: %,d children, %,d rows, in %.1f s%n", la.name(), sized.name(), children,
                    outcome.accepted(), (System.nanoTime() - t0) / 1e9);
        }
    }

    /** The national synthetic SSDA903 returns of every LA, as {@link BenchComplianceCommand} loads them. */
    private void loadNationalData(long seed, PrintStream out, PrintStream err) throws IOException {
        Path dir = Files.createTempDirectory("oversight-bench-load-903");
        long t0 = System.nanoTime();
        SyntheticData.Summary summary = SyntheticData.generate("national", seed, List.of(), dir);
        for (String code : summary.byLa().keySet()) {
            ChildDataImporter.Outcome outcome = importer.importFolder(code, 2026, dir.resolve(code));
            if (!outcome.stored()) {
                err.println("LA " + code + ": synthetic return not stored, " + outcome.errors().size() + " errors");
            }
        }
        out.printf(Locale.UK, "Loaded the national synthetic child-level data (%d LAs) in %.1f s%n", summary.byLa().size(),
                (System.nanoTime() - t0) / 1e9);
    }

    /** The load: users, their sessions, the page rotation and the measurements. */
    static final class Load {

        /** The page groups, in each user's rotation; the last is the baseline. */
        static final int NATIONAL_COMPLIANCE = 5;
        static final List<String> GROUPS = List.of("home (Your work)", "single record", "compliance dashboard", "plans", "national picture",
                "national compliance", "front door", "register", "baseline /actuator/health");

        private final String base;
        private final String password;
        private final UUID plan;
        private final int users;
        private final Duration warmup;
        private final Duration measure;
        /**
         * The users' HTTP clients, taken in turn. One JDK {@code HttpClient} runs the I/O of all its connections on one
         * selector thread: with 500 users it held the whole load at 94 requests a second on a quiet machine, against
         * 119 with 16 clients (issue 15, 7 December 2026), so the benchmark measured itself rather than the app.
         */
        private final List<HttpClient> clients;
        private final java.util.concurrent.atomic.AtomicInteger nextClient = new java.util.concurrent.atomic.AtomicInteger();
        static final int HTTP_CLIENTS = 16;
        private final boolean nationalCompliance;
        /** A pause after each answer, as a person reads the page; 0 for back-to-back requests. */
        int thinkMillis;
        /** Seconds each page group is requested alone, back to back, after the run (its requests a second at saturation); 0: not. */
        int saturationSeconds;
        /** Sign-ins at once: each checks a password (bcrypt), and the sign-in throttle checks few at a time per address. */
        static final int SIGN_INS_AT_ONCE = 4;
        /** A backend of the app's PostgreSQL on this machine, whose server's CPU time is measured at saturation; 0: not measured. */
        long databaseBackend;
        /** Closed-loop clients per page group at saturation: enough to keep both cores busy. */
        static final int SATURATION_CLIENTS = 16;
        /** The longest the users wait for each other to sign in before the measured run starts without the late ones. */
        Duration signInDeadline = Duration.ofMinutes(10);

        Load(String base, String password, UUID plan, int users, Duration warmup, Duration measure, boolean nationalCompliance) {
            this.nationalCompliance = nationalCompliance;
            this.base = base;
            this.password = password;
            this.plan = plan;
            this.users = users;
            this.warmup = warmup;
            this.measure = measure;
            this.clients = java.util.stream.IntStream.range(0, HTTP_CLIENTS).mapToObj(i -> HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10))
                    .executor(Executors.newVirtualThreadPerTaskExecutor()).build()).toList();
        }

        /** The next of the HTTP clients (each request carries its own session cookie, so any client may send it). */
        private HttpClient client() {
            return clients.get(Math.floorMod(nextClient.getAndIncrement(), HTTP_CLIENTS));
        }

        /** What one user measured: latencies in nanoseconds per group, and errors per group. */
        record Measured(long[][] latencies, int[] counts, int[] errors, List<String> firstErrors) {
            static Measured none() {
                return new Measured(new long[GROUPS.size()][0], new int[GROUPS.size()], new int[GROUPS.size()], List.of());
            }
        }

        /**
         * @param setupErrors what went wrong before or around the measured run: a user that could not sign in, a page
         *                    that failed alone, a user that did not finish in time (each counts as an error)
         * @param saturation  requests a second of each page group alone at saturation (NaN: not measured)
         */
        record Report(List<Measured> users, double seconds, double[] alone, int thinkMillis, List<String> setupErrors, int signInFailures,
                      double[] saturation, int[] saturationErrors, double[] appCpuMs, double[] dbCpuMs) {
            long errors() {
                return users.stream().mapToLong(u -> Arrays.stream(u.errors()).sum()).sum() + setupErrors.size()
                        + Arrays.stream(saturationErrors).sum();
            }

            void print(PrintStream out, int userCount) {
                out.printf(Locale.UK, "%n%d users for %.0f s on loopback (after warm-up), each requesting the pages in turn %s;%n"
                        + "'alone ms': the median of one user requesting the page on its own before the load%n", userCount, seconds,
                        thinkMillis == 0 ? "without pause" : "with " + thinkMillis + " ms between answer and next request");
                out.printf(Locale.UK, "%-28s %9s %8s %8s %8s %8s %7s %9s %9s %9s %8s%n", "page group", "requests", "req/s", "p50 ms", "p95 ms",
                        "p99 ms", "errors", "p95/base", "alone ms", "sat req/s", "sat/base");
                double satBase = saturation[GROUPS.size() - 1];
                double[] base = percentiles(GROUPS.size() - 1);
                for (int g = 0; g < GROUPS.size(); g++) {
                    double[] p = percentiles(g);
                    int n = count(g);
                    int group = g;
                    int errors = users.stream().mapToInt(u -> u.errors()[group]).sum();
                    String sat = Double.isNaN(saturation[g]) ? String.format(Locale.UK, "%9s %8s", "-", "-")
                            : String.format(Locale.UK, "%9.1f %7.2fx", saturation[g], satBase > 0 ? saturation[g] / satBase : 0);
                    if (n == 0) {
                        out.printf(Locale.UK, "%-28s %9s %8s %8s %8s %8s %7s %9s %9.1f %s  (not in the rotation%s)%n",
                                GROUPS.get(g), "-", "-", "-", "-", "-", "-", "-", alone[g], sat,
                                g == NATIONAL_COMPLIANCE ? ": --with-national-compliance adds it" : "");
                        continue;
                    }
                    out.printf(Locale.UK, "%-28s %9d %8.1f %8.1f %8.1f %8.1f %7d %8.1fx %9.1f %s%n", GROUPS.get(g), n, n / seconds, p[0], p[1],
                            p[2], errors, base[1] == 0 ? 0 : p[1] / base[1], alone[g], sat);
                }
                if (!Double.isNaN(satBase)) {
                    out.printf(Locale.UK, "'sat req/s': each page group alone, %d clients back to back for the given seconds after the run; "
                            + "'sat/base' against /actuator/health measured the same way%n", SATURATION_CLIENTS);
                    printCpu(out);
                }
                int all = 0;
                for (int g = 0; g < GROUPS.size(); g++) {
                    all += count(g);
                }
                out.printf(Locale.UK, "all pages: %.1f requests/s%n", all / seconds);
                for (String group : List.of("single record", "compliance dashboard", "national picture", "national compliance")) {
                    if (count(GROUPS.indexOf(group)) == 0) {
                        continue;
                    }
                    double p95 = percentiles(GROUPS.indexOf(group))[1];
                    out.printf(Locale.UK, "goal p95 < 100 ms, %s: %.1f ms, %s%n", group, p95, p95 < 100 ? "met" : "NOT met");
                }
                int frontDoor = GROUPS.indexOf("front door");
                if (count(frontDoor) > 0) {
                    double p95 = percentiles(frontDoor)[1];
                    out.printf(Locale.UK, "goal p95 < 150 ms, front door at the largest LA's volume (issue 17): %.1f ms, %s%n", p95,
                            p95 < 150 ? "met" : "NOT met");
                }
                int single = GROUPS.indexOf("single record");
                if (!Double.isNaN(saturation[single]) && satBase > 0) {
                    double ratio = saturation[single] / satBase;
                    out.printf(Locale.UK, "goal single record at saturation >= 1/3 of the health endpoint's requests/s: %.2f, %s%n", ratio,
                            ratio >= 1.0 / 3 ? "met" : "NOT met");
                }
                out.printf(Locale.UK, "goal no errors: %d errors (%d users could not sign in), %s%n", errors(), signInFailures,
                        errors() == 0 ? "met" : "NOT met");
                setupErrors.stream().limit(10).forEach(e -> out.println("  error: " + e));
                users.stream().flatMap(u -> u.firstErrors().stream()).distinct().limit(10).forEach(e -> out.println("  error: " + e));
            }

            /**
             * CPU time per request at saturation: the JVM's (the app and this load generator, whose share the health
             * endpoint's row shows) and PostgreSQL's (the server's every process), so a page's cost can be compared
             * across runs whatever else the machine is doing. 1000 / total is its requests a second on one core.
             */
            private void printCpu(PrintStream out) {
                out.printf(Locale.UK, "%nCPU per request at saturation (milliseconds of CPU time; 'per core' = 1000 / total):%n");
                out.printf(Locale.UK, "%-28s %9s %9s %9s %9s %9s%n", "page group", "JVM ms", "db ms", "total ms", "per core", "over base");
                double base = appCpuMs[GROUPS.size() - 1] + dbCpuMs[GROUPS.size() - 1];
                String costliest = null;
                double most = 0;
                for (int g = 0; g < GROUPS.size(); g++) {
                    if (Double.isNaN(appCpuMs[g])) {
                        continue;
                    }
                    double total = appCpuMs[g] + dbCpuMs[g];
                    out.printf(Locale.UK, "%-28s %9.2f %9.2f %9.2f %9.0f %8.1fx%n", GROUPS.get(g), appCpuMs[g], dbCpuMs[g], total,
                            total > 0 ? 1000 / total : 0, base > 0 ? total / base : 0);
                    if (g < GROUPS.size() - 1 && total > most) {
                        most = total;
                        costliest = GROUPS.get(g);
                    }
                }
                if (costliest != null) {
                    out.printf(Locale.UK, "costliest page group: %s (%.2f ms of CPU a request)%n", costliest, most);
                }
            }

            int count(int group) {
                return users.stream().mapToInt(u -> u.counts()[group]).sum();
            }

            /** p50, p95, p99 in milliseconds (nearest rank). */
            private double[] percentiles(int group) {
                long[] all = users.stream().flatMapToLong(u -> Arrays.stream(u.latencies()[group], 0, u.counts()[group])).sorted()
                        .toArray();
                if (all.length == 0) {
                    return new double[] {0, 0, 0};
                }
                double[] result = new double[3];
                double[] ranks = {0.50, 0.95, 0.99};
                for (int i = 0; i < 3; i++) {
                    int index = (int) Math.ceil(ranks[i] * all.length) - 1;
                    result[i] = all[Math.max(0, Math.min(all.length - 1, index))] / 1e6;
                }
                return result;
            }
        }

        /**
         * The run: each page alone, then every user signed in (a few at a time) and requesting pages until the measured
         * time is over, then each page group at saturation. Every wait is bounded and every failure is counted.
         */
        Report run() throws Exception {
            List<String> setupErrors = java.util.Collections.synchronizedList(new ArrayList<>());
            // Each page alone first (one user, one request at a time): what a page costs without contention.
            double[] alone = new double[GROUPS.size()];
            Arrays.fill(alone, Double.NaN);
            String[][] probe = null;
            try {
                probe = pages(0);
            } catch (IOException | RuntimeException e) {
                setupErrors.add("the first user: " + e.getMessage());
            }
            for (int g = 0; probe != null && g < probe.length; g++) {
                long[] times = new long[7];
                String problem = null;
                for (int i = 0; i < times.length && problem == null; i++) {
                    long t0 = System.nanoTime();
                    problem = request(probe[g]);
                    times[i] = System.nanoTime() - t0;
                }
                if (problem != null) {
                    setupErrors.add("alone: " + problem);
                    continue;
                }
                Arrays.sort(times, 2, times.length); // the first two warm up
                alone[g] = times[2 + (times.length - 2) / 2] / 1e6;
            }
            java.util.concurrent.atomic.AtomicLong start = new java.util.concurrent.atomic.AtomicLong();
            java.util.concurrent.CountDownLatch signedIn = new java.util.concurrent.CountDownLatch(users);
            java.util.concurrent.Semaphore signing = new java.util.concurrent.Semaphore(SIGN_INS_AT_ONCE, true);
            java.util.concurrent.atomic.AtomicInteger signInFailures = new java.util.concurrent.atomic.AtomicInteger();
            List<String[][]> sessions = java.util.Collections.synchronizedList(new ArrayList<>());
            long signInUntil = System.nanoTime() + signInDeadline.toNanos();
            List<Measured> measured = new ArrayList<>();
            try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
                List<Future<Measured>> futures = new ArrayList<>();
                for (int i = 0; i < users; i++) {
                    int user = i;
                    futures.add(threads.submit(() -> {
                        String[][] pages;
                        try {
                            if (!signing.tryAcquire(Math.max(0, signInUntil - System.nanoTime()), java.util.concurrent.TimeUnit.NANOSECONDS)) {
                                throw new IllegalStateException("no turn to sign in before the deadline");
                            }
                            try {
                                pages = pages(user);
                            } finally {
                                signing.release();
                            }
                        } catch (IOException | RuntimeException e) {
                            signInFailures.incrementAndGet();
                            setupErrors.add("user " + user + ": " + e.getMessage());
                            return Measured.none();
                        } finally {
                            signedIn.countDown();
                        }
                        sessions.add(pages);
                        // All users start together once every one has signed in (or failed, or the deadline passed).
                        signedIn.await(Math.max(0, signInUntil - System.nanoTime()), java.util.concurrent.TimeUnit.NANOSECONDS);
                        start.compareAndSet(0, System.nanoTime());
                        long measureFrom = start.get() + warmup.toNanos();
                        return user(user, pages, measureFrom, measureFrom + measure.toNanos());
                    }));
                }
                long runUntil = signInUntil + warmup.toNanos() + measure.toNanos() + Duration.ofSeconds(60 + thinkMillis / 1000).toNanos();
                for (int i = 0; i < futures.size(); i++) {
                    try {
                        measured.add(futures.get(i).get(Math.max(1, runUntil - System.nanoTime()), java.util.concurrent.TimeUnit.NANOSECONDS));
                    } catch (java.util.concurrent.TimeoutException e) {
                        futures.get(i).cancel(true);
                        setupErrors.add("user " + i + " did not finish within a minute of the end of the run");
                        measured.add(Measured.none());
                    } catch (java.util.concurrent.ExecutionException e) {
                        setupErrors.add("user " + i + ": " + e.getCause());
                        measured.add(Measured.none());
                    }
                }
                threads.shutdownNow();
            }
            double[] saturation = new double[GROUPS.size()];
            Arrays.fill(saturation, Double.NaN);
            double[] appCpu = new double[GROUPS.size()];
            Arrays.fill(appCpu, Double.NaN);
            double[] dbCpu = new double[GROUPS.size()];
            Arrays.fill(dbCpu, Double.NaN);
            int[] saturationErrors = new int[GROUPS.size()];
            if (saturationSeconds > 0 && !sessions.isEmpty()) {
                for (int g = 0; g < GROUPS.size(); g++) {
                    if (g == NATIONAL_COMPLIANCE && !nationalCompliance) {
                        continue;
                    }
                    saturate(g, sessions, saturation, saturationErrors, setupErrors, appCpu, dbCpu);
                }
            }
            return new Report(measured, measure.toNanos() / 1e9, alone, thinkMillis, List.copyOf(setupErrors), signInFailures.get(),
                    saturation, saturationErrors, appCpu, dbCpu);
        }

        /** One page group alone, {@link #SATURATION_CLIENTS} clients back to back for the saturation seconds: requests a second. */
        private void saturate(int group, List<String[][]> sessions, double[] saturation, int[] errors, List<String> problems,
                              double[] appCpu, double[] dbCpu) throws InterruptedException {
            java.util.concurrent.atomic.AtomicInteger done = new java.util.concurrent.atomic.AtomicInteger();
            java.util.concurrent.atomic.AtomicInteger failed = new java.util.concurrent.atomic.AtomicInteger();
            long warmUntil = System.nanoTime() + Duration.ofSeconds(2).toNanos();
            long from = warmUntil;
            long until = from + Duration.ofSeconds(saturationSeconds).toNanos();
            try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int c = 0; c < SATURATION_CLIENTS; c++) {
                    String[] page = sessions.get(c % sessions.size())[group];
                    clients.submit(() -> {
                        while (System.nanoTime() < until) {
                            String problem = request(page);
                            long t1 = System.nanoTime();
                            if (t1 >= from && t1 <= until) { // answers completed within the window
                                done.incrementAndGet();
                                if (problem != null && failed.incrementAndGet() == 1) {
                                    problems.add("at saturation: " + problem);
                                }
                            }
                        }
                        return null;
                    });
                }
                clients.shutdown();
                long[] cpuFrom = sleepUntilThenCpu(from);
                long[] cpuUntil = sleepUntilThenCpu(until);
                int answered = Math.max(1, done.get());
                appCpu[group] = (cpuUntil[0] - cpuFrom[0]) / 1e6 / answered;
                dbCpu[group] = (cpuUntil[1] - cpuFrom[1]) / 1e6 / answered;
                if (!clients.awaitTermination(saturationSeconds + 60L, java.util.concurrent.TimeUnit.SECONDS)) {
                    clients.shutdownNow();
                    problems.add("at saturation: " + GROUPS.get(group) + " did not finish within a minute of its end");
                }
            }
            saturation[group] = done.get() / (double) saturationSeconds;
            errors[group] = failed.get();
        }

        /** Sleeps until the time ({@link System#nanoTime()}), then: this JVM's CPU time and PostgreSQL's, in nanoseconds. */
        private long[] sleepUntilThenCpu(long when) throws InterruptedException {
            long wait = when - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(Duration.ofNanos(wait));
            }
            return new long[] {ProcessCpu.jvmNanos(), databaseBackend > 0 ? ProcessCpu.postgresNanos(databaseBackend) : 0};
        }

        /** The pages of one user's rotation, with the session each is requested in (signed in now). */
        private String[][] pages(int index) throws IOException, InterruptedException {
            boolean colUser = index % 2 == 0;
            int urn = colUser ? 80450 : 80514;
            String laSession = signIn(colUser ? "col.manager" : "southwark.manager");
            String colSession = colUser ? laSession : signIn("col.manager");
            String analystSession = signIn("analyst");
            return new String[][] {
                    {"/", laSession},
                    {"/local-authorities/" + urn, laSession},
                    {"/local-authorities/" + urn + "/compliance", laSession},
                    {"/plans/" + plan, colSession},
                    {"/national", analystSession},
                    {"/compliance/national", analystSession},
                    {"/local-authorities/" + urn + "/help-and-protection", laSession},
                    {"/local-authorities", laSession},
                    {"/actuator/health", null},
            };
        }

        /** Requests one page, reading the whole answer; the problem, or null when it answered 200. */
        private String request(String[] page) throws InterruptedException {
            try {
                HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + page[0])).GET().timeout(Duration.ofSeconds(30))
                        // The health endpoint answers JSON only; pages are asked for HTML, as a browser does.
                        .header("Accept", page[0].startsWith("/actuator") ? "application/json" : "text/html,application/xhtml+xml");
                if (page[1] != null) {
                    request.header("Cookie", page[1]);
                }
                HttpResponse<byte[]> response = client().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
                return response.statusCode() == 200 ? null : page[0] + ": HTTP " + response.statusCode();
            } catch (IOException e) {
                return page[0] + ": " + e;
            }
        }

        private Measured user(int index, String[][] pages, long measureFrom, long until) throws InterruptedException {
            long[][] latencies = new long[pages.length][1024];
            int[] counts = new int[pages.length];
            int[] errors = new int[pages.length];
            List<String> firstErrors = new ArrayList<>();
            int next = index % pages.length;
            while (true) {
                if (next == NATIONAL_COMPLIANCE && !nationalCompliance) {
                    next++;
                }
                long t0 = System.nanoTime();
                if (t0 >= until) {
                    break;
                }
                String problem = request(pages[next]);
                long t1 = System.nanoTime();
                if (t0 >= measureFrom) {
                    if (counts[next] == latencies[next].length) {
                        latencies[next] = Arrays.copyOf(latencies[next], counts[next] * 2);
                    }
                    latencies[next][counts[next]++] = t1 - t0;
                    if (problem != null) {
                        errors[next]++;
                        if (firstErrors.size() < 3) {
                            firstErrors.add(problem);
                        }
                    }
                }
                next = (next + 1) % pages.length;
                if (thinkMillis > 0) {
                    Thread.sleep(thinkMillis);
                }
            }
            return new Measured(latencies, counts, errors, firstErrors);
        }

        /** Signs in through the login form (with its CSRF token) and returns the session cookie. */
        private String signIn(String username) throws IOException, InterruptedException {
            return signIn(username, 1);
        }

        private String signIn(String username, int attempt) throws IOException, InterruptedException {
            HttpResponse<String> form = client().send(HttpRequest.newBuilder(URI.create(base + "/login")).GET().timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString());
            String session = cookie(form).orElseThrow(() -> new IllegalStateException("/login set no session cookie"));
            Matcher csrf = CSRF.matcher(form.body());
            if (!csrf.find()) {
                throw new IllegalStateException("/login has no CSRF token");
            }
            String token = csrf.group(1) != null ? csrf.group(1) : csrf.group(2);
            String body = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                    + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
            HttpResponse<String> signedIn = client().send(HttpRequest.newBuilder(URI.create(base + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", session)
                    .POST(HttpRequest.BodyPublishers.ofString(body)).timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
            String location = signedIn.headers().firstValue("Location").orElse("");
            Matcher wait = Pattern.compile("[?&]wait=(\\d+)").matcher(location);
            if (signedIn.statusCode() == 302 && wait.find() && attempt < 5) {
                // The sign-in throttle checks few passwords at a time per address: wait as told, then try again (a few times).
                Thread.sleep(Math.min(10, Long.parseLong(wait.group(1))) * 1000L);
                return signIn(username, attempt + 1);
            }
            if (signedIn.statusCode() != 302 || location.contains("error") || location.contains("wait=")) {
                throw new IllegalStateException("could not sign in as " + username + ": HTTP " + signedIn.statusCode() + " " + location);
            }
            return cookie(signedIn).orElse(session);
        }

        private static java.util.Optional<String> cookie(HttpResponse<?> response) {
            for (String header : response.headers().allValues("Set-Cookie")) {
                Matcher m = SESSION.matcher(header);
                if (m.find()) {
                    return java.util.Optional.of(m.group(1));
                }
            }
            return java.util.Optional.empty();
        }
    }
}
