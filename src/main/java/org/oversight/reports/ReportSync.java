package org.oversight.reports;

import java.io.IOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;

import org.oversight.register.LocalAuthorities;
import org.oversight.register.LocalAuthority;
import org.oversight.reports.national.DatasetBuilder;
import org.oversight.reports.national.NationalDataset;
import org.oversight.reports.extract.ReportExtractor;
import org.oversight.reports.sync.OfstedSite;
import org.oversight.reports.sync.OfstedSite.Provider;
import org.oversight.reports.sync.OfstedSite.Publication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * {@code sync-reports}: finds the reports and letters Ofsted has published since the last run, downloads the new ones
 * and imports them. Safe to run every night: a link followed before is not followed again (unless its download
 * failed), and a document already held (by its SHA-256, e.g. from the national dataset) only gains its address. A
 * page it cannot read or a download that fails is reported and the rest goes on.
 */
@Service
public class ReportSync {

    private static final Logger log = LoggerFactory.getLogger(ReportSync.class);
    static final String ACTOR = "sync-reports";
    private static final int MAX_SEARCH_PAGES = 10;

    private final ReportImporter importer;
    private final PublishedReports published;
    private final DocumentStore documents;
    private final LocalAuthorities localAuthorities;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final String defaultBaseUrl;
    private final Duration timeout;

    ReportSync(ReportImporter importer, PublishedReports published, DocumentStore documents, LocalAuthorities localAuthorities,
               JdbcClient jdbc, Clock clock,
               @Value("${oversight.reports.sync.base-url:https://reports.ofsted.gov.uk/}") String defaultBaseUrl,
               @Value("${oversight.reports.sync.timeout-seconds:60}") int timeoutSeconds) {
        this.importer = importer;
        this.published = published;
        this.documents = documents;
        this.localAuthorities = localAuthorities;
        this.jdbc = jdbc;
        this.clock = clock;
        this.defaultBaseUrl = defaultBaseUrl;
        this.timeout = Duration.ofSeconds(timeoutSeconds);
    }

    /** What happened to one publication that was not skipped as already followed. */
    public record LinkResult(Publication publication, String outcome, String detail) {
    }

    /** A run: pages read, links seen, what became of the links followed, and every problem. */
    public record Run(String baseUrl, int pagesRead, int linksSeen, List<LinkResult> followed, List<String> problems) {
        public long newReports() {
            return followed.stream().filter(r -> r.outcome().equals("IMPORTED") || r.outcome().equals("UPDATED")).count();
        }
    }

    public String defaultBaseUrl() {
        return defaultBaseUrl;
    }

    /**
     * Runs one sync against the site at {@code baseUrl} (null: the configured one), telling {@code progress} what it
     * does as it goes.
     */
    public Run run(String baseUrl, Consumer<String> progress) throws InterruptedException {
        Instant started = clock.instant();
        OfstedSite site = new OfstedSite(baseUrl == null || baseUrl.isBlank() ? defaultBaseUrl : baseUrl, timeout);
        List<String> problems = new ArrayList<>();
        List<LinkResult> followed = new ArrayList<>();
        int pages = 0;
        int links = 0;
        List<Provider> providers = new ArrayList<>();
        for (int page = 0; page < MAX_SEARCH_PAGES; page++) {
            try {
                List<Provider> found = site.searchPage(page * OfstedSite.ROWS);
                pages++;
                if (found.isEmpty()) {
                    if (page == 0) {
                        problems.add(site.base() + ": the search page lists no local authorities (has the page changed?)");
                    }
                    break;
                }
                providers.addAll(found);
                if (found.size() < OfstedSite.ROWS) {
                    break;
                }
            } catch (IOException e) {
                problems.add("search page " + (page + 1) + " could not be fetched: " + message(e));
                break;
            } catch (OfstedSite.UnreadablePage e) {
                problems.add("search page " + (page + 1) + " could not be read: " + e.getMessage());
                break;
            }
        }
        progress.accept(providers.size() + " local authorities listed on " + site.base());
        for (Provider provider : providers) {
            List<Publication> publications;
            try {
                publications = site.publications(provider);
                pages++;
            } catch (IOException e) {
                problems.add(provider.name() + " (" + provider.urn() + "): page could not be fetched: " + message(e));
                continue;
            } catch (OfstedSite.UnreadablePage e) {
                problems.add(provider.name() + " (" + provider.urn() + "): page could not be read: " + e.getMessage());
                continue;
            }
            for (Publication p : publications) {
                links++;
                if (alreadyFollowed(p.url().toString())) {
                    continue;
                }
                LinkResult result = follow(site, p);
                followed.add(result);
                progress.accept(p.url() + " (" + provider.name() + ", " + p.title() + ", " + org.oversight.shared.Dates.format(p.published())
                        + "): " + result.outcome().toLowerCase(Locale.UK).replace('_', ' ') + (result.detail() == null ? "" : ": " + result.detail()));
                if (result.outcome().equals("FAILED")) {
                    problems.add(p.url() + " (" + provider.name() + "): " + result.detail());
                }
            }
        }
        Run run = new Run(site.base().toString(), pages, links, List.copyOf(followed), List.copyOf(problems));
        jdbc.sql("""
                INSERT INTO report_sync_run (base_url, started_at, finished_at, pages_read, links_seen, new_reports, problems)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """).params(run.baseUrl(), Timestamp.from(started), Timestamp.from(clock.instant()), pages, links,
                (int) run.newReports(), problems.toArray(String[]::new)).update();
        log.info("sync-reports from {}: {} pages, {} links, {} followed, {} new, {} problems", run.baseUrl(), pages, links,
                followed.size(), run.newReports(), problems.size());
        return run;
    }

    /** A link followed before, whose outcome was final (a failed download is tried again). */
    private boolean alreadyFollowed(String url) {
        return jdbc.sql("SELECT count(*) FROM report_sync_link WHERE url = ? AND outcome <> 'FAILED'").param(url)
                .query(Integer.class).single() > 0 || published.knowsUrl(url);
    }

    private LinkResult follow(OfstedSite site, Publication p) throws InterruptedException {
        byte[] bytes;
        try {
            bytes = site.download(p.url());
        } catch (IOException e) {
            return remember(p, null, "FAILED", "download failed: " + message(e));
        }
        String sha = DocumentStore.sha256(bytes);
        if (published.find(sha).isPresent() || documents.exists(sha)) {
            published.setUrl(sha, p.url().toString());
            return remember(p, sha, "ALREADY_KNOWN", "the same document is already held (SHA-256 " + sha.substring(0, 12) + ")");
        }
        Optional<LocalAuthority> la = localAuthorities.findByUrn(p.urn());
        String slug = la.map(LocalAuthority::name).orElse("la").toLowerCase(Locale.UK).replaceAll("[^a-z0-9]+", "-");
        String fileName = p.urn() + "-" + slug + "-" + p.published() + ".pdf";
        ReportImporter.FileResult result = importer.importDocument(fileName, bytes, ReportImporter.Scope.national(ACTOR));
        if (result.outcome() == ReportImporter.Outcome.FAILED) {
            return remember(p, sha, "NOT_RECORDED", result.detail());
        }
        if (p.kind() == OfstedSite.Kind.INSPECTION_REPORT) {
            // what the dataset would say of it: the values not read, for the pages
            DatasetBuilder builder = new DatasetBuilder(new ReportExtractor(), java.util.Map.of(), List.of());
            NationalDataset.Row row = builder.row(new DatasetBuilder.Source(java.nio.file.Path.of(fileName), fileName, p.urn(),
                    p.published()), bytes);
            published.save(new PublishedReports.PublishedReport(sha, p.urn(), fileName, bytes.length, p.published(),
                    p.url().toString(), ReportExtractor.VERSION, true, null, row.list("not_read"), row.list("notes"),
                    result.activityId(), null, PublishedReports.Source.SYNC));
        } else {
            published.save(new PublishedReports.PublishedReport(sha, p.urn(), fileName, bytes.length, p.published(),
                    p.url().toString(), ReportExtractor.VERSION, true, null, List.of(), result.warnings(), result.activityId(), null,
                    PublishedReports.Source.SYNC));
        }
        return remember(p, sha, result.outcome() == ReportImporter.Outcome.UNCHANGED ? "ALREADY_KNOWN" : result.outcome().name(),
                result.detail());
    }

    private LinkResult remember(Publication p, String sha, String outcome, String detail) {
        jdbc.sql("""
                INSERT INTO report_sync_link (url, urn, title, publication_date, sha256, outcome, detail)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (url) DO UPDATE SET sha256 = excluded.sha256, outcome = excluded.outcome, detail = excluded.detail,
                       last_attempt = now()
                """).params(p.url().toString(), p.urn(), p.title(), p.published(), sha, outcome, detail).update();
        return new LinkResult(p, outcome, detail);
    }

    private static String message(Exception e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }
}
