package org.oversight.childdata.web;

import java.io.IOException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.oversight.access.AccessRules.LaEditor;
import org.oversight.childdata.AnnexAExport;
import org.oversight.childdata.ChildDataImporter;
import org.oversight.childdata.ChildImportJobs;
import org.oversight.register.LocalAuthorities;
import org.oversight.register.LocalAuthority;
import org.oversight.shared.problem.ProblemText;
import org.oversight.shared.web.FormErrors;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;

/**
 * Upload an SSDA903 return and Annex A workbook as a job: its progress, then every error with its file, row, column,
 * value and rule; nothing half-stored. Download Ofsted's Annex A lists 8 and 9 from the current data.
 */
@Controller
@LaEditor
class ChildDataPages {

    private static final List<String> FIELDS = List.of("files", "year");

    private final ChildImportJobs jobs;
    private final AnnexAExport annexA;
    private final LocalAuthorities localAuthorities;

    ChildDataPages(ChildImportJobs jobs, AnnexAExport annexA, LocalAuthorities localAuthorities) {
        this.jobs = jobs;
        this.annexA = annexA;
        this.localAuthorities = localAuthorities;
    }

    @GetMapping("/local-authorities/{urn}/child-data")
    String form(@PathVariable int urn, Model model) {
        model.addAttribute("la", la(urn));
        model.addAttribute("year", defaultYear());
        FormErrors.none().show(model, FIELDS);
        return "childdata/upload";
    }

    @PostMapping("/local-authorities/{urn}/child-data")
    String upload(@PathVariable int urn, @RequestParam(name = "files", required = false) List<MultipartFile> files,
                  @RequestParam(name = "year", required = false) String year, @RequestParam(name = "mode", required = false) String mode,
                  Model model, HttpServletResponse response) throws IOException {
        LocalAuthority la = la(urn);
        model.addAttribute("la", la);
        model.addAttribute("year", year);
        Map<String, byte[]> contents = new LinkedHashMap<>();
        if (files != null) {
            for (MultipartFile f : files) {
                if (f.getOriginalFilename() != null && !f.getOriginalFilename().isBlank()) {
                    contents.put(f.getOriginalFilename(), f.getBytes());
                }
            }
        }
        Integer startYear = null;
        try {
            startYear = year == null ? null : Integer.valueOf(year.trim());
        } catch (NumberFormatException e) {
            startYear = null;
        }
        if (contents.isEmpty() || startYear == null || startYear < 2010 || startYear > 2100) {
            FormErrors.one(contents.isEmpty() ? "files" : "year", ProblemText.of(contents.isEmpty() ? "childdata.error.files" : "childdata.error.year"))
                    .show(model, response, FIELDS);
            return "childdata/upload";
        }
        UUID job = jobs.start(urn, startYear, contents,
                "accept".equals(mode) ? ChildDataImporter.Mode.ACCEPT_GOOD_ROWS : ChildDataImporter.Mode.REJECT_IF_ANY_ERROR);
        return "redirect:/local-authorities/" + urn + "/child-data/jobs/" + job;
    }

    @GetMapping("/local-authorities/{urn}/child-data/jobs/{id}")
    String job(@PathVariable int urn, @PathVariable UUID id, Model model) {
        LocalAuthority la = la(urn);
        ChildImportJobs.Job job = jobs.find(la.id(), id);
        model.addAttribute("la", la);
        model.addAttribute("job", job);
        model.addAttribute("shownErrors", job.errors().stream().limit(500).toList());
        return "childdata/result";
    }

    @GetMapping(value = "/local-authorities/{urn}/child-data/jobs/{id}/progress", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    Map<String, Object> progress(@PathVariable int urn, @PathVariable UUID id) {
        ChildImportJobs.Job job = jobs.find(la(urn).id(), id);
        return Map.of("total", job.steps(), "processed", job.step(), "finished", job.finished(), "stage", job.stage());
    }

    @GetMapping("/local-authorities/{urn}/annex-a.xlsx")
    ResponseEntity<byte[]> annexA(@PathVariable int urn) {
        LocalAuthority la = la(urn);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"annex-a-lists-8-9-" + la.laCode() + ".xlsx\"")
                .body(annexA.lists8And9(la.id()));
    }

    private LocalAuthority la(int urn) {
        return localAuthorities.get(urn);
    }

    private static int defaultYear() {
        LocalDate today = LocalDate.now(org.oversight.shared.Dates.LONDON);
        return today.getMonthValue() >= 4 ? today.getYear() : today.getYear() - 1;
    }
}
