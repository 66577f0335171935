package org.oversight.childdata.api;

import java.io.IOException;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.oversight.access.AccessRules.LaEditor;
import org.oversight.childdata.ChildDataImporter;
import org.oversight.childdata.ChildImportJobs;
import org.oversight.childdata.ssda903.ValidationError;
import org.oversight.childdata.ssda903.rules.RuleOutcome;
import org.oversight.register.LocalAuthorities;
import org.oversight.register.LocalAuthority;
import org.oversight.shared.problem.FieldProblem;
import org.oversight.shared.problem.InvalidInputException;
import org.oversight.shared.web.BaseUrl;
import org.oversight.shared.web.Downloads;
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
 * Imports of child-level data as JSON, for the LA's own managers and staff: streamed under the upload limits, run in the
 * import job queue, nothing half-stored; the errors of a refused import are downloadable as CSV.
 */
@RestController
@RequestMapping("/api/v1/local-authorities/{urn}")
@Tag(name = "Child-level data and compliance", description = "SSDA903 imports and statutory timescale compliance (LA-internal)")
@LaEditor
class ChildDataApi {

    private final ChildImportJobs jobs;
    private final LocalAuthorities localAuthorities;
    private final BaseUrl baseUrl;

    ChildDataApi(ChildImportJobs jobs, LocalAuthorities localAuthorities, BaseUrl baseUrl) {
        this.jobs = jobs;
        this.localAuthorities = localAuthorities;
        this.baseUrl = baseUrl;
    }

    /**
     * The result of an import: what was stored, how many errors (queries left out), the first errors and queries, where to
     * download all of them, and what each DfE rule of the year found (rows flagged, or why it was not checked).
     */
    record ImportJson(UUID job, boolean stored, UUID snapshotId, UUID annexASnapshotId, Integer accepted, Integer rejected, long errorCount,
                      List<ValidationError> errors, String errorsCsv, String confirmation, String failure, List<RuleOutcome> rules) {
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
        LocalAuthority la = localAuthorities.get(urn);
        ChildImportJobs.Job job = jobs.runNow(urn, startYear, uploads, new ChildDataImporter.Options(
                "accept".equals(mode) ? ChildDataImporter.Mode.ACCEPT_GOOD_ROWS : ChildDataImporter.Mode.REJECT_IF_ANY_ERROR, partial, confirmDrop));
        return respond(la, job, request);
    }

    @PostMapping(value = "/cin-census", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Import a CIN census XML file (part 'file') into the LA's store of the front half of the journey (children in need, "
            + "assessments, section 47 enquiries, conferences, child protection plans and reviews) as a new snapshot of the census's collection "
            + "year, after checking it against DfE's 109 CIN rules. A DOCTYPE, a file that is not a census and a census of another LA are refused. "
            + "201 when stored (queries are listed but do not stop it); 400 with every error (file, line, field, value, rule; the child in the "
            + "message) when nothing is stored; mode=accept leaves out the children with errors; 413 past a limit; 503 when too many imports run")
    ResponseEntity<ImportJson> importCinCensus(@PathVariable int urn, @RequestParam(defaultValue = "reject") String mode,
                                               @RequestPart(name = "file", required = false) MultipartFile file, HttpServletRequest request) {
        List<FieldProblem> problems = new java.util.ArrayList<>();
        if (file == null || file.getOriginalFilename() == null || file.getOriginalFilename().isBlank()) {
            problems.add(new FieldProblem("file", "Send the CIN census XML file as a part named 'file'"));
        }
        modeProblem(mode, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        LocalAuthority la = localAuthorities.get(urn);
        ChildImportJobs.Job job = jobs.runNow(urn, 0, List.of(new ChildImportJobs.Upload(file.getOriginalFilename(), file::getInputStream)),
                new ChildDataImporter.Options(mode(mode), false, false), ChildImportJobs.Kind.CIN_CENSUS);
        return respond(la, job, request);
    }

    @PostMapping(value = "/ssd-extract", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Import a Standard Safeguarding Dataset extract: CSV files named by SSD table (ssd_person.csv, ssd_contacts.csv, ...) with "
            + "the SSD field names as headers, or ZIP files of them, as parts named 'files', as a new snapshot of the collection year. Tables and "
            + "columns Oversight does not store are listed as notes and skipped; a missing required field, an impossible date, a child twice, a row "
            + "naming a child, referral, conference or plan the extract lacks, and overlapping episodes are errors. 201 when stored; 400 with the "
            + "errors when nothing is stored (mode=accept stores the rows without errors); 413 past a limit; 503 when too many imports run")
    ResponseEntity<ImportJson> importSsdExtract(@PathVariable int urn, @RequestParam(required = false) String year,
                                                @RequestParam(defaultValue = "reject") String mode,
                                                @RequestPart(name = "files", required = false) List<MultipartFile> files,
                                                HttpServletRequest request) {
        List<FieldProblem> problems = new java.util.ArrayList<>();
        Integer startYear = startYear(year, problems);
        List<ChildImportJobs.Upload> uploads = files == null ? List.of() : files.stream().filter(f -> f.getOriginalFilename() != null
                && !f.getOriginalFilename().isBlank()).map(f -> new ChildImportJobs.Upload(f.getOriginalFilename(), f::getInputStream)).toList();
        if (uploads.isEmpty()) {
            problems.add(new FieldProblem("files", "Send the extract's CSV files (or a ZIP of them) as parts named 'files'"));
        }
        modeProblem(mode, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        LocalAuthority la = localAuthorities.get(urn);
        ChildImportJobs.Job job = jobs.runNow(urn, startYear, uploads, new ChildDataImporter.Options(mode(mode), false, false), ChildImportJobs.Kind.SSD);
        return respond(la, job, request);
    }

    @PostMapping(value = "/annex-a", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Import Annex A lists 1 to 7 (contacts, early help, referrals, assessments, section 47 enquiries and ICPCs, children in "
            + "need, child protection plans) from Ofsted's workbook (.xlsx, part 'file') into the LA's whole-journey store as a new snapshot of "
            + "the collection year of its latest date. Sheets are found by name ('List 1' ... 'List 7', any of them), columns by the template's "
            + "headings in any order, values by its labels ('a) Male', 'q) 6: Police'). A missing heading, an unknown label, an impossible date, "
            + "dates out of order, a child twice for the same date and a child whose details differ between lists are errors naming sheet, row, "
            + "column and value. Lists 8 and 9 are not read here (they come with the SSDA903 return, POST .../ssda903). 201 when stored; 400 "
            + "with the errors when nothing is stored (mode=accept stores the rows without errors); 413 past a limit; 503 when too many imports run")
    ResponseEntity<ImportJson> importAnnexA(@PathVariable int urn, @RequestParam(defaultValue = "reject") String mode,
                                            @RequestPart(name = "file", required = false) MultipartFile file, HttpServletRequest request) {
        List<FieldProblem> problems = new java.util.ArrayList<>();
        if (file == null || file.getOriginalFilename() == null || file.getOriginalFilename().isBlank()) {
            problems.add(new FieldProblem("file", "Send the Annex A workbook (.xlsx) as a part named 'file'"));
        }
        modeProblem(mode, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        LocalAuthority la = localAuthorities.get(urn);
        ChildImportJobs.Job job = jobs.runNow(urn, 0, List.of(new ChildImportJobs.Upload(file.getOriginalFilename(), file::getInputStream)),
                new ChildDataImporter.Options(mode(mode), false, false), ChildImportJobs.Kind.ANNEX_A_JOURNEY);
        return respond(la, job, request);
    }

    private static Integer startYear(String year, List<FieldProblem> problems) {
        Integer startYear;
        try {
            startYear = year == null || year.isBlank() ? null : Integer.valueOf(year.trim());
        } catch (NumberFormatException e) {
            startYear = null;
        }
        if (startYear == null || startYear < 2010 || startYear > 2100) {
            problems.add(new FieldProblem("year", "Give the year the collection starts as four digits, for example 2026 for 2026-27"));
        }
        return startYear;
    }

    private static void modeProblem(String mode, List<FieldProblem> problems) {
        if (!mode.equals("reject") && !mode.equals("accept")) {
            problems.add(new FieldProblem("mode", "Send mode=reject (store nothing when there are errors) or mode=accept (store the rows without errors)"));
        }
    }

    private static ChildDataImporter.Mode mode(String mode) {
        return "accept".equals(mode) ? ChildDataImporter.Mode.ACCEPT_GOOD_ROWS : ChildDataImporter.Mode.REJECT_IF_ANY_ERROR;
    }

    private ResponseEntity<ImportJson> respond(LocalAuthority la, ChildImportJobs.Job job, HttpServletRequest request) {
        ImportJson body = new ImportJson(job.id(), Boolean.TRUE.equals(job.stored()), job.snapshotId(), job.annexSnapshotId(), job.accepted(),
                job.rejected(), job.errorCount() == null ? 0 : job.errorCount(), job.errors(),
                job.errorsCsv() ? baseUrl.absolute(request, "/api/v1/local-authorities/" + la.urn() + "/ssda903/jobs/" + job.id() + "/errors.csv") : null,
                job.confirmation() == null ? null : job.confirmation() + " Send confirmDrop=true to store it.", job.failure(), job.rules());
        HttpStatus status = Boolean.TRUE.equals(job.stored()) ? HttpStatus.CREATED
                : job.waitingForConfirmation() ? HttpStatus.CONFLICT
                : job.failure() != null && job.stage().equals("FAILED") ? HttpStatus.INTERNAL_SERVER_ERROR : HttpStatus.BAD_REQUEST;
        return ResponseEntity.status(status).body(body);
    }

    @GetMapping(value = "/ssda903/jobs/{id}/errors.csv", produces = "text/csv")
    @org.oversight.shared.web.NonInteractive(org.oversight.shared.web.NonInteractive.Kind.EXPORT)
    @Operation(summary = "Every error and query of an import (up to oversight.imports.max-errors) as CSV: file, row, column, value, rule, message, type (error or query)")
    void importErrors(@PathVariable int urn, @PathVariable UUID id, HttpServletResponse response) throws IOException {
        LocalAuthority la = localAuthorities.get(urn);
        jobs.find(la.id(), id);
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader("Content-Disposition", Downloads.attachment("import-errors-" + la.laCode() + "-" + id.toString().substring(0, 8) + ".csv"));
        jobs.writeErrors(la.id(), id, response.getOutputStream());
    }
}
