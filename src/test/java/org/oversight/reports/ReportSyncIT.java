package org.oversight.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oversight.inspection.SingleRecordService;
import org.oversight.inspection.domain.ActivityType;
import org.oversight.inspection.domain.InspectionActivity;
import org.oversight.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * sync-reports against a stand-in for Ofsted's reports site on this machine (the JDK's HTTP server), serving pages
 * shaped like Ofsted's search and provider pages and real report PDFs from data/. No test reaches the internet.
 */
@SpringBootTest
class ReportSyncIT extends IntegrationTest {

    /** Barking and Dagenham's focused visit letter of 29 April 2025: published after the national dataset's reports. */
    static final Path NEW_LETTER = Path.of("data/ofsted-letter-variants/barking-and-dagenham-focused-visit-2025-03-26.pdf");

    @Autowired
    ReportSync sync;
    @Autowired
    SingleRecordService records;
    @Autowired
    PublishedReports published;
    @Autowired
    JdbcClient jdbc;

    HttpServer server;
    String base;
    final Map<String, Page> pages = new ConcurrentHashMap<>();
    final AtomicInteger downloads = new AtomicInteger();

    record Page(int status, String contentType, byte[] body) {
        static Page html(String body) {
            return new Page(200, "text/html; charset=utf-8", body.getBytes(StandardCharsets.UTF_8));
        }
    }

    @BeforeEach
    void startStandIn() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::serve);
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    @AfterEach
    void stopStandIn() {
        server.stop(0);
    }

    private void serve(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        Page page = path.equals("/search") ? pages.get("/search?start=" + query(exchange, "start")) : pages.get(path);
        if (path.startsWith("/v1/file/")) {
            downloads.incrementAndGet();
        }
        if (page == null) {
            page = new Page(404, "text/html", "<html><body>Not found</body></html>".getBytes(StandardCharsets.UTF_8));
        }
        exchange.getResponseHeaders().add("Content-Type", page.contentType());
        exchange.sendResponseHeaders(page.status(), page.body().length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(page.body());
        }
    }

    private static String query(HttpExchange exchange, String name) {
        for (String part : exchange.getRequestURI().getQuery().split("&")) {
            if (part.startsWith(name + "=")) {
                return part.substring(name.length() + 1);
            }
        }
        return "";
    }

    /** A search results page as Ofsted's: one link per LA to its provider page. */
    private void searchPage(String... providers) {
        StringBuilder html = new StringBuilder("<html><body><main><ul class=\"results-list\">");
        for (String p : providers) {
            String[] urnAndName = p.split(":", 2);
            html.append("<li class=\"search-result\"><h3 class=\"search-result__title heading--sub\"><a href=\"/provider/44/")
                    .append(urnAndName[0]).append("\">").append(urnAndName[1]).append("</a></h3></li>");
        }
        pages.put("/search?start=0", Page.html(html.append("</ul></main></body></html>").toString()));
    }

    /** A provider page as Ofsted's: publications as a.publication-link with the document named in span.nonvisual. */
    private void providerPage(int urn, String... publications) {
        StringBuilder html = new StringBuilder("<html><body><h1>LA ").append(urn).append("</h1><ul class=\"timeline\">");
        for (String p : publications) {
            String[] titleAndHref = p.split("\\|", 2);
            html.append("<li class=\"timeline__day\"><span class=\"event__title heading--sub\"><a class=\"publication-link\" href=\"")
                    .append(titleAndHref[1]).append("\" target=\"_blank\">").append(titleAndHref[0].replaceAll(", PDF - .*", ""))
                    .append(" <span class=\"nonvisual\">").append(titleAndHref[0]).append("</span></a>")
                    .append("<div class=\"event__metadata\"><time pubdate=\"\">").append(titleAndHref[0].replaceAll(".* - ", ""))
                    .append("</time></div></span></li>");
        }
        pages.put("/provider/44/" + urn, Page.html(html.append("</ul></body></html>").toString()));
    }

    private void file(String id, Path pdf) throws IOException {
        pages.put("/v1/file/" + id, new Page(200, "application/pdf", Files.readAllBytes(pdf)));
    }

    private int state() {
        return jdbc.sql("""
                SELECT (SELECT count(*) FROM inspection_activity) + (SELECT count(*) FROM finding)
                     + (SELECT count(*) FROM source_document) + (SELECT count(*) FROM published_report)
                     + (SELECT count(*) FROM report_sync_link WHERE outcome <> 'FAILED')
                """).query(Integer.class).single();
    }

    private List<InspectionActivity> barkingFocusedVisits() {
        return records.singleRecord(80486).activities().stream().map(SingleRecordService.ActivityView::activity)
                .filter(a -> a.type() == ActivityType.FOCUSED_VISIT).toList();
    }

    @Test
    void aNewlyPublishedReportIsAddedAndASecondRunChangesNothing() throws Exception {
        // Barking and Dagenham's page: its three reports at the addresses the national dataset already knows, and a
        // letter published since
        List<String> known = jdbc.sql("SELECT ofsted_url FROM published_report WHERE urn = 80486 ORDER BY publication_date")
                .query(String.class).list();
        assertThat(known).hasSize(3).allSatisfy(u -> assertThat(u).startsWith("https://files.ofsted.gov.uk/"));
        searchPage("80486:Barking and Dagenham");
        providerPage(80486, "Children's services focused visit, PDF - 29 April 2025|" + base + "v1/file/9001",
                "Children's services inspection, PDF - 04 September 2023|" + known.get(2),
                "Children's services inspection, PDF - 01 April 2019|" + known.get(1),
                "Children's services inspection, PDF - 07 July 2014|" + known.get(0),
                "Area SEND full inspection, PDF - 12 July 2024|" + base + "v1/file/9999");
        file("9001", NEW_LETTER);
        assertThat(barkingFocusedVisits()).noneMatch(a -> a.startDate().toString().equals("2025-03-26"));

        ReportSync.Run first = sync.run(base, line -> { });

        assertThat(first.problems()).isEmpty();
        assertThat(first.linksSeen()).as("the SEND inspection is not a children's services document").isEqualTo(4);
        assertThat(first.followed()).singleElement().satisfies(r -> {
            assertThat(r.outcome()).isEqualTo("IMPORTED");
            assertThat(r.publication().url()).hasToString(base + "v1/file/9001");
        });
        assertThat(downloads).as("only the new letter is downloaded").hasValue(1);
        InspectionActivity visit = barkingFocusedVisits().stream().filter(a -> a.startDate().toString().equals("2025-03-26"))
                .findFirst().orElseThrow();
        assertThat(visit.endDate()).hasToString("2025-03-27");
        assertThat(visit.leadInspector()).isEqualTo("Sophie Wales");
        assertThat(visit.publicationDate()).hasToString("2025-04-29");
        assertThat(visit.improvementItems()).hasSize(4);
        assertThat(published.of(List.of(visit.id())).get(visit.id()).ofstedUrl()).isEqualTo(base + "v1/file/9001");

        int before = state();
        ReportSync.Run second = sync.run(base, line -> { });
        assertThat(second.problems()).isEmpty();
        assertThat(second.followed()).as("nothing new").isEmpty();
        assertThat(downloads).as("nothing downloaded again").hasValue(1);
        assertThat(state()).as("nothing changed").isEqualTo(before);
    }

    @Test
    void aBrokenPageAndANetworkErrorAreReportedAndTheRestGoesOn() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        searchPage("80553:Slough", "80450:City of London", "80514:Southwark");
        pages.put("/provider/44/80553", Page.html("<html><body><h1>Sorry, there is a problem with the service</h1></body></html>"));
        providerPage(80450, "Children's services inspection, PDF - 23 December 2024|http://127.0.0.1:" + closedPort + "/v1/file/1",
                "Children's services inspection, PDF - 05 November 2024|" + base + "v1/file/8001");
        file("8001", Path.of("data/ofsted-reports/80450-london-corporation-2024-11-05.pdf"));
        pages.put("/provider/44/80514", new Page(503, "text/html", "busy".getBytes(StandardCharsets.UTF_8)));
        int before = state();

        ReportSync.Run run = sync.run(base, line -> { });

        assertThat(run.problems()).hasSize(3);
        assertThat(run.problems().get(0)).contains("Slough").contains("no publication links");
        assertThat(run.problems().get(1)).contains(closedPort + "/v1/file/1").contains("download failed");
        assertThat(run.problems().get(2)).contains("Southwark").contains("HTTP 503");
        List<String> outcomes = new ArrayList<>();
        run.followed().forEach(r -> outcomes.add(r.publication().url() + " " + r.outcome()));
        assertThat(outcomes).containsExactly("http://127.0.0.1:" + closedPort + "/v1/file/1 FAILED",
                base + "v1/file/8001 ALREADY_KNOWN");
        assertThat(state()).as("a document already held is not imported again").isEqualTo(before + 1);
        assertThat(jdbc.sql("SELECT outcome FROM report_sync_link WHERE url LIKE ?").param("%:" + closedPort + "/v1/file/1")
                .query(String.class).single()).as("tried again next time").isEqualTo("FAILED");
    }

    @Test
    void anUnreachableSiteIsReportedNotThrown() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        ReportSync.Run run = sync.run("http://127.0.0.1:" + closedPort + "/", line -> { });
        assertThat(run.problems()).singleElement().asString().startsWith("search page 1 could not be fetched");
        assertThat(run.followed()).isEmpty();
    }
}
