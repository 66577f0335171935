package org.oversight.reports;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.oversight.inspection.InspectionService;
import org.oversight.inspection.InspectionService.ImportedFinding;
import org.oversight.inspection.InspectionService.PublishedActivity;
import org.oversight.inspection.domain.ActivityCommand;
import org.oversight.inspection.domain.ActivityType;
import org.oversight.inspection.domain.FindingKind;
import org.oversight.inspection.domain.Grade;
import org.oversight.inspection.domain.JudgementArea;
import org.oversight.inspection.domain.OnSiteRange;
import org.oversight.register.LocalAuthorities;
import org.oversight.register.LocalAuthority;
import org.oversight.reports.national.NationalDataset;
import org.oversight.reports.national.NationalDataset.DatasetException;
import org.oversight.reports.national.NationalDataset.Row;
import org.oversight.shared.Dates;
import org.oversight.shared.problem.InvalidInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads the bundled national dataset (every published report of every LA, as Oversight's extractor read it) into the
 * inspection record, like the register: checked whole before anything is written, then written in one transaction,
 * so a damaged file is refused with a message naming what is wrong and nothing of it stays. The same dataset again
 * changes nothing; a rebuilt one updates the reports whose rows changed.
 */
@Service
public class NationalDatasetLoader {

    public static final String RESOURCE_DIR = "/reference/national/";
    static final String ACTOR = "national-dataset";
    private static final Logger log = LoggerFactory.getLogger(NationalDatasetLoader.class);

    private final LocalAuthorities localAuthorities;
    private final InspectionService inspections;
    private final PublishedReports published;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;

    NationalDatasetLoader(LocalAuthorities localAuthorities, InspectionService inspections, PublishedReports published,
                          JdbcClient jdbc, TransactionTemplate tx) {
        this.localAuthorities = localAuthorities;
        this.inspections = inspections;
        this.published = published;
        this.jdbc = jdbc;
        this.tx = tx;
    }

    /** What a load did. */
    public record Result(boolean alreadyLoaded, int rows, int recorded, int notRecorded, int unchangedRows, int activitiesAdded,
                         int activitiesUpdated, long millis) {
    }

    /** Loads the copy shipped with Oversight; empty when the build has none. */
    public Optional<Result> loadBundled() {
        try (InputStream csv = NationalDatasetLoader.class.getResourceAsStream(RESOURCE_DIR + NationalDataset.CSV_FILE);
             InputStream manifest = NationalDatasetLoader.class.getResourceAsStream(RESOURCE_DIR + NationalDataset.MANIFEST_FILE)) {
            if (csv == null && manifest == null) {
                return Optional.empty();
            }
            if (csv == null || manifest == null) {
                throw new DatasetException((csv == null ? NationalDataset.CSV_FILE : NationalDataset.MANIFEST_FILE)
                        + ": missing from the build beside the other file");
            }
            return Optional.of(load(csv, manifest));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Checks the dataset and loads it in one transaction.
     *
     * @throws DatasetException when the files are not whole or a row cannot be recorded; nothing is written
     */
    public Result load(InputStream csv, InputStream manifest) {
        long start = System.nanoTime();
        NationalDataset.Verified verified = NationalDataset.read(csv, manifest);
        String checksum = verified.manifest().rowsSha256();
        boolean loaded = jdbc.sql("SELECT count(*) FROM national_dataset_load WHERE rows_sha256 = ?").param(checksum)
                .query(Integer.class).single() > 0;
        List<Row> rows = verified.rows();
        int recorded = (int) rows.stream().filter(r -> r.get("status").equals(NationalDataset.RECORDED)).count();
        if (loaded) {
            return new Result(true, rows.size(), recorded, rows.size() - recorded, rows.size(), 0, 0, millis(start));
        }
        Result result = tx.execute(status -> write(verified, recorded, start));
        log.info("National dataset loaded: {} reports ({} recorded, {} not recorded), {} activities added, {} updated, in {} ms",
                result.rows(), result.recorded(), result.notRecorded(), result.activitiesAdded(), result.activitiesUpdated(),
                result.millis());
        return result;
    }

    private Result write(NationalDataset.Verified verified, int recorded, long start) {
        Map<String, String> known = published.datasetRowChecksums();
        Map<Integer, LocalAuthority> byUrn = new java.util.HashMap<>();
        localAuthorities.allActive().forEach(la -> byUrn.put(la.urn(), la));
        List<Row> changed = new ArrayList<>();
        List<PublishedActivity> activities = new ArrayList<>();
        List<Row> activityRows = new ArrayList<>();
        for (Row row : verified.rows()) {
            if (row.checksum().equals(known.get(row.get("sha256")))) {
                continue;
            }
            changed.add(row);
            if (!recordable(row)) {
                continue;
            }
            int urn = Integer.parseInt(row.get("urn"));
            LocalAuthority la = byUrn.computeIfAbsent(urn, u -> localAuthorities.findByUrn(u).orElse(null));
            if (la == null) {
                throw new DatasetException(NationalDataset.CSV_FILE + " " + row.where() + ", column urn: " + urn
                        + " is not an LA in the register");
            }
            activities.add(new PublishedActivity(la.id(), command(row), findings(row), "the national dataset (" + row.get("file") + ")"));
            activityRows.add(row);
        }
        InspectionService.PublishedResult written;
        try {
            written = inspections.recordPublished(activities, ACTOR);
        } catch (InvalidInputException e) {
            throw new DatasetException(NationalDataset.CSV_FILE + ": " + e.getMessage());
        }
        Map<Row, java.util.UUID> activityOf = new java.util.IdentityHashMap<>();
        for (int i = 0; i < activityRows.size(); i++) {
            activityOf.put(activityRows.get(i), written.activityIds().get(i));
        }
        List<PublishedReports.PublishedReport> reports = new ArrayList<>();
        for (Row row : changed) {
            boolean isRecorded = activityOf.containsKey(row);
            String reason = row.get("reason");
            if (!isRecorded && row.get("status").equals(NationalDataset.RECORDED)) {
                reason = "its type or on-site dates were not read from the report, so it is not recorded as an inspection";
            }
            reports.add(new PublishedReports.PublishedReport(row.get("sha256"), Integer.parseInt(row.get("urn")),
                    row.get("file"), integer(row.get("size_bytes")), date(row.get("publication_date")), row.get("ofsted_url"),
                    row.get("extractor_version"), isRecorded, reason, row.list("not_read"), row.list("notes"),
                    activityOf.get(row), row.checksum(), PublishedReports.Source.NATIONAL_DATASET));
        }
        published.saveAll(reports);
        jdbc.sql("""
                INSERT INTO national_dataset_load (rows_sha256, rows, extractor_version, source, activities_added, activities_updated, loaded_by)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """).params(verified.manifest().rowsSha256(), verified.rows().size(), verified.manifest().extractorVersion(),
                verified.manifest().source(), written.added(), written.updated(), ACTOR).update();
        return new Result(false, verified.rows().size(), recorded, verified.rows().size() - recorded,
                verified.rows().size() - changed.size(), written.added(), written.updated(), millis(start));
    }

    /** A row becomes an inspection activity when it is a recorded report whose type and on-site dates were read. */
    static boolean recordable(Row row) {
        return row.get("status").equals(NationalDataset.RECORDED) && !row.notRead("type") && !row.notRead("on_site")
                && !row.get("on_site").isEmpty();
    }

    static ActivityCommand command(Row row) {
        ActivityType type = switch (row.get("type")) {
            case "standard" -> ActivityType.STANDARD_INSPECTION;
            case "short" -> ActivityType.SHORT_INSPECTION;
            case "sif" -> ActivityType.SIF_INSPECTION;
            default -> throw new DatasetException(NationalDataset.CSV_FILE + " " + row.where() + ", column type: '"
                    + row.get("type") + "' is not standard, short or sif");
        };
        List<OnSiteRange> ranges = new ArrayList<>();
        for (String range : row.list("on_site")) {
            String[] ends = range.split(" to ");
            LocalDate from = date(ends[0]);
            LocalDate to = ends.length > 1 ? date(ends[1]) : from;
            if (from == null || to == null) {
                throw new DatasetException(NationalDataset.CSV_FILE + " " + row.where() + ", column on_site: '" + range
                        + "' is not dd/mm/yyyy to dd/mm/yyyy");
            }
            ranges.add(new OnSiteRange(from, to));
        }
        Map<JudgementArea, Grade> grades = new EnumMap<>(JudgementArea.class);
        for (JudgementArea area : JudgementArea.values()) {
            String cell = row.get(area.name().toLowerCase(java.util.Locale.ROOT));
            Grade grade = switch (cell) {
                case "outstanding" -> Grade.OUTSTANDING;
                case "good" -> Grade.GOOD;
                case "requires improvement" -> Grade.REQUIRES_IMPROVEMENT;
                case "inadequate" -> Grade.INADEQUATE;
                case "", NationalDataset.NOT_READ, NationalDataset.NOT_JUDGED -> null;
                default -> throw new DatasetException(NationalDataset.CSV_FILE + " " + row.where() + ", column "
                        + area.name().toLowerCase(java.util.Locale.ROOT) + ": '" + cell + "' is not a grade");
            };
            if (grade != null) {
                grades.put(area, grade);
            }
        }
        String lead = row.notRead("lead_inspector") || row.get("lead_inspector").isBlank() ? null : row.get("lead_inspector");
        return new ActivityCommand(type, null, List.of(), null, ranges, null, date(row.get("publication_date")), lead, null, null,
                grades);
    }

    static List<ImportedFinding> findings(Row row) {
        List<ImportedFinding> findings = new ArrayList<>();
        row.list("improvement_items").forEach(t -> findings.add(ReportImporter.finding(FindingKind.RECOMMENDATION, t)));
        row.list("priority_actions").forEach(t -> findings.add(ReportImporter.finding(FindingKind.PRIORITY_ACTION, t)));
        return findings;
    }

    private static LocalDate date(String s) {
        try {
            return s == null || s.isBlank() ? null : LocalDate.parse(s.strip(), Dates.DATE);
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    private static Integer integer(String s) {
        try {
            return s.isBlank() ? null : Integer.valueOf(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static long millis(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
