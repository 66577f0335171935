package org.oversight.selfeval.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.oversight.access.AccessRules.LaEditor;
import org.oversight.access.AccessRules.LaManager;
import org.oversight.access.AccessRules.LaMember;
import org.oversight.access.AccessRules.SignedIn;
import org.oversight.register.LocalAuthority;
import org.oversight.selfeval.Area;
import org.oversight.selfeval.Theme;
import org.oversight.selfeval.EditConflictException;
import org.oversight.selfeval.Evidence;
import org.oversight.selfeval.SelfEvaluationViews.Section;
import org.oversight.selfeval.SelfEvaluationViews.SelfEvaluation;
import org.oversight.selfeval.SelfEvaluationViews.Version;
import org.oversight.selfeval.SelfEvaluations;
import org.oversight.selfeval.TextDiff;
import org.oversight.selfeval.document.SelfEvaluationDocx;
import org.oversight.selfeval.document.SelfEvaluationHtml;
import org.oversight.selfeval.document.SelfEvaluationPdf;
import org.oversight.shared.problem.InvalidInputException;
import org.oversight.shared.problem.NotFoundException;
import org.oversight.shared.problem.ProblemText;
import org.oversight.shared.web.Choice;
import org.oversight.shared.web.DateInput;
import org.oversight.shared.web.FormErrors;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The self-evaluation's pages: the LA's list, one self-evaluation, a section with its evidence, versions, the meeting, the documents. */
@Controller
class SelfEvaluationPages {

    private static final String BASE = "/local-authorities/{urn}/self-evaluations";
    private static final List<String> SECTION_FIELDS = java.util.stream.Stream.concat(
            java.util.stream.Stream.of("version", "know", "how", "plans", "evidenceKey", "comment", "author", "dueDate-day"),
            java.util.Arrays.stream(Theme.values()).map(t -> "theme-" + t.name())).toList();

    private final SelfEvaluations selfEvaluations;
    private final org.springframework.context.MessageSource messages;

    SelfEvaluationPages(SelfEvaluations selfEvaluations, org.springframework.context.MessageSource messages) {
        this.selfEvaluations = selfEvaluations;
        this.messages = messages;
    }

    // ---- list and start --------------------------------------------------------------------------------------------

    @GetMapping(BASE)
    @LaMember
    String index(@PathVariable int urn, Model model) {
        LocalAuthority la = selfEvaluations.localAuthority(urn);
        return index(la, model, FormErrors.none(), null, null);
    }

    private String index(LocalAuthority la, Model model, FormErrors errors, String year, String fromYear) {
        var list = selfEvaluations.list(la.id());
        model.addAttribute("la", la);
        model.addAttribute("list", list);
        model.addAttribute("canManage", selfEvaluations.canManage(la.id()));
        int thisYear = selfEvaluations.today().getYear();
        model.addAttribute("year", year == null ? String.valueOf(thisYear) : year);
        model.addAttribute("fromChoices", list.stream().map(s -> new Choice(String.valueOf(s.year()),
                ProblemText.of("selfeval.start.from", s.year()))).toList());
        model.addAttribute("fromYear", fromYear == null ? list.stream().findFirst().map(s -> String.valueOf(s.year())).orElse("") : fromYear);
        errors.show(model, List.of("year", "fromYear"));
        return "selfeval/index";
    }

    @PostMapping(BASE)
    @LaManager
    String start(@PathVariable int urn, @RequestParam(required = false) String year, @RequestParam(required = false) String fromYear, Model model,
                 HttpServletResponse response) {
        LocalAuthority la = selfEvaluations.localAuthority(urn);
        FormErrors errors = FormErrors.none();
        Integer y = parseYear(year, "year", errors);
        Integer from = fromYear == null || fromYear.isBlank() ? null : parseYear(fromYear, "fromYear", errors);
        if (!errors.any()) {
            try {
                selfEvaluations.start(la.id(), y, from);
                return "redirect:/local-authorities/" + urn + "/self-evaluations/" + y;
            } catch (InvalidInputException e) {
                errors.addAll(e);
            }
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return index(la, model, errors, year, fromYear);
    }

    private static Integer parseYear(String text, String field, FormErrors errors) {
        try {
            return Integer.valueOf(text == null ? "" : text.trim());
        } catch (NumberFormatException e) {
            errors.add(field, ProblemText.of("selfeval.error.yearNumber"));
            return null;
        }
    }

    // ---- one self-evaluation ---------------------------------------------------------------------------------------

    @GetMapping(BASE + "/{year}")
    @LaMember
    String show(@PathVariable int urn, @PathVariable int year, Model model) {
        LocalAuthority la = selfEvaluations.localAuthority(urn);
        return show(la, year, model, FormErrors.none());
    }

    private String show(LocalAuthority la, int year, Model model, FormErrors errors) {
        SelfEvaluation se = selfEvaluations.get(la.id(), year);
        boolean manage = selfEvaluations.canManage(la.id());
        model.addAttribute("la", la);
        model.addAttribute("se", se);
        model.addAttribute("problems", SelfEvaluations.check(se));
        model.addAttribute("canManage", manage);
        model.addAttribute("canWrite", selfEvaluations.canWrite(la.id()));
        model.addAttribute("isDirector", selfEvaluations.isDirector(la.id()));
        model.addAttribute("directorName", selfEvaluations.directorName(la.id()).orElse(null));
        model.addAttribute("shares", manage ? selfEvaluations.shares(la.id(), year) : List.of());
        model.addAttribute("inspectorChoices", manage ? selfEvaluations.inspectors().stream()
                .map(i -> new Choice(i.username(), i.displayName())).toList() : List.of());
        model.addAttribute("meeting", selfEvaluations.meeting(la.id(), year).orElse(null));
        if (!model.containsAttribute("expiresOn")) {
            model.addAttribute("expiresOn", selfEvaluations.today().plusDays(60));
        }
        model.addAttribute("shareForm", new ShareForm(DateInput.of((LocalDate) model.getAttribute("expiresOn"))));
        errors.show(model, List.of("signOff", "inspector", "expiresOn-day"));
        return "selfeval/show";
    }

    /** Holds the share form's date for the date-input fragment. */
    public record ShareForm(DateInput expiresOn) {
        public DateInput getExpiresOn() {
            return expiresOn;
        }
    }

    @PostMapping(BASE + "/{year}/sign-off")
    @LaManager
    String signOff(@PathVariable int urn, @PathVariable int year, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        LocalAuthority la = selfEvaluations.localAuthority(urn);
        try {
            selfEvaluations.signOff(la.id(), year);
            redirect.addFlashAttribute("banner", "selfeval.signedOff");
            return "redirect:/local-authorities/" + urn + "/self-evaluations/" + year;
        } catch (InvalidInputException e) {
            response.setStatus(e instanceof EditConflictException ? HttpServletResponse.SC_CONFLICT : HttpServletResponse.SC_BAD_REQUEST);
            return show(la, year, model, FormErrors.of(e));
        }
    }

    @PostMapping(BASE + "/{year}/shares")
    @LaManager
    String share(@PathVariable int urn, @PathVariable int year, @RequestParam(required = false) String inspector,
                 @RequestParam(name = "expiresOn.day", required = false) String day, @RequestParam(name = "expiresOn.month", required = false) String month,
                 @RequestParam(name = "expiresOn.year", required = false) String yearPart, Model model, HttpServletResponse response,
                 RedirectAttributes redirect) {
        LocalAuthority la = selfEvaluations.localAuthority(urn);
        FormErrors errors = FormErrors.none();
        DateInput input = new DateInput();
        input.setDay(day);
        input.setMonth(month);
        input.setYear(yearPart);
        LocalDate expires = null;
        try {
            expires = input.toDate("The last day of the share");
            if (expires == null) {
                errors.add("expiresOn-day", ProblemText.of("selfeval.error.share.expires", SelfEvaluations.MAX_SHARE_DAYS));
            }
        } catch (IllegalArgumentException e) {
            errors.add("expiresOn-day", e.getMessage());
        }
        if (!errors.any()) {
            try {
                selfEvaluations.share(la.id(), year, inspector, expires);
                redirect.addFlashAttribute("banner", "selfeval.shared");
                return "redirect:/local-authorities/" + urn + "/self-evaluations/" + year;
            } catch (InvalidInputException e) {
                errors.addAll(e, f -> f.equals("expiresOn") ? "expiresOn-day" : f);
            }
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return show(la, year, model, errors);
    }

    @PostMapping(BASE + "/{year}/shares/{shareId}/revoke")
    @LaManager
    String revoke(@PathVariable int urn, @PathVariable int year, @PathVariable UUID shareId, RedirectAttributes redirect) {
        LocalAuthority la = selfEvaluations.localAuthority(urn);
        selfEvaluations.revokeShare(la.id(), year, shareId);
        redirect.addFlashAttribute("banner", "selfeval.shareEnded");
        return "redirect:/local-authorities/" + urn + "/self-evaluations/" + year;
    }

    // ---- a section -------------------------------------------------------------------------------------------------

    @GetMapping(BASE + "/{year}/sections/{area}")
    @LaEditor
    String section(@PathVariable int urn, @PathVariable int year, @PathVariable String area, Model model) {
        LocalAuthority la = selfEvaluations.localAuthority(urn);
        return section(la, year, area(area), model, FormErrors.none(), null);
    }

    private String section(LocalAuthority la, int year, Area area, Model model, FormErrors errors, String[] typed) {
        return section(la, year, area, model, errors, typed, null);
    }

    private String section(LocalAuthority la, int year, Area area, Model model, FormErrors errors, String[] typed, Map<String, String> typedThemes) {
        SelfEvaluation se = selfEvaluations.get(la.id(), year);
        Section s = se.section(area).orElseThrow();
        Map<String, Evidence> evidence = selfEvaluations.evidence(la.id());
        List<String> cited = s.citations().stream().map(c -> c.evidenceKey()).toList();
        model.addAttribute("la", la);
        model.addAttribute("se", se);
        model.addAttribute("section", s);
        model.addAttribute("area", area);
        model.addAttribute("know", typed == null ? s.know() : typed[0]);
        model.addAttribute("how", typed == null ? s.how() : typed[1]);
        model.addAttribute("plans", typed == null ? s.plans() : typed[2]);
        model.addAttribute("themes", Theme.of(area));
        Map<String, String> themeTexts = new java.util.LinkedHashMap<>();
        for (Theme t : Theme.of(area)) {
            themeTexts.put(t.name(), typedThemes == null ? s.themeText(t) : typedThemes.getOrDefault(t.name(), ""));
        }
        model.addAttribute("themeTexts", themeTexts);
        model.addAttribute("themeChoices", Theme.of(area).stream().map(t -> new Choice(t.name(), messages.getMessage(t.messageKey(), null,
                java.util.Locale.UK))).toList());
        model.addAttribute("citations", selfEvaluations.citationStates(s, evidence));
        model.addAttribute("offered", evidence.values().stream().filter(e -> e.offeredFor(area) && !cited.contains(e.key())).toList());
        model.addAttribute("versions", selfEvaluations.versions(la.id(), year, area));
        model.addAttribute("problems", SelfEvaluations.check(se).stream().filter(p -> p.area() == area).toList());
        boolean manage = selfEvaluations.canManage(la.id());
        model.addAttribute("canManage", manage);
        model.addAttribute("people", manage ? selfEvaluations.people(la.id()).stream()
                .map(m -> new Choice(m.username(), m.displayName())).toList() : List.of());
        model.addAttribute("assignForm", new AssignForm(DateInput.of(s.dueDate())));
        errors.show(model, SECTION_FIELDS);
        return "selfeval/section";
    }

    /** Holds the assignment form's due date for the date-input fragment. */
    public record AssignForm(DateInput dueDate) {
        public DateInput getDueDate() {
            return dueDate;
        }
    }

    @PostMapping(BASE + "/{year}/sections/{area}")
    @LaEditor
    String save(@PathVariable int urn, @PathVariable int year, @PathVariable String area, @RequestParam(defaultValue = "-1") int version,
                @RequestParam(required = false) String know, @RequestParam(required = false) String how,
                @RequestParam(required = false) String plans, @RequestParam Map<String, String> params, Model model,
                HttpServletResponse response, RedirectAttributes redirect) {
        LocalAuthority la = selfEvaluations.localAuthority(urn);
        Area a = area(area);
        // The theme boxes are named theme-<CODE>; the page always sends all of the area's, so a blank one clears the theme.
        Map<String, String> themes = new java.util.LinkedHashMap<>();
        params.forEach((name, value) -> {
            if (name.startsWith("theme-")) {
                themes.put(name.substring("theme-".length()), value);
            }
        });
        try {
            selfEvaluations.save(la.id(), year, a, version, know, how, plans, themes.isEmpty() ? null : themes);
            redirect.addFlashAttribute("banner", "selfeval.saved");
            return "redirect:/local-authorities/" + urn + "/self-evaluations/" + year + "/sections/" + a.slug();
        } catch (InvalidInputException e) {
            response.setStatus(e instanceof EditConflictException ? HttpServletResponse.SC_CONFLICT : HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("conflict", e instanceof EditConflictException);
            return section(la, year, a, model, FormErrors.of(e), new String[] {know, how, plans}, themes);
        }
    }

    @PostMapping(BASE + "/{year}/sections/{area}/citations")
    @LaEditor
    String cite(@PathVariable int urn, @PathVariable int year, @PathVariable String area, @RequestParam(required = false) String evidenceKey,
                @RequestParam(required = false) String theme, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        LocalAuthority la = selfEvaluations.localAuthority(urn);
        Area a = area(area);
        try {
            selfEvaluations.cite(la.id(), year, a, evidenceKey, theme);
            redirect.addFlashAttribute("banner", "selfeval.cited");
            return "redirect:/local-authorities/" + urn + "/self-evaluations/" + year + "/sections/" + a.slug() + "#citations";
        } catch (InvalidInputException e) {
            response.setStatus(e instanceof EditConflictException ? HttpServletResponse.SC_CONFLICT : HttpServletResponse.SC_BAD_REQUEST);
            return section(la, year, a, model, FormErrors.of(e, f -> f.equals("theme") ? "evidenceKey" : f), null);
        }
    }

    @PostMapping(BASE + "/{year}/sections/{area}/citations/{citationId}/withdraw")
    @LaEditor
    String withdraw(@PathVariable int urn, @PathVariable int year, @PathVariable String area, @PathVariable UUID citationId,
                    RedirectAttributes redirect) {
        LocalAuthority la = selfEvaluations.localAuthority(urn);
        Area a = area(area);
        selfEvaluations.withdraw(la.id(), year, a, citationId);
        redirect.addFlashAttribute("banner", "selfeval.withdrawn");
        return "redirect:/local-authorities/" + urn + "/self-evaluations/" + year + "/sections/" + a.slug() + "#citations";
    }

    @PostMapping(BASE + "/{year}/sections/{area}/comments")
    @LaEditor
    String comment(@PathVariable int urn, @PathVariable int year, @PathVariable String area, @RequestParam(required = false) String comment,
                   Model model, HttpServletResponse response, RedirectAttributes redirect) {
        LocalAuthority la = selfEvaluations.localAuthority(urn);
        Area a = area(area);
        try {
            selfEvaluations.comment(la.id(), year, a, comment);
            redirect.addFlashAttribute("banner", "selfeval.commented");
            return "redirect:/local-authorities/" + urn + "/self-evaluations/" + year + "/sections/" + a.slug() + "#comments";
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return section(la, year, a, model, FormErrors.of(e), null);
        }
    }

    @PostMapping(BASE + "/{year}/sections/{area}/assign")
    @LaManager
    String assign(@PathVariable int urn, @PathVariable int year, @PathVariable String area, @RequestParam(required = false) String author,
                  @RequestParam(name = "dueDate.day", required = false) String day, @RequestParam(name = "dueDate.month", required = false) String month,
                  @RequestParam(name = "dueDate.year", required = false) String yearPart, Model model, HttpServletResponse response,
                  RedirectAttributes redirect) {
        LocalAuthority la = selfEvaluations.localAuthority(urn);
        Area a = area(area);
        FormErrors errors = FormErrors.none();
        DateInput input = new DateInput();
        input.setDay(day);
        input.setMonth(month);
        input.setYear(yearPart);
        LocalDate due = null;
        try {
            due = input.toDate("The due date");
        } catch (IllegalArgumentException e) {
            errors.add("dueDate-day", e.getMessage());
        }
        if (!errors.any()) {
            try {
                selfEvaluations.assign(la.id(), year, a, author, due);
                redirect.addFlashAttribute("banner", "selfeval.assigned");
                return "redirect:/local-authorities/" + urn + "/self-evaluations/" + year + "/sections/" + a.slug();
            } catch (InvalidInputException e) {
                errors.addAll(e, f -> f.equals("dueDate") ? "dueDate-day" : f);
            }
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return section(la, year, a, model, errors, null);
    }

    @GetMapping(BASE + "/{year}/sections/{area}/versions/{version}")
    @LaEditor
    String version(@PathVariable int urn, @PathVariable int year, @PathVariable String area, @PathVariable("version") String versionText, Model model) {
        // read as text so that the access rule is checked before a malformed number is (a 403, not a 404, for others)
        int version = versionText.matches("\\d{1,9}") ? Integer.parseInt(versionText) : -1;
        LocalAuthority la = selfEvaluations.localAuthority(urn);
        Area a = area(area);
        SelfEvaluation se = selfEvaluations.get(la.id(), year);
        List<Version> versions = selfEvaluations.versions(la.id(), year, a);
        Version v = versions.stream().filter(x -> x.version() == version).findFirst()
                .orElseThrow(() -> new NotFoundException("No version " + version + " of this section"));
        Version before = versions.stream().filter(x -> x.version() < version).findFirst().orElse(null);
        model.addAttribute("la", la);
        model.addAttribute("se", se);
        model.addAttribute("area", a);
        model.addAttribute("v", v);
        model.addAttribute("before", before);
        List<Diff> diffs = new java.util.ArrayList<>(List.of(
                new Diff("selfeval.q.know", TextDiff.diff(before == null ? "" : before.know(), v.know())),
                new Diff("selfeval.q.how", TextDiff.diff(before == null ? "" : before.how(), v.how())),
                new Diff("selfeval.q.plans", TextDiff.diff(before == null ? "" : before.plans(), v.plans()))));
        // Then each theme written in either version.
        for (Theme t : Theme.of(a)) {
            String was = before == null ? "" : before.themeText(t);
            if (!was.isBlank() || !v.themeText(t).isBlank()) {
                diffs.add(new Diff(t.messageKey(), TextDiff.diff(was, v.themeText(t))));
            }
        }
        model.addAttribute("diffs", diffs);
        return "selfeval/version";
    }

    /** One answer's differences. */
    public record Diff(String question, List<TextDiff.Part> parts) {
        public boolean changed() {
            return TextDiff.changed(parts);
        }
    }

    // ---- the engagement meeting ------------------------------------------------------------------------------------

    @GetMapping(BASE + "/{year}/meeting")
    @LaMember
    String meeting(@PathVariable int urn, @PathVariable int year, Model model) {
        LocalAuthority la = selfEvaluations.localAuthority(urn);
        return meeting(la, year, model, FormErrors.none(), null);
    }

    private String meeting(LocalAuthority la, int year, Model model, FormErrors errors, MeetingForm typed) {
        SelfEvaluation se = selfEvaluations.get(la.id(), year);
        var meeting = selfEvaluations.meeting(la.id(), year).orElse(null);
        boolean manage = selfEvaluations.canManage(la.id());
        model.addAttribute("la", la);
        model.addAttribute("se", se);
        model.addAttribute("meeting", meeting);
        model.addAttribute("canManage", manage);
        model.addAttribute("planChoices", manage ? selfEvaluations.planChoices(la.id()).stream()
                .map(p -> new Choice(p.id().toString(), p.title())).toList() : List.of());
        model.addAttribute("form", typed != null ? typed : meeting == null ? new MeetingForm(new DateInput(), "", "", "", "", "", null)
                : new MeetingForm(DateInput.of(meeting.date()), meeting.attendees(), meeting.kloes(), meeting.notes(), meeting.nextSteps(), "",
                        meeting.version()));
        errors.show(model, List.of("date-day", "attendees", "kloes", "notes", "nextSteps", "actions", "version", "planId"));
        return "selfeval/meeting";
    }

    /** The meeting form as typed. */
    public record MeetingForm(DateInput date, String attendees, String kloes, String notes, String nextSteps, String actions, Integer version) {
        public DateInput getDate() {
            return date;
        }
    }

    @PostMapping(BASE + "/{year}/meeting")
    @LaManager
    String saveMeeting(@PathVariable int urn, @PathVariable int year, @RequestParam(name = "date.day", required = false) String day,
                       @RequestParam(name = "date.month", required = false) String month, @RequestParam(name = "date.year", required = false) String yearPart,
                       @RequestParam(required = false) String attendees, @RequestParam(required = false) String kloes,
                       @RequestParam(required = false) String notes, @RequestParam(required = false) String nextSteps,
                       @RequestParam(required = false) String actions, @RequestParam(required = false) Integer version, Model model,
                       HttpServletResponse response, RedirectAttributes redirect) {
        LocalAuthority la = selfEvaluations.localAuthority(urn);
        DateInput input = new DateInput();
        input.setDay(day);
        input.setMonth(month);
        input.setYear(yearPart);
        MeetingForm typed = new MeetingForm(input, attendees, kloes, notes, nextSteps, actions, version);
        FormErrors errors = FormErrors.none();
        LocalDate date = null;
        try {
            date = input.toDate("The date of the meeting");
        } catch (IllegalArgumentException e) {
            errors.add("date-day", e.getMessage());
        }
        if (!errors.any()) {
            try {
                List<String> newActions = actions == null ? List.of() : Arrays.stream(actions.split("\\R")).filter(s -> !s.isBlank()).toList();
                selfEvaluations.saveMeeting(la.id(), year, new SelfEvaluations.MeetingInput(date, attendees, kloes, notes, nextSteps, newActions, version));
                redirect.addFlashAttribute("banner", "selfeval.meeting.saved");
                return "redirect:/local-authorities/" + urn + "/self-evaluations/" + year + "/meeting";
            } catch (InvalidInputException e) {
                errors.addAll(e, f -> f.equals("date") ? "date-day" : f);
            }
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return meeting(la, year, model, errors, typed);
    }

    @PostMapping(BASE + "/{year}/meeting/actions/{actionId}/plan")
    @LaManager
    String actionToPlan(@PathVariable int urn, @PathVariable int year, @PathVariable UUID actionId, @RequestParam(required = false) String planId,
                        Model model, HttpServletResponse response, RedirectAttributes redirect) {
        LocalAuthority la = selfEvaluations.localAuthority(urn);
        try {
            UUID plan = planId == null || planId.isBlank() ? null : UUID.fromString(planId);
            selfEvaluations.actionToPlan(la.id(), year, actionId, plan);
            redirect.addFlashAttribute("banner", "selfeval.meeting.planned");
            return "redirect:/local-authorities/" + urn + "/self-evaluations/" + year + "/meeting";
        } catch (IllegalArgumentException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return meeting(la, year, model, FormErrors.one("planId", ProblemText.of("selfeval.error.action.plan")), null);
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return meeting(la, year, model, FormErrors.of(e), null);
        }
    }

    // ---- documents -------------------------------------------------------------------------------------------------

    /**
     * The self-evaluation as HTML, PDF or DOCX: for the LA's own users (councillors once signed off), or for the Ofsted
     * inspector it is shared with (logged). Anyone else is refused.
     */
    @GetMapping(BASE + "/{year}/self-evaluation.{format}")
    @SignedIn
    ResponseEntity<byte[]> document(@PathVariable int urn, @PathVariable int year, @PathVariable String format) throws IOException {
        if (!List.of("html", "pdf", "docx").contains(format)) {
            throw new NotFoundException("No self-evaluation document of format '" + format + "'; use html, pdf or docx");
        }
        SelfEvaluation se = selfEvaluations.isInspector() ? selfEvaluations.readShared(urn, year, format.toUpperCase(java.util.Locale.UK))
                : selfEvaluations.get(selfEvaluations.localAuthority(urn).id(), year);
        String name = "self-evaluation-" + se.laUrn() + "-" + year + "." + format;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MediaType type;
        switch (format) {
            case "pdf" -> {
                SelfEvaluationPdf.write(se, out);
                type = MediaType.APPLICATION_PDF;
            }
            case "docx" -> {
                SelfEvaluationDocx.write(se, out);
                type = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
            }
            default -> {
                out.write(SelfEvaluationHtml.render(se).getBytes(StandardCharsets.UTF_8));
                type = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);
            }
        }
        ContentDisposition disposition = "html".equals(format) ? ContentDisposition.inline().filename(name).build()
                : ContentDisposition.attachment().filename(name).build();
        return ResponseEntity.ok().contentType(type).header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store").body(out.toByteArray());
    }

    private static Area area(String slug) {
        return Area.fromSlug(slug).orElseThrow(() -> new NotFoundException("No judgement area '" + slug + "'; use "
                + String.join(", ", Arrays.stream(Area.values()).map(Area::slug).toList())));
    }
}
