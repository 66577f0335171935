package org.oversight.childdata.web;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.oversight.access.AccessRules.LaEditor;
import org.oversight.access.CurrentUser;
import org.oversight.childdata.AnnexAExport;
import org.oversight.childdata.ChildDataImporter;
import org.oversight.childdata.ChildImportJobs;
import org.oversight.register.LocalAuthorities;
import org.oversight.register.LocalAuthority;
import org.oversight.shared.upload.UploadLimits;
import org.oversight.shared.web.Downloads;
import org.oversight.shared.problem.ProblemText;
import org.oversight.shared.web.FormErrors;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Upload an SSDA903 return and Annex A workbook as a job: its progress, then the first errors with their file, row,
 * column, value and rule and every error as CSV; nothing half-stored. An import that would drop many children waits
 * on its page for a confirmation. The form, like the upload, is only for the LA's own managers and staff.
 */
@Controller
@LaEditor
class ChildDataPages {

    private static final List<String> FIELDS = List.of("files", "year", "kind");

    private final ChildImportJobs jobs;
    private final AnnexAExport annexA;
    private final LocalAuthorities localAuthorities;
    private final CurrentUser currentUser;
    private final UploadLimits limits;

    ChildDataPages(ChildImportJobs jobs, AnnexAExport annexA, LocalAuthorities localAuthorities, CurrentUser currentUser, UploadLimits limits) {
        this.jobs = jobs;
        this.annexA = annexA;
        this.localAuthorities = localAuthorities;
        this.currentUser = currentUser;
        this.limits = limits;
    }

    @GetMapping("/local-authorities/{urn}/child-data")
    String form(@PathVariable int urn, Model model) {
        model.addAttribute("la", editable(urn));
        model.addAttribute("year", defaultYear());
        model.addAttribute("kind", "SSDA903");
        model.addAttribute("limits", limits);
        FormErrors.none().show(model, FIELDS);
        return "childdata/upload";
    }

    @PostMapping("/local-authorities/{urn}/child-data")
    String upload(@PathVariable int urn, @RequestParam(name = "files", required = false) List<MultipartFile> files,
                  @RequestParam(name = "year", required = false) String year, @RequestParam(name = "mode", required = false) String mode,
                  @RequestParam(name = "partial", required = false) String partial, @RequestParam(name = "kind", required = false) String kindName,
                  Model model, HttpServletResponse response) {
        LocalAuthority la = editable(urn);
        ChildImportJobs.Kind kind = kind(kindName);
        model.addAttribute("la", la);
        model.addAttribute("year", year);
        model.addAttribute("kind", kind.name());
        model.addAttribute("limits", limits);
        List<ChildImportJobs.Upload> uploads = new ArrayList<>();
        if (files != null) {
            for (MultipartFile f : files) {
                if (f.getOriginalFilename() != null && !f.getOriginalFilename().isBlank()) {
                    uploads.add(new ChildImportJobs.Upload(f.getOriginalFilename(), f::getInputStream));
                }
            }
        }
        Integer startYear = null;
        try {
            startYear = year == null ? null : Integer.valueOf(year.trim());
        } catch (NumberFormatException e) {
            startYear = null;
        }
        if (kind == ChildImportJobs.Kind.CIN_CENSUS && uploads.size() > 1) {
            FormErrors.one("files", ProblemText.of("childdata.error.cinOne")).show(model, response, FIELDS);
            return "childdata/upload";
        }
        if (kind == ChildImportJobs.Kind.ANNEX_A_JOURNEY && uploads.size() > 1) {
            FormErrors.one("files", ProblemText.of("childdata.error.annexAOne")).show(model, response, FIELDS);
            return "childdata/upload";
        }
        if ((kind == ChildImportJobs.Kind.CIN_CENSUS || kind == ChildImportJobs.Kind.ANNEX_A_JOURNEY) && !uploads.isEmpty()) {
            startYear = 0; // the census says its own year; the workbook's is that of its latest date
        }
        if (uploads.isEmpty() || startYear == null || startYear != 0 && (startYear < 2010 || startYear > 2100)) {
            FormErrors.one(uploads.isEmpty() ? "files" : "year", ProblemText.of(uploads.isEmpty() ? "childdata.error.files" : "childdata.error.year"))
                    .show(model, response, FIELDS);
            return "childdata/upload";
        }
        UUID job = jobs.start(urn, startYear, uploads, new ChildDataImporter.Options(
                "accept".equals(mode) ? ChildDataImporter.Mode.ACCEPT_GOOD_ROWS : ChildDataImporter.Mode.REJECT_IF_ANY_ERROR,
                "yes".equals(partial) && kind == ChildImportJobs.Kind.SSDA903, false), kind);
        return "redirect:/local-authorities/" + urn + "/child-data/jobs/" + job;
    }

    @GetMapping("/local-authorities/{urn}/child-data/jobs/{id}")
    String job(@PathVariable int urn, @PathVariable UUID id, Model model) {
        LocalAuthority la = la(urn);
        ChildImportJobs.Job job = jobs.find(la.id(), id);
        model.addAttribute("la", la);
        model.addAttribute("job", job);
        model.addAttribute("shownErrors", job.errors().stream().limit(limits.errorsShown()).toList());
        return "childdata/result";
    }

    /** The confirmation step of an import that would drop many children. */
    @PostMapping("/local-authorities/{urn}/child-data/jobs/{id}/confirm")
    String confirm(@PathVariable int urn, @PathVariable UUID id, RedirectAttributes redirect) {
        jobs.confirm(la(urn).id(), id, urn);
        return "redirect:/local-authorities/" + urn + "/child-data/jobs/" + id;
    }

    @PostMapping("/local-authorities/{urn}/child-data/jobs/{id}/cancel")
    String cancel(@PathVariable int urn, @PathVariable UUID id) {
        jobs.cancel(la(urn).id(), id);
        return "redirect:/local-authorities/" + urn + "/child-data/jobs/" + id;
    }

    /** Every error of the import (up to oversight.imports.max-errors) as CSV. */
    @GetMapping("/local-authorities/{urn}/child-data/jobs/{id}/errors.csv")
    @org.oversight.shared.web.NonInteractive(org.oversight.shared.web.NonInteractive.Kind.EXPORT)
    void errors(@PathVariable int urn, @PathVariable UUID id, HttpServletResponse response) throws IOException {
        LocalAuthority la = la(urn);
        jobs.find(la.id(), id);
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader("Content-Disposition", Downloads.attachment("import-errors-" + la.laCode() + "-" + id.toString().substring(0, 8) + ".csv"));
        jobs.writeErrors(la.id(), id, response.getOutputStream());
    }

    @GetMapping(value = "/local-authorities/{urn}/child-data/jobs/{id}/progress", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    Map<String, Object> progress(@PathVariable int urn, @PathVariable UUID id) {
        ChildImportJobs.Job job = jobs.find(la(urn).id(), id);
        return Map.of("total", job.steps(), "processed", job.step(), "finished", job.finished(), "stage", job.stage());
    }

    @GetMapping("/local-authorities/{urn}/annex-a.xlsx")
    @org.oversight.shared.web.NonInteractive(org.oversight.shared.web.NonInteractive.Kind.EXPORT)
    ResponseEntity<byte[]> annexA(@PathVariable int urn) {
        LocalAuthority la = la(urn);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .header(HttpHeaders.CONTENT_DISPOSITION, Downloads.attachment("annex-a-lists-8-9-" + la.laCode() + ".xlsx"))
                .body(annexA.lists8And9(la.id()));
    }

    private LocalAuthority la(int urn) {
        return localAuthorities.get(urn);
    }

    /** The LA, if the signed-in person may import its data (the form is refused like its POST). */
    private LocalAuthority editable(int urn) {
        LocalAuthority la = la(urn);
        if (!currentUser.canEdit(la.id())) {
            throw new AccessDeniedException("Only " + la.name() + "'s managers and staff can import its children's data");
        }
        return la;
    }

    private static ChildImportJobs.Kind kind(String name) {
        for (ChildImportJobs.Kind k : ChildImportJobs.Kind.values()) {
            if (k.name().equals(name)) {
                return k;
            }
        }
        return ChildImportJobs.Kind.SSDA903;
    }

    private static int defaultYear() {
        LocalDate today = LocalDate.now(org.oversight.shared.Dates.LONDON);
        return today.getMonthValue() >= 4 ? today.getYear() : today.getYear() - 1;
    }
}
