package org.oversight.reports;

import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.oversight.inspection.InspectionService;
import org.oversight.inspection.InspectionService.ImportedFinding;
import org.oversight.inspection.domain.ActivityCommand;
import org.oversight.inspection.domain.ActivityType;
import org.oversight.inspection.domain.FindingKind;
import org.oversight.inspection.domain.Grade;
import org.oversight.inspection.domain.JudgementArea;
import org.oversight.inspection.domain.OnSiteRange;
import org.oversight.register.LocalAuthorities;
import org.oversight.register.LocalAuthority;
import org.oversight.reports.extract.DateRange;
import org.oversight.reports.extract.ExtractedReport;
import org.oversight.reports.extract.ExtractionResult;
import org.oversight.reports.extract.ReportExtractor;
import org.oversight.shared.problem.InvalidInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Turns one published Ofsted report or letter into an inspection activity of its LA: dates, lead inspector,
 * judgements, every "What needs to improve" item and area for priority action as findings, and the document itself.
 * One transaction per document: a file that fails leaves nothing behind.
 */
@Service
public class ReportImporter {

    private static final Logger log = LoggerFactory.getLogger(ReportImporter.class);
    /** {@code <urn>-<la>-<publication date>.pdf}, the naming of Ofsted's report downloads used in data/ofsted-reports. */
    private static final Pattern URN_NAME = Pattern.compile("^(\\d{5,8})-.*?(?:-(\\d{4}-\\d{2}-\\d{2}))?\\.(?:pdf|txt)$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern FRAMEWORK_REFERENCE = Pattern.compile(
            "\\s*\\(((?:outcomes?|enablers?|principles?)[^()]*national framework)\\)\\s*\\.?\\s*$", Pattern.CASE_INSENSITIVE);

    private final ReportExtractor extractor = new ReportExtractor();
    private final LocalAuthorities localAuthorities;
    private final InspectionService inspections;
    private final DocumentStore documents;
    private final TransactionTemplate tx;

    ReportImporter(LocalAuthorities localAuthorities, InspectionService inspections, DocumentStore documents, TransactionTemplate tx) {
        this.localAuthorities = localAuthorities;
        this.inspections = inspections;
        this.documents = documents;
        this.tx = tx;
    }

    /** Who is importing: any LA (national users and jobs), or only the given one. */
    public record Scope(UUID onlyLaId, String actor) {
        public static Scope national(String actor) {
            return new Scope(null, actor);
        }
    }

    public enum Outcome { IMPORTED, UPDATED, UNCHANGED, FAILED }

    /** What happened to one file, for the result table, the CLI and the API. */
    public record FileResult(String fileName, Outcome outcome, String detail, UUID activityId, String laName, Integer laUrn,
                             List<String> warnings) {
        static FileResult failed(String fileName, String reason) {
            return new FileResult(fileName, Outcome.FAILED, reason, null, null, null, List.of());
        }
    }

    public FileResult importDocument(String fileName, byte[] bytes, Scope scope) {
        String name = fileName == null || fileName.isBlank() ? "(unnamed file)" : fileName;
        if (bytes == null || bytes.length == 0) {
            return FileResult.failed(name, "the file is empty");
        }
        String sha256 = DocumentStore.sha256(bytes);
        Optional<String> damage = DocumentIntegrity.problem(bytes);
        if (damage.isPresent()) {
            return FileResult.failed(name, damage.get());
        }
        ExtractionResult extracted;
        try {
            extracted = extractor.extract(name, bytes);
        } catch (RuntimeException e) {
            log.warn("Extraction of {} failed unexpectedly", name, e);
            return FileResult.failed(name, "could not be read: " + e.getMessage());
        }
        if (extracted instanceof ExtractionResult.Failure failure) {
            return FileResult.failed(name, failure.reason());
        }
        ExtractedReport report = ((ExtractionResult.Success) extracted).report();
        Optional<LocalAuthority> la = whichLa(name, report);
        if (la.isEmpty()) {
            return FileResult.failed(name, "could not tell which local authority it is about: no URN at the start of the file name"
                    + (report.localAuthorityName() == null ? " and no LA name in the text"
                    : " and '" + report.localAuthorityName() + "' is not a name in the register"));
        }
        LocalAuthority authority = la.get();
        if (scope.onlyLaId() != null && !scope.onlyLaId().equals(authority.id())) {
            return FileResult.failed(name, "is about " + authority.name() + "; you can import only your own local authority's documents");
        }
        List<String> warnings = new ArrayList<>(report.warnings());
        ActivityCommand command;
        try {
            command = toCommand(name, report, warnings);
        } catch (IllegalArgumentException e) {
            return FileResult.failed(name, e.getMessage());
        }
        List<ImportedFinding> findings = findings(report);
        try {
            InspectionService.ImportResult result = tx.execute(status -> {
                documents.store(sha256, name, contentType(bytes), bytes, readAs(report), warnings, scope.actor());
                return inspections.recordImported(authority.id(), command, findings, sha256, scope.actor());
            });
            Outcome outcome = Outcome.valueOf(result.outcome().name());
            String detail = switch (outcome) {
                case IMPORTED -> "added " + describe(report) + " with " + findings.size() + " findings";
                case UPDATED -> "updated the " + describe(report) + " already recorded";
                case UNCHANGED -> "already imported; nothing changed";
                case FAILED -> "";
            };
            return new FileResult(name, outcome, detail, result.activityId(), authority.name(), authority.urn(), List.copyOf(warnings));
        } catch (InvalidInputException e) {
            return FileResult.failed(name, "values break the inspection rules: " + e.getMessage());
        } catch (RuntimeException e) {
            log.error("Import of {} failed", name, e);
            return FileResult.failed(name, "could not be stored because of a fault on our side; nothing of it was stored");
        }
    }

    private Optional<LocalAuthority> whichLa(String fileName, ExtractedReport report) {
        Matcher m = URN_NAME.matcher(baseName(fileName));
        if (m.matches()) {
            Optional<LocalAuthority> byUrn = localAuthorities.findByUrn(Integer.parseInt(m.group(1)));
            if (byUrn.isPresent()) {
                return byUrn;
            }
        }
        List<LocalAuthority> all = localAuthorities.allActive();
        Optional<LocalAuthority> byName = LaNames.match(report.localAuthorityName(), all, ReportImporter::names);
        if (byName.isPresent()) {
            return byName;
        }
        // Letters named <la-slug>-<type>-<date>.pdf: the slug is the LA's name.
        String slug = " " + normalise(baseName(fileName).replaceAll("\\.[a-z]+$", "").replace('-', ' ')) + " ";
        LocalAuthority best = null;
        for (LocalAuthority la : all) {
            String n = normalise(la.name());
            if (slug.startsWith(" " + n + " ") && (best == null || n.length() > normalise(best.name()).length())) {
                best = la;
            }
        }
        return Optional.ofNullable(best);
    }

    private static List<String> names(LocalAuthority la) {
        List<String> names = new ArrayList<>();
        names.add(la.name());
        names.addAll(la.alsoKnownAs());
        return names;
    }

    static String normalise(String s) {
        String plain = Normalizer.normalize(s, Normalizer.Form.NFKD).replaceAll("\\p{M}", "").toLowerCase(Locale.UK)
                .replace("&", " and ").replaceAll("[^a-z0-9 ]", " ").replaceAll("\\s+", " ").trim();
        return plain.replaceAll("^(the )", "");
    }

    private static ActivityCommand toCommand(String fileName, ExtractedReport r, List<String> warnings) {
        if (r.onSite().isEmpty()) {
            throw new IllegalArgumentException("no on-site dates were found in it");
        }
        ActivityType type = switch (r.type()) {
            case INSPECTION -> {
                if (r.framework() == null) {
                    throw new IllegalArgumentException("it is an inspection report but neither the text nor the on-site dates say "
                            + "whether it was a standard or a short inspection");
                }
                yield switch (r.framework()) {
                    case STANDARD -> ActivityType.STANDARD_INSPECTION;
                    case SHORT -> ActivityType.SHORT_INSPECTION;
                    case SIF -> ActivityType.SIF_INSPECTION;
                };
            }
            case FOCUSED_VISIT -> ActivityType.FOCUSED_VISIT;
            case MONITORING_VISIT -> ActivityType.MONITORING_VISIT;
            case JTAI -> ActivityType.JTAI;
        };
        List<OnSiteRange> ranges = new ArrayList<>();
        for (DateRange range : r.onSite()) {
            ranges.add(new OnSiteRange(range.start(), range.end()));
        }
        LocalDate publication = publicationDate(fileName, r);
        if (publication != null && publication.isBefore(ranges.getLast().end())) {
            warnings.add("the publication date " + publication + " is before the last day on site; left blank");
            publication = null;
        }
        Map<JudgementArea, Grade> grades = new EnumMap<>(JudgementArea.class);
        put(grades, JudgementArea.OVERALL, r.overall());
        put(grades, JudgementArea.LEADERS, r.leaders());
        put(grades, JudgementArea.HELP_AND_PROTECTION, r.helpAndProtection());
        put(grades, JudgementArea.IN_CARE, r.inCare());
        put(grades, JudgementArea.CARE_LEAVERS, r.careLeavers());
        String theme = type.hasTheme() ? (r.theme() == null ? "Not stated in the letter" : r.theme()) : null;
        return new ActivityCommand(type, theme, List.of(), null, ranges, null, publication, r.leadInspector(), null, null, grades);
    }

    private static LocalDate publicationDate(String fileName, ExtractedReport r) {
        Matcher m = URN_NAME.matcher(baseName(fileName));
        if (m.matches() && m.group(2) != null) {
            try {
                return LocalDate.parse(m.group(2));
            } catch (DateTimeParseException e) {
                return r.publicationDate();
            }
        }
        return r.publicationDate();
    }

    private static void put(Map<JudgementArea, Grade> grades, JudgementArea area, org.oversight.reports.extract.Grade grade) {
        if (grade != null) {
            grades.put(area, Grade.valueOf(grade.name()));
        }
    }

    private static List<ImportedFinding> findings(ExtractedReport r) {
        List<ImportedFinding> findings = new ArrayList<>();
        FindingKind improvementKind = r.type() == org.oversight.reports.extract.ActivityKind.INSPECTION
                ? FindingKind.RECOMMENDATION : FindingKind.AREA_FOR_IMPROVEMENT;
        r.improvementItems().forEach(text -> findings.add(finding(improvementKind, text)));
        r.priorityActions().forEach(text -> findings.add(finding(FindingKind.PRIORITY_ACTION, text)));
        return findings;
    }

    static ImportedFinding finding(FindingKind kind, String text) {
        Matcher m = FRAMEWORK_REFERENCE.matcher(text);
        if (m.find()) {
            return new ImportedFinding(kind, text.substring(0, m.start()).strip(), m.group(1));
        }
        return new ImportedFinding(kind, text.strip(), null);
    }

    private static String describe(ExtractedReport r) {
        return switch (r.type()) {
            case INSPECTION -> r.framework().name().toLowerCase(Locale.UK) + " inspection of " + r.startDate();
            case FOCUSED_VISIT -> "focused visit of " + r.startDate();
            case MONITORING_VISIT -> "monitoring visit of " + r.startDate();
            case JTAI -> "joint targeted area inspection of " + r.startDate();
        };
    }

    private static String readAs(ExtractedReport r) {
        return r.type().name().toLowerCase(Locale.UK) + " read from its text with positions (PDFBox)";
    }

    private static String contentType(byte[] bytes) {
        return bytes.length > 4 && bytes[0] == '%' && bytes[1] == 'P' && bytes[2] == 'D' && bytes[3] == 'F'
                ? "application/pdf" : "text/plain; charset=utf-8";
    }

    private static String baseName(String fileName) {
        String n = fileName.replace('\\', '/');
        return n.substring(n.lastIndexOf('/') + 1);
    }
}
