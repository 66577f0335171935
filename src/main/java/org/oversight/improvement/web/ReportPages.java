package org.oversight.improvement.web;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.oversight.access.AccessRules.LaManager;
import org.oversight.access.AccessRules.LaMember;
import org.oversight.improvement.CommitteeReports;
import org.oversight.improvement.PlanService;
import org.oversight.improvement.ReportDraft;
import org.oversight.improvement.domain.PlanView;
import org.oversight.shared.Dates;
import org.oversight.shared.problem.InvalidInputException;
import org.oversight.shared.problem.ProblemText;
import org.oversight.shared.web.Choice;
import org.oversight.shared.web.DateInput;
import org.oversight.shared.web.Downloads;
import org.oversight.shared.web.FormErrors;
import org.oversight.shared.web.NonInteractive;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.HtmlUtils;

/**
 * The committee report of a plan: the drafted text to edit, with the committee meetings it goes to picked from the LA's
 * governance (a meeting not there yet can be added from the editor) and the officers consulted as rows of fields (one
 * more row with "Add another officer", no JavaScript needed); a preview of the report as generated, not saved; every
 * generated version; and the written statement.
 */
@Controller
class ReportPages {

    /** Empty officer rows the editor shows at least (filled rows plus one, and never fewer than this). */
    static final int MIN_ROWS = 3;
    /** The most officer rows the editor shows ("Add another officer" stops there). */
    static final int MAX_ROWS = 30;
    private static final String PREVIEW = "committee-report-preview:";

    private final CommitteeReports reports;
    private final PlanService plans;
    private final MessageSource messages;
    private final java.time.Clock clock;

    ReportPages(CommitteeReports reports, PlanService plans, MessageSource messages, java.time.Clock clock) {
        this.reports = reports;
        this.plans = plans;
        this.messages = messages;
        this.clock = clock;
    }

    /** The text fields and sections of the form in page order (the template lays them out so; the error summary follows it). */
    static final List<String> FIELDS = List.of("committees", "subject", "classification", "reportOf", "reportAuthor", "purpose", "summary",
            "recommendations", "background", "conclusion", "appendices", "leadOfficer", "version", "keyDecision", "consultations", "authorName",
            "authorTitle", "authorPhone", "authorEmail");

    /** The editor's fields that are not the draft's text: the officers' rows and a meeting to add to governance. */
    public static class EditorForm {
        private List<Row> rows = new ArrayList<>();
        private UUID newMeetingBody;
        private DateInput newMeetingDate = new DateInput();

        public List<Row> getRows() {
            return rows;
        }

        public void setRows(List<Row> rows) {
            this.rows = rows;
        }

        public UUID getNewMeetingBody() {
            return newMeetingBody;
        }

        public void setNewMeetingBody(UUID newMeetingBody) {
            this.newMeetingBody = newMeetingBody;
        }

        public DateInput getNewMeetingDate() {
            return newMeetingDate;
        }

        public void setNewMeetingDate(DateInput newMeetingDate) {
            this.newMeetingDate = newMeetingDate;
        }
    }

    /** One officer consulted as the editor shows it: name, role, and the date in the three boxes of a GOV.UK date input. */
    public static class Row {
        private String name;
        private String role;
        private DateInput date = new DateInput();

        static Row of(ReportDraft.Consultee c) {
            Row row = new Row();
            row.name = c.name();
            row.role = c.role();
            row.date = c.day() != null ? DateInput.of(c.day()) : new DateInput();
            return row;
        }

        boolean blank() {
            return (name == null || name.isBlank()) && (role == null || role.isBlank()) && date.blank();
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public String getRole() {
            return role;
        }

        public void setRole(String role) {
            this.role = role;
        }

        public DateInput getDate() {
            return date;
        }

        public void setDate(DateInput date) {
            this.date = date;
        }
    }

    @GetMapping("/plans/{id}/committee-report")
    @LaManager
    String draft(@PathVariable UUID id, @RequestParam(required = false) String restore, Model model, HttpSession session) {
        if (!model.containsAttribute("draft")) {
            Object previewed = restore == null || session == null ? null : session.getAttribute(PREVIEW + id);
            ReportDraft draft = previewed instanceof ReportDraft d ? d : reports.draft(id);
            model.addAttribute("draft", draft);
            List<Row> rows = new ArrayList<>(draft.consultees().stream().filter(c -> !c.blank()).map(Row::of).toList());
            while (rows.size() < Math.max(MIN_ROWS, draft.consulted().size() + 1)) {
                rows.add(new Row());
            }
            EditorForm form = new EditorForm();
            form.setRows(rows);
            model.addAttribute("form", form);
        }
        return editor(id, model);
    }

    private String editor(UUID id, Model model) {
        PlanView plan = plans.plan(id);
        ReportDraft draft = (ReportDraft) model.getAttribute("draft");
        EditorForm form = (EditorForm) model.getAttribute("form");
        model.addAttribute("plan", plan);
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", FormErrors.none());
        }
        List<String> order = new ArrayList<>();
        for (String f : FIELDS) {
            switch (f) {
                case "committees" -> order.addAll(List.of("meetings", "newMeetingBody", "newMeetingDate-day"));
                case "consultations" -> {
                    for (int n = 1; n <= form.getRows().size(); n++) {
                        order.addAll(List.of("consultee-" + n + "-name", "consultee-" + n + "-role", "consultee-" + n + "-date-day"));
                    }
                }
                default -> order.add(f);
            }
        }
        FormErrors.in(model).show(model, order);
        // The LA's meetings from today, and any picked before, as checkboxes in date order: "Committee, 6 April 2020".
        LocalDate today = LocalDate.now(clock);
        List<PlanView.Body> governance = reports.governance(id);
        record Meeting(String key, String name, LocalDate date) {
        }
        List<Meeting> meetings = new ArrayList<>();
        governance.forEach(b -> b.meetings().forEach(d -> {
            String key = ReportDraft.meetingKey(b.id(), d);
            if (!d.isBefore(today) || draft.meetings().contains(key)) {
                meetings.add(new Meeting(key, b.name(), d));
            }
        }));
        meetings.sort(java.util.Comparator.comparing(Meeting::date).thenComparing(Meeting::name));
        model.addAttribute("meetingChoices", meetings.stream().map(m -> new Choice(m.key(), m.name() + ", " + Dates.day(m.date()),
                m.date().isBefore(today) ? messages.getMessage("report.meeting.past", null, Locale.UK) : null,
                m.key().replace('/', '-'))).toList());
        model.addAttribute("otherChoices", draft.otherCommittees().stream().map(line -> new Choice(line, line)).toList());
        model.addAttribute("bodyChoices", governance.stream().map(b -> new Choice(b.id().toString(), b.name())).toList());
        model.addAttribute("classifications", ReportDraft.CLASSIFICATIONS.stream().map(c -> new Choice(c, c, null)).toList());
        model.addAttribute("keyDecisions", ReportDraft.KEY_DECISION.stream().map(c -> new Choice(c, c, null)).toList());
        model.addAttribute("versions", reports.versions(id));
        model.addAttribute("maxRows", MAX_ROWS);
        var hp = reports.helpAndProtection(id).orElse(null);
        model.addAttribute("hp", hp);
        model.addAttribute("hpChoices", List.of(new Choice("true",
                messages.getMessage("report.hp.include", null, Locale.UK),
                messages.getMessage(hp == null ? "report.hp.noData" : "report.hp.hint", null, Locale.UK), "yes")));
        return "plans/committee-report";
    }

    @PostMapping("/plans/{id}/committee-report")
    @NonInteractive(NonInteractive.Kind.REPORT)
    @LaManager
    String generate(@PathVariable UUID id, ReportDraft draft, @ModelAttribute("form") EditorForm form, Model model, RedirectAttributes redirect,
                    HttpServletResponse response, jakarta.servlet.http.HttpServletRequest request) {
        FormErrors errors = FormErrors.none();
        ReportDraft edited = validated(id, ticked(draft, request), form, errors);
        if (!errors.any()) {
            try {
                reports.generate(id, edited);
                redirect.addFlashAttribute("banner", "report.generated");
                return "redirect:/plans/" + id + "/committee-report#versions";
            } catch (InvalidInputException e) {
                errors.addAll(e, ReportPages::fieldId);
            }
        }
        return refused(id, edited, form, errors, model, response);
    }

    /**
     * The report as the committee will read it: the same HTML page the generator writes (its stylesheet linked, no
     * inline style or script, so under the content security policy), with a notice that it is a preview and a link back
     * to the editor with the text as typed (kept in the session). No version is stored.
     */
    @PostMapping("/plans/{id}/committee-report/preview")
    @NonInteractive(NonInteractive.Kind.REPORT)
    @LaManager
    Object preview(@PathVariable UUID id, ReportDraft draft, @ModelAttribute("form") EditorForm form, Model model, HttpServletResponse response,
                   HttpSession session, jakarta.servlet.http.HttpServletRequest request) {
        FormErrors errors = FormErrors.none();
        ReportDraft edited = validated(id, ticked(draft, request), form, errors);
        if (!errors.any()) {
            try {
                String html = reports.preview(id, edited);
                session.setAttribute(PREVIEW + id, edited);
                return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/html;charset=UTF-8"))
                        .header(HttpHeaders.CACHE_CONTROL, "no-store").body(withPreviewNotice(html, id).getBytes(StandardCharsets.UTF_8));
            } catch (InvalidInputException e) {
                errors.addAll(e, ReportPages::fieldId);
            }
        }
        return refused(id, edited, form, errors, model, response);
    }

    /** The editor shown again with what was typed, after "Add another officer" or "Add the meeting" (which adds it to governance and picks it). */
    @PostMapping("/plans/{id}/committee-report/edit")
    @LaManager
    String edit(@PathVariable UUID id, ReportDraft draft, @ModelAttribute("form") EditorForm form, @RequestParam(required = false) String action,
                Model model, HttpServletResponse response, jakarta.servlet.http.HttpServletRequest request) {
        FormErrors ignored = FormErrors.none();
        ReportDraft edited = ticked(draft, request).withConsultees(consultees(form, ignored));
        if ("add-officer".equals(action) && form.getRows().size() < MAX_ROWS) {
            form.getRows().add(new Row());
        } else if ("add-meeting".equals(action)) {
            FormErrors errors = FormErrors.none();
            LocalDate date = null;
            try {
                date = form.getNewMeetingDate().toDate(messages.getMessage("governance.meetingDate", null, Locale.UK));
                if (date == null) {
                    errors.add("newMeetingDate-day", ProblemText.of("improvement.error.meetingDate"));
                }
            } catch (IllegalArgumentException e) {
                errors.add("newMeetingDate-day", e.getMessage());
            }
            if (form.getNewMeetingBody() == null) {
                errors.add("newMeetingBody", ProblemText.of("improvement.error.bodyId"));
            }
            if (errors.any()) {
                return refused(id, edited, form, errors, model, response);
            }
            PlanView plan = plans.plan(id);
            plans.addMeeting(plan.laId(), form.getNewMeetingBody(), date);
            edited = edited.withMeeting(ReportDraft.meetingKey(form.getNewMeetingBody(), date));
            form.setNewMeetingBody(null);
            form.setNewMeetingDate(new DateInput());
            model.addAttribute("banner", "governance.meeting.added");
        }
        model.addAttribute("draft", edited);
        return editor(id, model);
    }

    /**
     * The draft with the ticked checkboxes as sent, one value each (binding a single value to a list would split a kept
     * line such as "Children, Young People and Education Committee | 01/01/2020" at its commas).
     */
    static ReportDraft ticked(ReportDraft draft, jakarta.servlet.http.HttpServletRequest request) {
        String[] meetings = request.getParameterValues("meetings");
        String[] other = request.getParameterValues("otherCommittees");
        return draft.withCommittees(meetings == null ? List.of() : List.of(meetings), other == null ? List.of() : List.of(other));
    }

    /**
     * The draft with the officers of the editor's rows; a row's date that is not a date is its error, and then every other
     * problem of the draft is found too, so the page names them all at once.
     */
    private ReportDraft validated(UUID id, ReportDraft draft, EditorForm form, FormErrors errors) {
        ReportDraft edited = draft.withConsultees(consultees(form, errors));
        if (errors.any()) {
            reports.problems(id, edited).forEach(p -> errors.add(fieldId(p.field()), p.message()));
        }
        return edited;
    }

    private String refused(UUID id, ReportDraft draft, EditorForm form, FormErrors errors, Model model, HttpServletResponse response) {
        model.addAttribute("draft", draft);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return editor(id, model);
    }

    /** The officers consulted from the editor's rows (row for row), each date read from its three boxes; a date that is not one is an error of its row. */
    static List<ReportDraft.Consultee> consultees(EditorForm form, FormErrors errors) {
        List<ReportDraft.Consultee> out = new ArrayList<>();
        for (int i = 0; i < form.getRows().size(); i++) {
            Row row = form.getRows().get(i) == null ? new Row() : form.getRows().get(i);
            String date = null;
            try {
                LocalDate d = row.getDate().toDate("The date officer " + (i + 1) + " was consulted");
                date = d == null ? null : d.toString();
            } catch (IllegalArgumentException e) {
                errors.add("consultee-" + (i + 1) + "-date-day", e.getMessage());
            }
            out.add(new ReportDraft.Consultee(row.getName(), row.getRole(), date));
        }
        return out;
    }

    /** The page's id for a field of the draft: {@code consultees[1].date} is the day box of officer 2's date. */
    static String fieldId(String field) {
        var m = java.util.regex.Pattern.compile("consultees\\[(\\d+)]\\.(\\w+)").matcher(field);
        if (m.matches()) {
            int n = Integer.parseInt(m.group(1)) + 1;
            return "consultee-" + n + "-" + m.group(2) + (m.group(2).equals("date") ? "-day" : "");
        }
        return field;
    }

    /** The generated page with a notice at its top that it is a preview, and the way back to the editor. */
    static String withPreviewNotice(String html, UUID planId) {
        String notice = "<nav class=\"report-preview\" aria-label=\"Preview\">\n<p><strong>Preview: this report is not saved.</strong> "
                + "<a href=\"/plans/" + planId + "/committee-report?restore=preview#report-form\" id=\"back-to-editor\">"
                + HtmlUtils.htmlEscape("Back to the editor (what you typed is kept)") + "</a></p>\n</nav>\n";
        int body = html.indexOf("<body>");
        if (body < 0) {
            throw new IllegalStateException("the generated report has no <body>");
        }
        int at = body + "<body>".length() + 1;
        return html.substring(0, at) + notice + html.substring(at);
    }

    @GetMapping("/committee-reports/{reportId}.{format:docx|pdf|html}")
    @NonInteractive(NonInteractive.Kind.REPORT)
    @LaMember
    ResponseEntity<byte[]> file(@PathVariable UUID reportId, @PathVariable String format) {
        return download(reports.file(reportId, format), format.equals("html"));
    }

    @GetMapping("/plans/{id}/written-statement.{format:docx|pdf}")
    @NonInteractive(NonInteractive.Kind.REPORT)
    @LaMember
    ResponseEntity<byte[]> statement(@PathVariable UUID id, @PathVariable String format) {
        return download(reports.writtenStatement(id, format), false);
    }

    private static ResponseEntity<byte[]> download(CommitteeReports.Generated file, boolean inline) {
        String disposition = inline ? Downloads.inline(file.fileName()) : Downloads.attachment(file.fileName());
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(file.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition).body(file.content());
    }

}
