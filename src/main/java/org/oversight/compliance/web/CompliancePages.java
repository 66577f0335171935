package org.oversight.compliance.web;

import org.oversight.access.AccessRules.LaEditor;
import org.oversight.compliance.ComplianceService;
import org.oversight.inspection.InspectionService;
import org.oversight.register.LocalAuthority;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** An LA's timescale compliance from its current child-level data, and each child's record (every view logged). */
@Controller
@LaEditor
class CompliancePages {

    private final ComplianceService compliance;
    private final InspectionService inspections;
    private final org.oversight.compliance.AnnexA annexA;

    CompliancePages(ComplianceService compliance, InspectionService inspections, org.oversight.compliance.AnnexA annexA) {
        this.compliance = compliance;
        this.inspections = inspections;
        this.annexA = annexA;
    }

    @GetMapping("/local-authorities/{urn}/compliance")
    String dashboard(@PathVariable int urn, Model model) {
        LocalAuthority la = inspections.localAuthority(urn);
        model.addAttribute("la", la);
        model.addAttribute("dashboard", compliance.dashboard(la.id()).orElse(null));
        model.addAttribute("reviewRule", compliance.rules().get("CLA-REVIEW"));
        model.addAttribute("trend", compliance.trend(la.id()));
        return "compliance/dashboard";
    }

    @GetMapping("/compliance/national")
    @org.oversight.access.AccessRules.National
    String national(Model model) {
        var figures = compliance.national();
        model.addAttribute("figures", figures);
        java.util.Map<String, long[]> regions = new java.util.TreeMap<>();
        long[] england = new long[4];
        for (var f : figures) {
            long[] r = regions.computeIfAbsent(f.region(), k -> new long[4]);
            for (long[] t : new long[][] {r, england}) {
                t[0] += f.childrenInCare();
                t[1] += f.reviewsCompliant();
                t[2] += f.careLeavers();
                t[3] += f.careLeaversInTouch();
            }
        }
        model.addAttribute("regions", regions);
        model.addAttribute("england", england);
        return "compliance/national";
    }

    @GetMapping("/local-authorities/{urn}/compliance.csv")
    void csv(@PathVariable int urn, jakarta.servlet.http.HttpServletResponse response) throws java.io.IOException {
        LocalAuthority la = inspections.localAuthority(urn);
        var dashboard = compliance.dashboard(la.id()).orElseThrow(() -> new org.oversight.shared.web.NotFoundException("No child-level data has been imported"));
        compliance.logExport(la.id(), "compliance CSV export");
        org.oversight.shared.web.CsvResponse.write(response, "compliance-" + la.laCode() + ".csv", java.util.List.of("child", "age",
                "looked_after_from", "next_review_due", "days_overdue", "late_reviews", "every_review_on_time"), csv -> {
            for (var r : dashboard.reviews()) {
                csv.printRecord(r.childRef(), r.age(), org.oversight.shared.Dates.format(r.lookedAfterFrom()),
                        org.oversight.shared.Dates.format(r.compliance().nextDue()), r.compliance().overdueDays(), r.compliance().lateEvents(),
                        r.compliance().compliant() ? "yes" : "no");
            }
        });
    }

    @GetMapping("/local-authorities/{urn}/annex-a.xlsx")
    org.springframework.http.ResponseEntity<byte[]> annexA(@PathVariable int urn) {
        LocalAuthority la = inspections.localAuthority(urn);
        return org.springframework.http.ResponseEntity.ok()
                .contentType(org.springframework.http.MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"annex-a-lists-8-9-" + la.laCode() + ".xlsx\"")
                .body(annexA.lists8And9(la.id()));
    }

    @GetMapping("/local-authorities/{urn}/children/{childRef}")
    String child(@PathVariable int urn, @PathVariable String childRef, Model model) {
        LocalAuthority la = inspections.localAuthority(urn);
        model.addAttribute("la", la);
        model.addAttribute("child", compliance.child(la.id(), childRef));
        return "compliance/child";
    }
}
