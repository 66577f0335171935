package org.oversight.compliance.api;

import java.io.IOException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.oversight.access.AccessRules.LaEditor;
import org.oversight.childdata.ChildDataImporter;
import org.oversight.compliance.ComplianceService;
import org.oversight.inspection.InspectionService;
import org.oversight.register.LocalAuthority;
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

/** Child-level data and compliance as JSON, for the LA's own managers and staff (every read logged). */
@RestController
@RequestMapping("/api/v1/local-authorities/{urn}")
@Tag(name = "Child-level data and compliance", description = "SSDA903 imports and statutory timescale compliance (LA-internal)")
@LaEditor
class ComplianceApi {

    private final ComplianceService compliance;
    private final ChildDataImporter importer;
    private final InspectionService inspections;

    ComplianceApi(ComplianceService compliance, ChildDataImporter importer, InspectionService inspections) {
        this.compliance = compliance;
        this.importer = importer;
        this.inspections = inspections;
    }

    record ChildJson(String child, int age, LocalDate lookedAfterFrom, LocalDate nextReviewDue, long daysOverdue, long lateReviews,
                     boolean everyReviewOnTime) {
    }

    record DashboardJson(String collectionYear, LocalDate asOf, int childrenInCare, long reviewsCompliant, long reviewsOverdue,
                         int careLeavers, long careLeaversInTouch, List<ChildJson> children) {
    }

    @GetMapping("/compliance")
    @Operation(summary = "Review and keeping-in-touch compliance from the LA's current SSDA903 snapshot")
    DashboardJson dashboard(@PathVariable int urn) {
        LocalAuthority la = inspections.localAuthority(urn);
        var d = compliance.dashboard(la.id()).orElseThrow(() -> new NotFoundException("No child-level data has been imported for " + la.name()));
        compliance.logExport(la.id(), "compliance API read");
        return new DashboardJson(d.snapshot().collectionYear(), d.snapshot().asOf(), d.reviews().size(), d.reviewsCompliant(),
                d.reviewsOverdue(), d.careLeavers().size(), d.careLeaversInTouch(), d.reviews().stream().map(r -> new ChildJson(r.childRef(),
                        r.age(), r.lookedAfterFrom(), r.compliance().nextDue(), r.compliance().overdueDays(), r.compliance().lateEvents(),
                        r.compliance().compliant())).toList());
    }

    @PostMapping(value = "/ssda903", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Import SSDA903 CSV tables as a new snapshot; 400 with every error (file, row, column, value, rule) when nothing is stored")
    ResponseEntity<ChildDataImporter.Outcome> importReturn(@PathVariable int urn, @RequestParam int year,
                                                           @RequestParam(defaultValue = "reject") String mode,
                                                           @RequestPart("files") List<MultipartFile> files) throws IOException {
        Map<String, byte[]> contents = new LinkedHashMap<>();
        for (MultipartFile f : files) {
            contents.put(f.getOriginalFilename(), f.getBytes());
        }
        ChildDataImporter.Outcome outcome = importer.importReturn(urn, year, contents,
                "accept".equals(mode) ? ChildDataImporter.Mode.ACCEPT_GOOD_ROWS : ChildDataImporter.Mode.REJECT_IF_ANY_ERROR, false);
        return ResponseEntity.status(outcome.stored() ? HttpStatus.CREATED : HttpStatus.BAD_REQUEST).body(outcome);
    }
}
