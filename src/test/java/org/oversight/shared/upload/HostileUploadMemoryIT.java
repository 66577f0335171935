package org.oversight.shared.upload;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oversight.support.HostileFiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No upload of any shape moves the server's heap by more than 256 MB, and each is answered with a 4xx naming its limit.
 * The real application runs in a JVM of its own with a 512 MB heap (serial collector, GC log on, exits on
 * OutOfMemoryError) against a PostgreSQL of its own; before each upload the test asks that JVM for a full GC (jcmd)
 * to read its live heap, and afterwards reads, from the GC log, the most the heap held after any collection while the
 * upload was handled. Files are made at run time: an Annex A workbook of about 20 MB whose ten sheets expand to 1.3 GB
 * (each within POI's per-entry size and compression-ratio checks), a CSV of a million rows, a value of 40 MB, a header
 * of 100,000 columns, a JSON body of 150 MB sent in chunks, two bombs at once, and a valid return at the row limit.
 */
class HostileUploadMemoryIT {

    private static final long MB = 1024L * 1024;
    private static final long GROWTH_LIMIT = 256 * MB;
    private static final Pattern GC = Pattern.compile("(\\d+)([KMG])->(\\d+)([KMG])\\((\\d+)([KMG])\\)");

    private static EmbeddedPostgres pg;
    private static Process app;
    private static int port;
    private static Path gcLog;
    private static Path appLog;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final List<String> REPORT = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        pg = EmbeddedPostgres.builder().setPGStartupWait(Duration.ofSeconds(60)).start();
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        gcLog = Files.createTempFile("oversight-gc", ".log");
        appLog = Files.createTempFile("oversight-app", ".log");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder pb = new ProcessBuilder(java.toString(), "-Xmx512m", "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError",
                "-Xlog:gc:file=" + gcLog, "-cp", System.getProperty("java.class.path"), "-Doversight.reports.import-on-start=false",
                "-Doversight.reports.national-dataset-on-start=false", "-Dspring.flyway.placeholders.create-app-role=true",
                "org.oversight.OversightApplication").redirectErrorStream(true).redirectOutput(appLog.toFile());
        pb.environment().put("SPRING_DATASOURCE_URL", "jdbc:postgresql://localhost:" + pg.getPort() + "/postgres");
        // As on the embedded database: the superuser owns the tables and migrates, the application logs in as
        // oversight_app (Oversight refuses to start as the tables' owner).
        pb.environment().put("SPRING_DATASOURCE_USERNAME", "oversight_app");
        pb.environment().put("SPRING_DATASOURCE_PASSWORD", "oversight_app");
        pb.environment().put("SPRING_FLYWAY_USER", "postgres");
        pb.environment().put("SPRING_FLYWAY_PASSWORD", "postgres");
        pb.environment().put("PORT", Integer.toString(port));
        pb.environment().put("OVERSIGHT_DEMO_PASSWORD", "test-password");
        pb.environment().put("OVERSIGHT_DEMO_CHILD_DATA", "false");
        app = pb.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(240).toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(app.isAlive()).as("the application started: %s", Files.readString(appLog)).isTrue();
            try {
                if (HTTP.send(HttpRequest.newBuilder(URI.create(base() + "/actuator/health")).build(), HttpResponse.BodyHandlers.ofString())
                        .statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the application did not start:\n" + Files.readString(appLog));
    }

    @AfterAll
    static void stop() throws Exception {
        REPORT.forEach(System.out::println);
        if (app != null) {
            app.destroy();
            if (!app.waitFor(30, TimeUnit.SECONDS)) {
                app.destroyForcibly();
            }
        }
        if (pg != null) {
            pg.close();
        }
    }

    private static String base() {
        return "http://localhost:" + port;
    }

    private static String basic() {
        return "Basic " + Base64.getEncoder().encodeToString("col.manager:test-password".getBytes(StandardCharsets.UTF_8));
    }

    /** Full GC in the application's JVM, then its heap after that collection, in bytes. */
    private static long liveHeap() throws Exception {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Process gc = new ProcessBuilder(jcmd.toString(), Long.toString(app.pid()), "GC.run").redirectErrorStream(true).start();
        String out = new String(gc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(gc.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(gc.exitValue()).as(out).isZero();
        List<Long> after = afterCollections(0);
        return after.getLast();
    }

    /** The heap after each collection logged from line {@code from} on. */
    private static List<Long> afterCollections(int from) throws IOException {
        List<Long> after = new ArrayList<>();
        List<String> lines = Files.readAllLines(gcLog);
        for (String line : lines.subList(Math.min(from, lines.size()), lines.size())) {
            Matcher m = GC.matcher(line);
            if (m.find()) {
                after.add(bytes(m.group(3), m.group(4)));
            }
        }
        return after;
    }

    private static long bytes(String n, String unit) {
        long v = Long.parseLong(n);
        return switch (unit) {
            case "K" -> v * 1024;
            case "M" -> v * MB;
            default -> v * 1024 * MB;
        };
    }

    private record Measured(int status, String body, long growth) {
    }

    /** Sends the uploads (at once when several) and measures the most the live heap grew while they were handled. */
    @SafeVarargs
    private static List<Measured> measure(String what, java.util.function.Supplier<HttpRequest>... requests) throws Exception {
        long baseline = liveHeap();
        int mark = Files.readAllLines(gcLog).size();
        List<CompletableFuture<HttpResponse<String>>> sent = new ArrayList<>();
        for (var r : requests) {
            sent.add(HTTP.sendAsync(r.get(), HttpResponse.BodyHandlers.ofString()));
        }
        List<HttpResponse<String>> responses = new ArrayList<>();
        for (var f : sent) {
            responses.add(f.get(10, TimeUnit.MINUTES));
        }
        long retained = liveHeap();
        long peak = Math.max(retained, afterCollections(mark).stream().mapToLong(Long::longValue).max().orElse(retained));
        long growth = peak - baseline;
        assertThat(app.isAlive()).as("no OutOfMemoryError: %s", Files.readString(appLog)).isTrue();
        REPORT.add(String.format("%-60s baseline %4d MB, peak %4d MB, growth %4d MB, statuses %s", what, baseline / MB, peak / MB, growth / MB,
                responses.stream().map(HttpResponse::statusCode).toList()));
        assertThat(growth).as("%s moved the heap by %d MB", what, growth / MB).isLessThan(GROWTH_LIMIT);
        return responses.stream().map(r -> new Measured(r.statusCode(), r.body(), growth)).toList();
    }

    private static HttpRequest upload(Map<String, String> fields, Map<String, Path> files) {
        String boundary = "oversight-" + UUID.randomUUID();
        List<HttpRequest.BodyPublisher> parts = new ArrayList<>();
        fields.forEach((k, v) -> parts.add(HttpRequest.BodyPublishers.ofString("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + k
                + "\"\r\n\r\n" + v + "\r\n")));
        files.forEach((name, path) -> {
            parts.add(HttpRequest.BodyPublishers.ofString("--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"" + name
                    + "\"\r\nContent-Type: application/octet-stream\r\n\r\n"));
            try {
                parts.add(HttpRequest.BodyPublishers.ofFile(path));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            parts.add(HttpRequest.BodyPublishers.ofString("\r\n"));
        });
        parts.add(HttpRequest.BodyPublishers.ofString("--" + boundary + "--\r\n"));
        return HttpRequest.newBuilder(URI.create(base() + "/api/v1/local-authorities/80450/ssda903")).header("Authorization", basic())
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.concat(parts.toArray(HttpRequest.BodyPublisher[]::new))).build();
    }

    private static void refusedNaming(Measured m, String limit, String words) {
        assertThat(m.status()).as(m.body()).isEqualTo(413);
        assertThat(m.body()).contains("\"limit\":\"" + limit + "\"").contains(words);
    }

    @Test
    void aWorkbookThatExpandsTo1Point3GigabytesIsRefusedAtTheLimitAndTwoAtOnceStayWithinTheBudget(@TempDir Path dir) throws Exception {
        HostileFiles.Workbook bomb = HostileFiles.annexABomb(dir.resolve("annex-a.xlsx"), 10, 130 * MB, 2026);
        assertThat(bomb.expanded()).isGreaterThan(1_300_000_000L);
        assertThat(bomb.bytes()).isLessThan(50 * MB);
        assertThat(bomb.smallestRatio()).as("each sheet passes POI's minimum inflate ratio").isGreaterThan(0.01);
        Measured one = measure("XLSX bomb " + bomb.bytes() / MB + " MB -> " + bomb.expanded() / MB + " MB",
                () -> upload(Map.of("year", "2026"), Map.of("annex-a.xlsx", bomb.file()))).getFirst();
        refusedNaming(one, "oversight.imports.max-expanded-size", "annex-a.xlsx: the workbook expands to more than 200 MB when unzipped");
        List<Measured> two = measure("two XLSX bombs at once", () -> upload(Map.of("year", "2026"), Map.of("annex-a.xlsx", bomb.file())),
                () -> upload(Map.of("year", "2026"), Map.of("annex-a.xlsx", bomb.file())));
        two.forEach(m -> refusedNaming(m, "oversight.imports.max-expanded-size", "expands to more than 200 MB"));
    }

    @Test
    void aCsvOfAMillionRowsAHugeValueAndThousandsOfColumnsAreRefusedNamingTheLimit(@TempDir Path dir) throws Exception {
        Path million = HostileFiles.header(dir.resolve("header.csv"), 1_000_000);
        Measured rows = measure("CSV of 1,000,000 rows (" + Files.size(million) / MB + " MB)",
                () -> upload(Map.of("year", "2026"), Map.of("header.csv", million))).getFirst();
        refusedNaming(rows, "oversight.imports.max-rows", "header.csv: the Header table has more than 100,000 rows");

        Path huge = HostileFiles.hugeValue(dir.resolve("huge.csv"), 40 * 1024 * 1024);
        Measured value = measure("CSV with a value of 40 MB", () -> upload(Map.of("year", "2026"), Map.of("header.csv", huge))).getFirst();
        refusedNaming(value, "oversight.imports.max-cell-chars", "header.csv: a value in row 2 is longer than 32,767 characters");

        Path wide = HostileFiles.manyColumns(dir.resolve("wide.csv"), 100_000);
        Measured columns = measure("CSV with 100,000 columns", () -> upload(Map.of("year", "2026"), Map.of("header.csv", wide))).getFirst();
        refusedNaming(columns, "oversight.imports.max-columns", "header.csv: row 1 has more than 200 columns");
    }

    @Test
    void aJsonBodyOf150MegabytesSentInChunksIsRefusedAtOneMegabyte() throws Exception {
        long size = 150 * MB;
        Measured json = measure("JSON body of 150 MB, chunked", () -> HttpRequest.newBuilder(URI.create(base() + "/api/v1/local-authorities/80450/inspections"))
                .header("Authorization", basic()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new InputStream() {
                    private final byte[] head = "{\"type\":\"FOCUSED_VISIT\",\"summary\":\"".getBytes(StandardCharsets.UTF_8);
                    private long sent;

                    @Override
                    public int read() {
                        if (sent >= size) {
                            return -1;
                        }
                        return sent < head.length ? head[(int) sent++] : (sent++ == size - 1 ? '}' : 'a');
                    }

                    @Override
                    public int read(byte[] b, int off, int len) {
                        int n = 0;
                        while (n < len) {
                            int c = read();
                            if (c < 0) {
                                return n == 0 ? -1 : n;
                            }
                            b[off + n++] = (byte) c;
                        }
                        return n;
                    }
                })).build()).getFirst();
        refusedNaming(json, "oversight.imports.max-json-body", "The request body is larger than 1 MB");
    }

    @Test
    void aValidReturnAtTheRowLimitIsStoredWithinTheBudget(@TempDir Path dir) throws Exception {
        int rows = 100_000;
        Path header = HostileFiles.header(dir.resolve("header.csv"), rows);
        Path episodes = HostileFiles.episodes(dir.resolve("episodes.csv"), rows);
        Path reviews = HostileFiles.reviews(dir.resolve("reviews.csv"), rows);
        Path workbook = dir.resolve("annex-a.xlsx");
        try (SXSSFWorkbook wb = new SXSSFWorkbook(500); var out = Files.newOutputStream(workbook)) {
            var sheet = wb.createSheet("List 8");
            String[] headings = {"Child Unique ID", "Allocated Team", "Allocated Worker", "Date of Last Social Work Visit", "Date of Last Health Assessment"};
            var h = sheet.createRow(0);
            for (int c = 0; c < headings.length; c++) {
                h.createCell(c).setCellValue(headings[c]);
            }
            for (int r = 1; r <= rows; r++) {
                var row = sheet.createRow(r);
                row.createCell(0).setCellValue("C" + (1_000_000 + r - 1));
                row.createCell(1).setCellValue("Team " + (r % 40));
                row.createCell(2).setCellValue("Worker " + (r % 900));
                row.createCell(3).setCellValue("01/02/2027");
                row.createCell(4).setCellValue("01/01/2027");
            }
            wb.write(out);
            wb.dispose();
        }
        Measured stored = measure("valid return at the limit: 3 tables x 100,000 rows + Annex A list of 100,000",
                () -> upload(Map.of("year", "2026"), new java.util.LinkedHashMap<>(Map.of("header.csv", header, "episodes.csv", episodes,
                        "reviews.csv", reviews, "annex-a.xlsx", workbook)))).getFirst();
        assertThat(stored.status()).as(stored.body()).isEqualTo(201);
        assertThat(stored.body()).contains("\"stored\":true").contains("\"accepted\":" + 4 * rows);
    }
}
