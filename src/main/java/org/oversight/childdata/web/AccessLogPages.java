package org.oversight.childdata.web;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.oversight.shared.problem.ProblemText;
import org.oversight.access.AccessRules.LaManager;
import org.oversight.access.AccessLog;
import org.oversight.register.LocalAuthorities;
import org.oversight.register.LocalAuthority;
import org.oversight.shared.Dates;
import org.oversight.shared.web.CsvResponse;
import org.oversight.shared.problem.FieldProblem;
import org.oversight.shared.web.FormErrors;
import org.oversight.shared.problem.InvalidInputException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The LA's access log (search, CSV) and the subject-access export of one child, for the LA's managers. */
@Controller
@LaManager
class AccessLogPages {

    private static final DateTimeFormatter DMY = DateTimeFormatter.ofPattern("dd/MM/uuuu").withResolverStyle(ResolverStyle.STRICT);

    private final AccessLog log;
    private final LocalAuthorities localAuthorities;

    AccessLogPages(AccessLog log, LocalAuthorities localAuthorities) {
        this.log = log;
        this.localAuthorities = localAuthorities;
    }

    @GetMapping("/local-authorities/{urn}/access-log")
    String search(@PathVariable int urn, @RequestParam(required = false) String child, @RequestParam(required = false) String who,
                  @RequestParam(required = false) String from, @RequestParam(required = false) String to, Model model,
                  HttpServletResponse response) {
        LocalAuthority la = localAuthorities.get(urn);
        FormErrors errors = FormErrors.none();
        LocalDate fromDate = date(from, "from", errors);
        LocalDate toDate = date(to, "to", errors);
        model.addAttribute("la", la);
        model.addAttribute("child", child);
        model.addAttribute("who", who);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        errors.show(model, List.of("child", "who", "from", "to"));
        if (errors.any()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("entries", List.of());
        } else {
            model.addAttribute("entries", log.search(la.id(), new AccessLog.Search(child, who, fromDate, toDate)));
        }
        model.addAttribute("limit", AccessLog.LIMIT);
        return "compliance/access-log";
    }

    @GetMapping("/local-authorities/{urn}/access-log.csv")
    @org.oversight.shared.web.NonInteractive(org.oversight.shared.web.NonInteractive.Kind.EXPORT)
    void csv(@PathVariable int urn, @RequestParam(required = false) String child, @RequestParam(required = false) String who,
             @RequestParam(required = false) String from, @RequestParam(required = false) String to, HttpServletResponse response)
            throws IOException {
        LocalAuthority la = localAuthorities.get(urn);
        FormErrors errors = FormErrors.none();
        LocalDate fromDate = date(from, "from", errors);
        LocalDate toDate = date(to, "to", errors);
        if (errors.any()) {
            throw new InvalidInputException(errors.ordered(List.of("from", "to")).stream().map(e -> new FieldProblem(e.getKey(), e.getValue())).toList());
        }
        var entries = log.search(la.id(), new AccessLog.Search(child, who, fromDate, toDate));
        CsvResponse.write(response, "access-log-" + la.laCode() + ".csv", List.of("when", "who", "name", "child", "what", "why"), csv -> {
            for (var e : entries) {
                csv.printRecord(Dates.format(e.at().toInstant()), e.who(), e.name(), e.childRef(), e.what(), e.purpose() == null ? "" : e.purpose());
            }
        });
    }

    @GetMapping("/local-authorities/{urn}/children/{childRef}/subject-access.json")
    @org.oversight.shared.web.NonInteractive(org.oversight.shared.web.NonInteractive.Kind.EXPORT)
    ResponseEntity<Map<String, Object>> subjectAccess(@PathVariable int urn, @PathVariable String childRef) {
        LocalAuthority la = localAuthorities.get(urn);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CONTENT_DISPOSITION, org.oversight.shared.web.Downloads.attachment("subject-access-" + la.laCode() + "-" + childRef + ".json"))
                .body(log.subjectAccess(la.id(), childRef));
    }

    private static LocalDate date(String text, String field, FormErrors errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.trim(), DMY);
        } catch (DateTimeParseException e) {
            errors.add(field, ProblemText.of("childdata.error.date"));
            return null;
        }
    }
}
