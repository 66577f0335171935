package org.oversight.reports.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.oversight.access.AccessRules.PublicRead;
import org.oversight.inspection.GradeCells;
import org.oversight.inspection.SingleRecordService.RegisterRow;
import org.oversight.inspection.domain.ActivityType;
import org.oversight.inspection.domain.Grade;
import org.oversight.inspection.domain.JudgementArea;
import org.oversight.register.Region;
import org.oversight.reports.NationalPicture;
import org.oversight.shared.Dates;
import org.oversight.shared.web.RenderedParts;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The national picture: latest judgements of every LA, a chart of grades by region with the same data as a table, CSV. */
@Controller
@PublicRead
class NationalPages {

    private final NationalPicture national;
    private final GradeCells gradeCells;
    private final RenderedParts parts;

    NationalPages(NationalPicture national, GradeCells gradeCells, RenderedParts parts) {
        this.parts = parts;
        this.national = national;
        this.gradeCells = gradeCells;
    }

    /**
     * One LA in the table of latest judgements, worked out here so the template only writes it: 153 rows of eight cells
     * are most of the page's cost (issue 15).
     *
     * @param started the day its latest graded inspection started, as the page writes it; empty when it has none
     * @param grades  its latest grade in each judgement area, in {@link JudgementArea#values()} order; null where none
     */
    public record Row(int urn, String name, String region, String started, List<GradeCells.GradeCell> grades) {
    }

    @GetMapping("/national")
    String page(@RequestParam(name = "region", required = false) String region,
                @RequestParam(name = "judgement", required = false) String judgement,
                @RequestParam(name = "type", required = false) String type,
                @RequestParam(name = "year", required = false) Integer year, Model model,
                HttpServletRequest request, HttpServletResponse response) {
        NationalPicture.Filter filter = new NationalPicture.Filter(region, judgement, type, year);
        List<Region> regions = national.regions();
        List<RegisterRow> rows = national.rows(filter);
        List<NationalPicture.RegionCounts> byRegion = national.byRegion(rows, regions);
        Map<String, Object> body = new HashMap<>();
        body.put("rows", rows.stream().map(r -> new Row(r.la().urn(), r.la().name(), r.la().regionName(),
                r.latest() == null ? "" : Dates.day(r.latest().startDate()), gradeCells.of(r))).toList());
        body.put("byRegion", byRegion);
        body.put("chart", Chart.of(byRegion));
        body.put("filter", filter);
        body.put("regions", regions);
        body.put("grades", List.of(Grade.values()));
        body.put("areas", List.of(JudgementArea.values()));
        body.put("types", List.of(ActivityType.STANDARD_INSPECTION, ActivityType.SHORT_INSPECTION, ActivityType.SIF_INSPECTION));
        body.put("csvQuery", query(filter));
        // the same for every reader of the same data and filter: rendered once for each (issue 15)
        model.addAttribute("body", parts.render("national/picture-body", "picture-content", body, request, response));
        return "national/picture";
    }

    @GetMapping("/national/latest-judgements.csv")
    @org.oversight.shared.web.NonInteractive(org.oversight.shared.web.NonInteractive.Kind.EXPORT)
    void csv(@RequestParam(name = "region", required = false) String region,
             @RequestParam(name = "judgement", required = false) String judgement,
             @RequestParam(name = "type", required = false) String type,
             @RequestParam(name = "year", required = false) Integer year, HttpServletResponse response) throws IOException {
        org.oversight.shared.web.CsvResponse.write(response, "latest-judgements.csv", List.of("urn", "la_code", "local_authority", "region",
                "inspection_type", "start_date", "overall", "leaders", "help_and_protection", "in_care", "care_leavers"), csv -> {
            for (RegisterRow row : national.rows(new NationalPicture.Filter(region, judgement, type, year))) {
                csv.printRecord(row.la().urn(), row.la().laCode(), row.la().name(), row.la().regionName(),
                        row.latest() == null ? "" : row.latest().type().name().toLowerCase(),
                        row.latest() == null ? "" : Dates.format(row.latest().startDate()),
                        label(row.grade(JudgementArea.OVERALL)), label(row.grade(JudgementArea.LEADERS)),
                        label(row.grade(JudgementArea.HELP_AND_PROTECTION)), label(row.grade(JudgementArea.IN_CARE)),
                        label(row.grade(JudgementArea.CARE_LEAVERS)));
            }
        });
    }

    private static String label(Grade g) {
        return g == null ? "" : g.name().toLowerCase().replace('_', ' ');
    }

    private static String query(NationalPicture.Filter f) {
        StringBuilder q = new StringBuilder();
        append(q, "region", f.region());
        append(q, "judgement", f.judgement());
        append(q, "type", f.type());
        append(q, "year", f.year() == null ? null : f.year().toString());
        return q.toString();
    }

    private static void append(StringBuilder q, String name, String value) {
        if (value != null && !value.isBlank()) {
            q.append(q.isEmpty() ? "?" : "&").append(name).append('=')
                    .append(java.net.URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
    }

    /** Geometry of the stacked-bar SVG, worked out here so the template only draws (public: its expressions compile). */
    public record Chart(int width, int height, List<Bar> bars) {
        static final int LABEL = 200;
        static final int BAR_HEIGHT = 24;
        static final int GAP = 10;

        public record Segment(String grade, int x, int width, int count) {
        }

        public record Bar(String region, int y, List<Segment> segments, int total) {
        }

        static Chart of(List<NationalPicture.RegionCounts> counts) {
            int max = Math.max(1, counts.stream().mapToInt(NationalPicture.RegionCounts::total).max().orElse(1));
            int plot = 500;
            List<Bar> bars = new java.util.ArrayList<>();
            int y = 0;
            for (NationalPicture.RegionCounts c : counts) {
                List<Segment> segments = new java.util.ArrayList<>();
                int x = LABEL;
                for (Grade g : Grade.values()) {
                    int n = c.count(g);
                    if (n > 0) {
                        int w = n * plot / max;
                        segments.add(new Segment(g.name(), x, w, n));
                        x += w;
                    }
                }
                if (c.noOverall() > 0) {
                    int w = c.noOverall() * plot / max;
                    segments.add(new Segment("NONE", x, w, c.noOverall()));
                }
                bars.add(new Bar(c.name(), y, segments, c.total()));
                y += BAR_HEIGHT + GAP;
            }
            return new Chart(LABEL + plot + 40, y, bars);
        }
    }
}
