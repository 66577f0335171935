package org.oversight.compliance.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.oversight.access.AccessRules.ChildDataReader;
import org.oversight.access.AccessRules.National;
import org.oversight.compliance.protection.FrontDoor;
import org.oversight.compliance.protection.FrontDoor.Result;
import org.oversight.compliance.protection.HelpAndProtection;
import org.oversight.register.LocalAuthorities;
import org.oversight.register.LocalAuthority;
import org.oversight.shared.problem.NotFoundException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Help and protection as JSON: an LA's front door for a period (funnel, measures, by team and worker, step-down
 * counts) for its managers and staff or an inspector under a grant; England's figures by region for national analysts.
 * Figures only: a child's journey is read on its page, with a purpose, or as JSON through {@code ComplianceApi} ({@code …/children/{child}/journey}).
 */
@RestController
@Tag(name = "Help and protection", description = "The front door: contacts to child protection plans, timescales and step-down to early help")
class ProtectionApi {

    private final HelpAndProtection protection;
    private final LocalAuthorities localAuthorities;

    ProtectionApi(HelpAndProtection protection, LocalAuthorities localAuthorities) {
        this.protection = protection;
        this.localAuthorities = localAuthorities;
    }

    record FigureJson(String measure, long count, long outOf, Integer percent) {
        static List<FigureJson> of(List<FrontDoor.Figure> figures) {
            return figures.stream().map(f -> new FigureJson(f.measure().name(), f.hits(), f.total(), f.percent())).toList();
        }
    }

    record StepJson(String step, long count, Integer percentOfPreviousStep) {
        static List<StepJson> of(List<FrontDoor.FunnelStep> steps) {
            return steps.stream().map(s -> new StepJson(s.step().name(), s.count(), s.conversion())).toList();
        }
    }

    record GroupJson(String team, String worker, List<StepJson> funnel, List<FigureJson> figures) {
    }

    record FrontDoorJson(String localAuthority, String collectionYear, LocalDate dataAsOf, LocalDate from, LocalDate to, List<StepJson> funnel,
                         List<FigureJson> figures, List<GroupJson> teams, List<GroupJson> workers, int stepDownWorkingDaysStandard,
                         int dataQualityFindings) {
    }

    record TotalJson(String name, int localAuthorities, Map<FrontDoor.Step, Long> funnel, List<FigureJson> figures) {
        static TotalJson of(HelpAndProtection.Total t) {
            return new TotalJson(t.name(), t.las(), t.funnel(), FigureJson.of(List.copyOf(t.figures().values())));
        }
    }

    record LaJson(String localAuthority, String region, LocalDate dataAsOf, Map<FrontDoor.Step, Long> funnel, List<FigureJson> figures) {
    }

    record NationalJson(TotalJson england, List<TotalJson> regions, List<LaJson> localAuthorities) {
    }

    @GetMapping("/api/v1/local-authorities/{urn}/help-and-protection")
    @ChildDataReader
    @Operation(summary = "The LA's front door for a period (from and to, yyyy-mm-dd, both or neither: the 12 months to the data's date), "
            + "by team and worker, from its current whole-journey data (an inspector's read is logged)")
    FrontDoorJson frontDoor(@PathVariable int urn, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        LocalAuthority la = localAuthorities.get(urn);
        var view = protection.headline(la.id(), from, to)
                .orElseThrow(() -> new NotFoundException("No help and protection data has been imported for " + la.name()));
        FrontDoor.Summary r = view.summary();
        List<GroupJson> teams = r.teams().stream().map(t -> new GroupJson(t.teamName(), null, StepJson.of(r.funnel(Result.team(t.team()))),
                FigureJson.of(r.figures(Result.team(t.team()))))).toList();
        List<GroupJson> workers = r.teams().stream().flatMap(t -> r.workers(t.team()).stream()).map(w -> new GroupJson(w.teamName(), w.workerName(),
                StepJson.of(r.funnel(Result.worker(w.team(), w.worker()))), FigureJson.of(r.figures(Result.worker(w.team(), w.worker()))))).toList();
        return new FrontDoorJson(la.name(), view.snapshot().collectionYear(), view.snapshot().asOf(), view.period().from(), view.period().to(),
                StepJson.of(r.funnel(Result.all())), FigureJson.of(r.figures(Result.all())), teams, workers, view.stepDownWorkingDays(),
                view.findings().size());
    }

    @GetMapping("/api/v1/help-and-protection/national")
    @National
    @Operation(summary = "England's front door by region and LA, for the 12 months to each LA's whole-journey data: national analysts only, figures only")
    NationalJson national() {
        var n = protection.national();
        return new NationalJson(TotalJson.of(n.england()), n.regions().stream().map(TotalJson::of).toList(),
                n.las().stream().map(l -> new LaJson(l.name(), l.region(), l.asOf(), l.funnel(), FigureJson.of(List.copyOf(l.figures().values()))))
                        .toList());
    }
}
