package org.oversight.compliance.api;

import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.oversight.access.AccessRules.ChildDataReader;
import org.oversight.access.AccessRules.LaEditor;
import org.oversight.access.CurrentUser;
import org.oversight.access.Purpose;
import org.oversight.compliance.ComplianceService;
import org.oversight.compliance.protection.HelpAndProtection;
import org.oversight.register.LocalAuthorities;
import org.oversight.register.LocalAuthority;
import org.oversight.shared.problem.FieldProblem;
import org.oversight.shared.problem.InvalidInputException;
import org.oversight.shared.problem.NotFoundException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

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
    private final LocalAuthorities localAuthorities;
    private final CurrentUser currentUser;

    private final HelpAndProtection protection;

    ComplianceApi(ComplianceService compliance, LocalAuthorities localAuthorities, CurrentUser currentUser, HelpAndProtection protection) {
        this.protection = protection;
        this.compliance = compliance;
        this.localAuthorities = localAuthorities;
        this.currentUser = currentUser;
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
    @org.oversight.shared.web.NonInteractive(org.oversight.shared.web.NonInteractive.Kind.EXPORT)
    @ChildDataReader
    @Operation(summary = "Every child's compliance with each statutory timescale, by rule and by team, from the LA's current "
            + "SSDA903 and Annex A snapshots (the read is logged)")
    DashboardJson dashboard(@PathVariable int urn) {
        LocalAuthority la = localAuthorities.get(urn);
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
        LocalAuthority la = localAuthorities.get(urn);
        compliance.checkReadable(la.id());
        Purpose why = Purpose.parse(purpose);
        if (why == null) {
            throw new InvalidInputException(List.of(FieldProblem.of("purpose", "compliance.error.purpose", String.valueOf(java.util.Arrays.toString(Purpose.values())))));
        }
        var c = compliance.child(la.id(), childRef, why);
        List<DueJson> history = c.rules().values().stream().flatMap(r -> r.history().stream()
                .map(h -> new DueJson(r.ruleId(), h.due(), h.reason(), h.done(), h.daysLate()))).toList();
        return new ChildHistoryJson(ChildJson.of(c), history);
    }

    /** One event of the child's journey: its date, what happened in words, and the import it comes from. */
    record JourneyEventJson(LocalDate date, String what, String source) {
    }

    /** The child's journey from both stores, oldest first, and which part of it is held. */
    record JourneyJson(String child, boolean helpAndProtectionHeld, boolean lookedAfterHeld, List<JourneyEventJson> events) {
    }

    @GetMapping("/children/{childRef}/journey")
    @ChildDataReader
    @Operation(summary = "One child's journey from the first contact to leaving care, oldest first: every dated event of the child in the "
            + "help-and-protection data (SSD store) and the SSDA903 return, each with where it comes from; a part the data does not hold is "
            + "said so (helpAndProtectionHeld, lookedAfterHeld). purpose (DIRECT_WORK, MANAGEMENT_OVERSIGHT, CASE_AUDIT, COMPLAINT_OR_REQUEST, "
            + "DATA_QUALITY, INSPECTION) is required and logged with the read; 404 when neither store holds the child")
    JourneyJson journey(@PathVariable int urn, @PathVariable String childRef, @RequestParam(required = false) String purpose) {
        LocalAuthority la = localAuthorities.get(urn);
        protection.checkReadable(la.id());
        Purpose why = Purpose.parse(purpose);
        if (why == null) {
            throw new InvalidInputException(List.of(FieldProblem.of("purpose", "compliance.error.purpose", String.valueOf(java.util.Arrays.toString(Purpose.values())))));
        }
        var c = protection.chronology(la.id(), childRef, why);
        return new JourneyJson(c.child(), c.helpHeld(), c.careHeld(),
                c.lines().stream().map(l -> new JourneyEventJson(l.date(), l.what(), l.source())).toList());
    }
}
