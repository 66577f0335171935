package org.oversight.childdata.api;

import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.oversight.access.AccessRules.ChildDataReader;
import org.oversight.childdata.DayOnePack;
import org.oversight.childdata.web.DayOnePages;
import org.oversight.inspection.InspectionService;
import org.oversight.inspection.domain.InspectionActivity;
import org.oversight.register.LocalAuthorities;
import org.oversight.register.LocalAuthority;
import org.oversight.shared.problem.NotFoundException;
import org.oversight.shared.web.NonInteractive;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The day-one inspection pack (Annex A lists 1 to 11 as of the notification date) as an Excel workbook. */
@RestController
@RequestMapping("/api/v1/local-authorities/{urn}")
@Tag(name = "Child-level data and compliance", description = "SSDA903 imports and statutory timescale compliance (LA-internal)")
@ChildDataReader
class DayOneApi {

    private final InspectionService inspections;
    private final DayOnePack pack;
    private final LocalAuthorities localAuthorities;

    DayOneApi(InspectionService inspections, DayOnePack pack, LocalAuthorities localAuthorities) {
        this.inspections = inspections;
        this.pack = pack;
        this.localAuthorities = localAuthorities;
    }

    @GetMapping(value = "/inspections/{id}/day-one-pack",
            produces = {"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "application/problem+json"})
    @NonInteractive(NonInteractive.Kind.EXPORT)
    @Operation(summary = "The day-one pack of a standard or short inspection: Ofsted's Annex A lists 1 to 11 as of the notification date, with "
            + "a read-me and a validation sheet (rows, source snapshot and date, blank cells per list), as .xlsx. For the LA's managers and an "
            + "inspector with a grant in force for the LA (403 otherwise); 404 when the activity is not this LA's, is not a standard or short "
            + "inspection, or has no notification date yet. Each download is written to the LA's access log with the purpose 'inspection'.")
    ResponseEntity<byte[]> dayOnePack(@PathVariable int urn, @PathVariable UUID id) {
        LocalAuthority la = localAuthorities.get(urn);
        InspectionActivity a = DayOnePages.activity(inspections, pack, id);
        if (!a.laId().equals(la.id())) {
            throw new NotFoundException(la.name() + " has no inspection activity with the id " + id);
        }
        return DayOnePages.xlsx(a, la, pack);
    }
}
