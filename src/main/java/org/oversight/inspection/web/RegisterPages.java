package org.oversight.inspection.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.oversight.access.AccessRules.PublicRead;
import org.oversight.access.CurrentUser;
import org.oversight.inspection.GradeCells;
import org.oversight.inspection.ReportSources;
import org.oversight.inspection.SingleRecordService;
import org.oversight.inspection.SingleRecordService.RegisterFilter;
import org.oversight.inspection.SingleRecordService.RegisterRow;
import org.oversight.inspection.domain.ActivityStatus;
import org.oversight.inspection.domain.ActivityType;
import org.oversight.inspection.domain.Grade;
import org.oversight.inspection.domain.JudgementArea;
import org.oversight.inspection.domain.LatestJudgements;
import org.oversight.register.LocalAuthority;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The national register and each LA's single record. Published data: anyone may read it. */
@Controller
@PublicRead
class RegisterPages {

    private final SingleRecordService records;
    private final CurrentUser currentUser;
    private final MessageSource messages;
    private final List<ReportSources> reportSources;
    private final GradeCells gradeCells;
    private final org.oversight.shared.web.Choices choices;
    private final org.oversight.shared.web.RenderedParts parts;

    RegisterPages(SingleRecordService records, CurrentUser currentUser, MessageSource messages, List<ReportSources> reportSources,
                  GradeCells gradeCells, org.oversight.shared.web.Choices choices, org.oversight.shared.web.RenderedParts parts) {
        this.choices = choices;
        this.parts = parts;
        this.records = records;
        this.currentUser = currentUser;
        this.messages = messages;
        this.reportSources = reportSources;
        this.gradeCells = gradeCells;
    }

    /** One comparison table: the LA's region or England (public: the template's expressions over it compile). */
    public record DistributionGroup(String id, String title, List<SingleRecordService.Distribution> rows) {
    }

    /**
     * A row of the table comparing the LA with its statistical neighbours.
     *
     * @param grades its latest grade in each judgement area, in {@link JudgementArea#values()} order; null where none
     */
    public record ComparisonRow(LocalAuthority la, LatestJudgements latest, List<GradeCells.GradeCell> grades) {
    }

    /** Rows a page of the register can show; "all" shows every row. */
    static final List<Integer> PAGE_SIZES = List.of(25, 50);
    static final int DEFAULT_PAGE_SIZE = 25;

    @GetMapping("/local-authorities")
    String list(@RequestParam(name = "q", required = false) String q,
                @RequestParam(name = "region", required = false) String region,
                @RequestParam(name = "judgement", required = false) String judgement,
                @RequestParam(name = "sort", required = false) String sort,
                @RequestParam(name = "order", required = false) String order,
                @RequestParam(name = "page", required = false) String page,
                @RequestParam(name = "size", required = false) String size, Model model) {
        RegisterFilter filter = filter(q, region, judgement);
        org.oversight.inspection.RegisterOrder by = org.oversight.inspection.RegisterOrder.find(sort).orElseThrow(() -> invalid("sort",
                "'" + shorten(sort) + "' is not a column the register sorts by: give one of " + org.oversight.inspection.RegisterOrder.params()));
        if (order != null && !order.isBlank() && !order.strip().equalsIgnoreCase("asc") && !order.strip().equalsIgnoreCase("desc")) {
            throw invalid("order", "'" + shorten(order) + "' is not an order: give asc or desc");
        }
        boolean descending = order != null && "desc".equalsIgnoreCase(order.strip());
        List<RegisterRow> rows = new java.util.ArrayList<>(records.register(filter));
        rows.sort(by.comparator(descending));
        org.oversight.shared.web.Pagination pages = org.oversight.shared.web.Pagination.of(page, size, rows.size(), DEFAULT_PAGE_SIZE, PAGE_SIZES);
        model.addAttribute("sort", by.param());
        model.addAttribute("order", descending ? "desc" : "asc");
        model.addAttribute("descending", descending);
        model.addAttribute("total", rows.size());
        model.addAttribute("rows", pages.slice(rows));
        model.addAttribute("pages", pages);
        model.addAttribute("pageSizes", PAGE_SIZES);
        model.addAttribute("q", q);
        model.addAttribute("region", region);
        model.addAttribute("judgement", judgement);
        model.addAttribute("regions", records.regions());
        model.addAttribute("grades", Grade.values());
        var filters = org.springframework.web.util.UriComponentsBuilder.newInstance()
                .queryParamIfPresent("q", java.util.Optional.ofNullable(q).filter(v -> !v.isBlank()))
                .queryParamIfPresent("region", java.util.Optional.ofNullable(region).filter(v -> !v.isBlank()))
                .queryParamIfPresent("judgement", java.util.Optional.ofNullable(judgement).filter(v -> !v.isBlank()));
        model.addAttribute("csvQuery", filters.cloneBuilder().encode().build().toUriString());
        // Page links keep the filters, the order and the page size; the number is appended.
        model.addAttribute("pageLink", "/local-authorities" + filters.cloneBuilder().queryParam("sort", by.param())
                .queryParam("order", descending ? "desc" : "asc").queryParam("size", pages.sizeParam()).encode().build().toUriString() + "&page=");
        model.addAttribute("filtered", (q != null && !q.isBlank()) || (region != null && !region.isBlank())
                || (judgement != null && !judgement.isBlank()));
        return "register/list";
    }

    /** The filter a request asks for, its region and judgement checked against those that exist. */
    private RegisterFilter filter(String q, String region, String judgement) {
        if (q != null && q.length() > 200) {
            throw invalid("q", "The search is too long: give at most 200 characters");
        }
        if (region != null && !region.isBlank() && records.regions().stream().noneMatch(r -> r.code().equals(region))) {
            throw invalid("region", "'" + shorten(region) + "' is not a region: choose one from the list");
        }
        if (judgement != null && !judgement.isBlank() && !judgement.equals("NONE")
                && java.util.Arrays.stream(Grade.values()).noneMatch(g -> g.name().equals(judgement))) {
            throw invalid("judgement", "'" + shorten(judgement) + "' is not a judgement: choose one from the list");
        }
        return new RegisterFilter(q, region, judgement);
    }

    private static org.oversight.shared.problem.InvalidInputException invalid(String field, String message) {
        return new org.oversight.shared.problem.InvalidInputException(List.of(new org.oversight.shared.problem.FieldProblem(field, message)));
    }

    private static String shorten(String s) {
        return s == null ? "" : s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }

    @GetMapping("/local-authorities.csv")
    @org.oversight.shared.web.NonInteractive(org.oversight.shared.web.NonInteractive.Kind.EXPORT)
    void csv(@RequestParam(name = "q", required = false) String q, @RequestParam(name = "region", required = false) String region,
             @RequestParam(name = "judgement", required = false) String judgement, jakarta.servlet.http.HttpServletResponse response)
            throws java.io.IOException {
        RegisterFilter filter = filter(q, region, judgement);
        org.oversight.shared.web.CsvResponse.write(response, "local-authorities.csv", List.of("urn", "la_code", "la_code_new", "name",
                "region", "la_type", "population_0_25", "statistical_neighbours", "latest_inspection_start", "latest_overall"), csv -> {
            for (RegisterRow row : records.register(filter)) {
                var la = row.la();
                csv.printRecord(la.urn(), la.laCode(), la.laCodeNew(), la.name(), la.regionName(), la.laType(), la.population0to25(),
                        String.join("; ", la.statisticalNeighbours().stream().map(n -> n.name()).toList()),
                        row.latest() == null ? "" : org.oversight.shared.Dates.format(row.latest().startDate()),
                        row.overall() == null ? "" : row.overall().name().toLowerCase(Locale.UK).replace('_', ' '));
            }
        });
    }

    @GetMapping("/local-authorities/{urn}")
    String singleRecord(@PathVariable int urn, Model model, jakarta.servlet.http.HttpServletRequest request,
                        jakarta.servlet.http.HttpServletResponse response) {
        var record = records.singleRecord(urn);
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("record", record);
        body.put("la", record.la());
        body.put("areas", List.of(JudgementArea.values()));
        body.put("grades", List.of(Grade.values()));
        body.put("canEdit", currentUser.canEdit(record.la().id()));
        body.put("canSeeInternal", currentUser.canSeeInternal(record.la().id()));
        body.put("canManage", currentUser.canManage(record.la().id()));
        body.put("activityTypes", List.of(ActivityType.values()));
        // Once an inspection is notified or on site, that is what the LA needs to see, not a forecast window.
        java.util.Optional.ofNullable(record.activities().stream().filter(v -> v.status().equals(ActivityStatus.ON_SITE.labelKey())
                || v.status().equals(ActivityStatus.NOTIFIED.labelKey())).findFirst().orElse(null)).ifPresent(c -> body.put("current", c));
        body.put("publishedHeld", record.activities().stream().anyMatch(v -> v.status().equals(ActivityStatus.PUBLISHED.labelKey())));
        body.put("ofstedSearch", "https://reports.ofsted.gov.uk/search?q=" + java.net.URLEncoder.encode(record.la().name(),
                java.nio.charset.StandardCharsets.UTF_8) + "&level_1_types=3&level_2_types%5B%5D=12");
        body.put("sources", ReportSources.all(reportSources,
                record.activities().stream().map(v -> v.activity().id()).toList()));
        List<RegisterRow> comparison = new java.util.ArrayList<>();
        comparison.add(record.latest());
        comparison.addAll(record.neighbours());
        body.put("comparison", comparison.stream().map(r -> new ComparisonRow(r.la(), r.latest(), gradeCells.of(r))).toList());
        body.put("distributions", List.of(
                new DistributionGroup("region", messages.getMessage("record.dist.region", new Object[] {record.la().regionName()}, Locale.UK), record.region()),
                new DistributionGroup("england", messages.getMessage("record.dist.england", null, Locale.UK), record.england())));
        body.put("choices", choices);
        model.addAttribute("la", record.la());
        // the same for every reader who sees the same record with the same rights: rendered once for each (issue 15)
        model.addAttribute("body", parts.render("register/single-record-body", "single-record-content", body, request, response));
        return "register/single-record";
    }
}
