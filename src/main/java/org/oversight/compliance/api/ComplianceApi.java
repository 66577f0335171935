package org.oversight.compliance.api;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.oversight.access.AccessRules.ChildDataReader;
import org.oversight.access.AccessRules.LaEditor;
import org.oversight.access.CurrentUser;
import org.oversight.childdata.ChildDataImporter;
import org.oversight.childdata.ChildImportJobs;
import org.oversight.childdata.ssda903.ValidationError;
import org.oversight.compliance.ComplianceService;
import org.oversight.inspection.InspectionService;
import org.oversight.register.LocalAuthority;
import org.oversight.shared.web.BaseUrl;
import org.oversight.shared.web.Downloads;
import org.oversight.shared.web.FieldProblem;
import org.oversight.shared.web.InvalidInputException;
import org.oversight.shared.web.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Child-level data and compliance as JSON, for the LA's own managers and staff and, for the reads, an inspector under a
 * grant in force, exactly as on the pages (every read logged).
 */
@RestController
@RequestMapping("/api/v1/local-authorities/{urn}")
@Tag(name = "Child-level data and compliance", description = "SSDA903 imports and statutory timescale compliance (LA-internal)")
@LaEditor
class ComplianceApi {

    private final ComplianceService compliance;
    private final ChildImportJobs jobs;
    private final InspectionService inspections;
    private final BaseUrl baseUrl;
    private final CurrentUser currentUser;

    ComplianceApi(ComplianceService compliance, ChildImportJobs jobs, InspectionService inspections, BaseUrl baseUrl, CurrentUser currentUser) {
        this.currentUser = currentUser;
        this.compliance = compliance;
        this.jobs = jobs;
        this.inspections = inspections;
        this.baseUrl = baseUrl;
    }

    record RuleJson(String rule, LocalDate nextDue, long daysOverdue, boolean withinTimescale, String why, long lateEvents) {
        static RuleJson of(org.oversight.compliance.domain.Compliance c) {
            return new RuleJson(c.ruleId(), c.nextDue(), c.overdueDays(), c.compliant(), c.nextDueReason(), c.lateEvents());
        }
    }

    record ChildJson(String child, String group, int age, String team, String worker, LocalDate lookedAfterFrom, List<RuleJson> rules,
                     List<String> notKnown) {
        static ChildJson of(ComplianceService.ChildRecord c) {
            return new ChildJson(c.childRef(), c.cohort().name(), c.age(), c.team(), c.worker(), c.lookedAfterFrom(),
                    c.rules().values().stream().map(RuleJson::of).toList(), c.unknown());
        }
    }

    record ChildHistoryJson(ChildJson child, List<DueJson> history) {
    }

    record DueJson(String rule, LocalDate due, String why, LocalDate done, long daysLate) {
    }

    record DashboardJson(String collectionYear, LocalDate asOf, LocalDate annexAAsOf, int childrenInCare, long reviewsCompliant,
                         long reviewsOverdue, int careLeavers, long careLeaversInTouch, List<ComplianceService.RuleFigure> byRule,
                         List<ComplianceService.GroupFigure> byTeam, List<ChildJson> children) {
    }

    @GetMapping("/compliance")
    @ChildDataReader
    @Operation(summary = "Every child's compliance with each statutory timescale, by rule and by team, from the LA's current "
            + "SSDA903 and Annex A snapshots (the read is logged)")
    DashboardJson dashboard(@PathVariable int urn) {
        LocalAuthority la = inspections.localAuthority(urn);
        var d = compliance.dashboard(la.id()).orElseThrow(() -> new NotFoundException("No child-level data has been imported for " + la.name()));
        if (!currentUser.readingUnderGrant(la.id())) {
            compliance.logExport(la.id(), "compliance API read"); // an inspector's read is logged as theirs by the dashboard itself
        }
        var reviews = d.figure("CLA-REVIEW");
        var touch = d.figure("CL-KEEPING-IN-TOUCH");
        return new DashboardJson(d.snapshot().collectionYear(), d.snapshot().asOf(), d.annexA() == null ? null : d.annexA().asOf(),
                d.inCare().size(), reviews.compliant(), reviews.overdue(), d.careLeavers().size(), touch.compliant(), d.figures(), d.teams(),
                d.children().stream().map(ChildJson::of).toList());
    }

    @GetMapping("/children/{childRef}/compliance")
    @ChildDataReader
    @Operation(summary = "One child's compliance with each timescale and the history behind it; purpose (why the record is read: "
            + "DIRECT_WORK, MANAGEMENT_OVERSIGHT, CASE_AUDIT, COMPLAINT_OR_REQUEST, DATA_QUALITY, INSPECTION) is required and logged with the view")
    ChildHistoryJson child(@PathVariable int urn, @PathVariable String childRef, @RequestParam(required = false) String purpose) {
        LocalAuthority la = inspections.localAuthority(urn);
        compliance.checkReadable(la.id());
        ComplianceService.Purpose why = ComplianceService.Purpose.parse(purpose);
        if (why == null) {
            throw new org.oversight.shared.web.InvalidInputException(List.of(new org.oversight.shared.web.FieldProblem("purpose",
                    "Say why the record is read: one of " + java.util.Arrays.toString(ComplianceService.Purpose.values()))));
        }
        var c = compliance.child(la.id(), childRef, why);
        List<DueJson> history = c.rules().values().stream().flatMap(r -> r.history().stream()
                .map(h -> new DueJson(r.ruleId(), h.due(), h.reason(), h.done(), h.daysLate()))).toList();
        return new ChildHistoryJson(ChildJson.of(c), history);
    }

    /** The result of an import: what was stored, how many errors, the first of them, and where to download all of them. */
    record ImportJson(UUID job, boolean stored, UUID snapshotId, UUID annexASnapshotId, Integer accepted, Integer rejected, long errorCount,
                      List<ValidationError> errors, String errorsCsv, String confirmation, String failure) {
    }

    @PostMapping(value = "/ssda903", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Import SSDA903 CSV tables and/or an Annex A workbook (lists 8 and 9, .xlsx) as new snapshots. 201 when stored; 400 with "
            + "the number of errors, the first of them (file, row, column, value, rule) and a link to all of them as CSV when nothing is stored; "
            + "400 when a whole return lacks a table it needs (send partial=true to replace only the tables given and keep the rest of the "
            + "current data); 409 when it would drop more than the configured share of the children (send confirmDrop=true to store it "
            + "anyway); 413 when a file is past a limit (size, expanded size, rows, columns, cell length); 503 with Retry-After when the "
            + "maximum number of imports are running")
    ResponseEntity<ImportJson> importReturn(@PathVariable int urn, @RequestParam(required = false) String year,
                                            @RequestParam(defaultValue = "reject") String mode,
                                            @RequestParam(defaultValue = "false") boolean partial,
                                            @RequestParam(defaultValue = "false") boolean confirmDrop,
                                            @RequestPart(name = "files", required = false) List<MultipartFile> files,
                                            HttpServletRequest request) {
        List<FieldProblem> problems = new java.util.ArrayList<>();
        Integer startYear = null;
        try {
            startYear = year == null || year.isBlank() ? null : Integer.valueOf(year.trim());
        } catch (NumberFormatException e) {
            startYear = null;
        }
        if (startYear == null || startYear < 2010 || startYear > 2100) {
            problems.add(new FieldProblem("year", "Give the year the collection starts as four digits, for example 2026 for 2026-27"));
        }
        List<ChildImportJobs.Upload> uploads = files == null ? List.of() : files.stream().filter(f -> f.getOriginalFilename() != null
                && !f.getOriginalFilename().isBlank()).map(f -> new ChildImportJobs.Upload(f.getOriginalFilename(), f::getInputStream)).toList();
        if (uploads.isEmpty()) {
            problems.add(new FieldProblem("files", "Send the CSV tables and/or the Annex A workbook as parts named 'files'"));
        }
        if (!mode.equals("reject") && !mode.equals("accept")) {
            problems.add(new FieldProblem("mode", "Send mode=reject (store nothing when there are errors) or mode=accept (store the rows without errors)"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        LocalAuthority la = inspections.localAuthority(urn);
        ChildImportJobs.Job job = jobs.runNow(urn, startYear, uploads, new ChildDataImporter.Options(
                "accept".equals(mode) ? ChildDataImporter.Mode.ACCEPT_GOOD_ROWS : ChildDataImporter.Mode.REJECT_IF_ANY_ERROR, partial, confirmDrop));
        ImportJson body = new ImportJson(job.id(), Boolean.TRUE.equals(job.stored()), job.snapshotId(), job.annexSnapshotId(), job.accepted(),
                job.rejected(), job.errorCount() == null ? 0 : job.errorCount(), job.errors(),
                job.errorsCsv() ? baseUrl.absolute(request, "/api/v1/local-authorities/" + la.urn() + "/ssda903/jobs/" + job.id() + "/errors.csv") : null,
                job.confirmation() == null ? null : job.confirmation() + " Send confirmDrop=true to store it.", job.failure());
        HttpStatus status = Boolean.TRUE.equals(job.stored()) ? HttpStatus.CREATED
                : job.waitingForConfirmation() ? HttpStatus.CONFLICT
                : job.failure() != null && job.stage().equals("FAILED") ? HttpStatus.INTERNAL_SERVER_ERROR : HttpStatus.BAD_REQUEST;
        return ResponseEntity.status(status).body(body);
    }

    @GetMapping(value = "/ssda903/jobs/{id}/errors.csv", produces = "text/csv")
    @Operation(summary = "Every error of an import (up to oversight.imports.max-errors) as CSV: file, row, column, value, rule, message")
    void importErrors(@PathVariable int urn, @PathVariable UUID id, HttpServletResponse response) throws IOException {
        LocalAuthority la = inspections.localAuthority(urn);
        jobs.find(la.id(), id);
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader("Content-Disposition", Downloads.attachment("import-errors-" + la.laCode() + "-" + id.toString().substring(0, 8) + ".csv"));
        jobs.writeErrors(la.id(), id, response.getOutputStream());
    }
}
