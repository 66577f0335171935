package org.oversight.reports.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.oversight.access.AccessRules.DocumentImporter;
import org.oversight.reports.ImportJobs;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;

/** Upload several Ofsted reports or letters at once, then follow their import file by file. */
@Controller
@DocumentImporter
class ImportPages {

    static final int MAX_FILES = 200;

    private final ImportJobs jobs;

    ImportPages(ImportJobs jobs) {
        this.jobs = jobs;
    }

    @GetMapping("/imports/reports")
    String form() {
        return "imports/upload";
    }

    @PostMapping("/imports/reports")
    String upload(@RequestParam(name = "files", required = false) List<MultipartFile> files, Model model,
                  HttpServletResponse response) throws IOException {
        List<MultipartFile> given = files == null ? List.of() : files.stream().filter(f -> !f.isEmpty() || !f.getOriginalFilename().isBlank()).toList();
        String error = null;
        if (given.isEmpty()) {
            error = "Select one or more PDF files";
        } else if (given.size() > MAX_FILES) {
            error = "Select " + MAX_FILES + " files or fewer at a time";
        }
        if (error != null) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("error", error);
            return "imports/upload";
        }
        List<ImportJobs.Incoming> uploads = new ArrayList<>();
        for (MultipartFile f : given) {
            uploads.add(new ImportJobs.Incoming(f.getOriginalFilename(), f::getBytes)); // read one at a time as it is stored
        }
        UUID id = jobs.receive(uploads);
        return "redirect:/imports/reports/" + id;
    }

    @GetMapping("/imports/reports/{id}")
    String job(@PathVariable UUID id, Model model) {
        model.addAttribute("job", jobs.find(id));
        return "imports/job";
    }

    /** Progress for the page's script (the page works without it: it has a refresh link). */
    @GetMapping(value = "/imports/reports/{id}/progress", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    Map<String, Object> progress(@PathVariable UUID id) {
        ImportJobs.Job job = jobs.find(id);
        return Map.of("processed", job.processed(), "total", job.files().size(), "finished", job.finished());
    }
}
