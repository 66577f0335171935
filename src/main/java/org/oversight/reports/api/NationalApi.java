package org.oversight.reports.api;

import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.oversight.access.AccessRules.PublicRead;
import org.oversight.inspection.SingleRecordService.RegisterRow;
import org.oversight.inspection.domain.Grade;
import org.oversight.inspection.domain.JudgementArea;
import org.oversight.reports.NationalPicture;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The national picture as JSON. */
@RestController
@RequestMapping("/api/v1/national")
@Tag(name = "National picture", description = "Latest published judgements of every LA, and grades by region")
@PublicRead
class NationalApi {

    private final NationalPicture national;

    NationalApi(NationalPicture national) {
        this.national = national;
    }

    record LatestJson(int urn, String laCode, String name, String region, String inspectionType, LocalDate startDate,
                      Grade overall, Grade leaders, Grade helpAndProtection, Grade inCare, Grade careLeavers) {
        static LatestJson of(RegisterRow r) {
            return new LatestJson(r.la().urn(), r.la().laCode(), r.la().name(), r.la().regionName(),
                    r.latest() == null ? null : r.latest().type().name(), r.latest() == null ? null : r.latest().startDate(),
                    r.grade(JudgementArea.OVERALL), r.grade(JudgementArea.LEADERS), r.grade(JudgementArea.HELP_AND_PROTECTION),
                    r.grade(JudgementArea.IN_CARE), r.grade(JudgementArea.CARE_LEAVERS));
        }
    }

    record RegionJson(String code, String name, int outstanding, int good, int requiresImprovement, int inadequate,
                      int noOverallGrade, int total) {
    }

    @GetMapping("/latest-judgements")
    @Operation(summary = "Every LA's latest published judgements, filtered by region, overall grade, inspection type and year")
    List<LatestJson> latest(@RequestParam(name = "region", required = false) String region,
                            @RequestParam(name = "judgement", required = false) String judgement,
                            @RequestParam(name = "type", required = false) String type,
                            @RequestParam(name = "year", required = false) Integer year) {
        return national.rows(new NationalPicture.Filter(region, judgement, type, year)).stream().map(LatestJson::of).toList();
    }

    @GetMapping("/grades-by-region")
    @Operation(summary = "Counts of latest overall grades in each region (with the same filters)")
    List<RegionJson> byRegion(@RequestParam(name = "region", required = false) String region,
                              @RequestParam(name = "judgement", required = false) String judgement,
                              @RequestParam(name = "type", required = false) String type,
                              @RequestParam(name = "year", required = false) Integer year) {
        return national.byRegion(national.rows(new NationalPicture.Filter(region, judgement, type, year))).stream()
                .map(c -> new RegionJson(c.code(), c.name(), c.count(Grade.OUTSTANDING), c.count(Grade.GOOD),
                        c.count(Grade.REQUIRES_IMPROVEMENT), c.count(Grade.INADEQUATE), c.noOverall(), c.total())).toList();
    }
}
