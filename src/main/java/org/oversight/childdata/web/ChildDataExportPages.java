package org.oversight.childdata.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import org.oversight.access.AccessRules.LaManager;
import org.oversight.childdata.DayOnePack;
import org.oversight.childdata.Ssda903Export;
import org.oversight.childdata.ssda903.CollectionYear;
import org.oversight.childdata.cin.CensusYear;
import org.oversight.childdata.ssd.CinCensusExport;
import org.oversight.register.LocalAuthorities;
import org.oversight.register.LocalAuthority;
import org.oversight.shared.Dates;
import org.oversight.shared.problem.InvalidInputException;
import org.oversight.shared.problem.NotFoundException;
import org.oversight.shared.web.DateInput;
import org.oversight.shared.web.Downloads;
import org.oversight.shared.web.FormErrors;
import org.oversight.shared.web.NonInteractive;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The returns and lists made from the LA's child-level data, for its managers: the CIN census XML of a collection year
 * with Oversight's check of it, and Ofsted's Annex A (all eleven lists) at any date. Every page and download is in the
 * access log.
 */
@Controller
@LaManager
class ChildDataExportPages {

    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    static final int FINDINGS_SHOWN = 50;

    static final MediaType ZIP = MediaType.parseMediaType("application/zip");

    private final CinCensusExport cinCensus;
    private final Ssda903Export ssda903;
    private final DayOnePack pack;
    private final LocalAuthorities localAuthorities;
    private final Clock clock;

    ChildDataExportPages(CinCensusExport cinCensus, Ssda903Export ssda903, DayOnePack pack, LocalAuthorities localAuthorities, Clock clock) {
        this.cinCensus = cinCensus;
        this.ssda903 = ssda903;
        this.pack = pack;
        this.localAuthorities = localAuthorities;
        this.clock = clock;
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(Dates.LONDON));
    }

    private LocalAuthority managed(int urn) {
        LocalAuthority la = localAuthorities.get(urn);
        if (!cinCensus.mayUse(la.id())) {
            throw new AccessDeniedException("Only " + la.name() + "'s managers can export its children's data");
        }
        return la;
    }

    @GetMapping("/local-authorities/{urn}/cin-census")
    String cinCensus(@PathVariable int urn, @RequestParam(required = false) String year, Model model, HttpServletResponse response) {
        LocalAuthority la = managed(urn);
        model.addAttribute("la", la);
        String asked = year == null || year.isBlank() ? Integer.toString(CinCensusExport.lastCompleteYear(today())) : year.strip();
        model.addAttribute("year", asked);
        CensusYear census;
        try {
            census = cinCensus.year(asked);
        } catch (InvalidInputException e) {
            FormErrors.of(e).show(model, response, List.of("year"));
            return "childdata/cin-census";
        }
        FormErrors.none().show(model, List.of("year"));
        model.addAttribute("census", census);
        try {
            CinCensusExport.Export out = cinCensus.export(la, census, false);
            model.addAttribute("out", out);
            model.addAttribute("source", CinCensusExport.describe(out.source()));
            model.addAttribute("shown", out.findings().stream().limit(FINDINGS_SHOWN).toList());
        } catch (NotFoundException e) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            model.addAttribute("missing", e.getMessage());
        }
        return "childdata/cin-census";
    }

    @GetMapping("/local-authorities/{urn}/cin-census.xml")
    @NonInteractive(NonInteractive.Kind.EXPORT)
    ResponseEntity<byte[]> cinCensusXml(@PathVariable int urn, @RequestParam(required = false) String year) {
        LocalAuthority la = managed(urn);
        CensusYear census = year == null || year.isBlank() ? new CensusYear(CinCensusExport.lastCompleteYear(today())) : cinCensus.year(year);
        CinCensusExport.Export out = cinCensus.export(la, census, true);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_XML)
                .header(HttpHeaders.CONTENT_DISPOSITION, Downloads.attachment(out.fileName())).body(out.xml());
    }

    @GetMapping("/local-authorities/{urn}/ssda903")
    String ssda903(@PathVariable int urn, @RequestParam(required = false) String year, Model model, HttpServletResponse response) {
        LocalAuthority la = managed(urn);
        model.addAttribute("la", la);
        List<CollectionYear> years = ssda903.years(la.id());
        model.addAttribute("years", years);
        String asked = year == null || year.isBlank()
                ? years.stream().findFirst().map(y -> Integer.toString(y.start().getYear())).orElse(Integer.toString(CollectionYear.current().start().getYear()))
                : year.strip();
        model.addAttribute("year", asked);
        CollectionYear collection;
        try {
            collection = Ssda903Export.year(asked);
        } catch (InvalidInputException e) {
            FormErrors.of(e).show(model, response, List.of("year"));
            return "childdata/ssda903-out";
        }
        FormErrors.none().show(model, List.of("year"));
        model.addAttribute("collection", collection);
        try {
            Ssda903Export.Export out = ssda903.export(la, collection, false);
            model.addAttribute("out", out);
            model.addAttribute("shown", out.findings().stream().limit(FINDINGS_SHOWN).toList());
        } catch (NotFoundException e) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            model.addAttribute("missing", e.getMessage());
        }
        return "childdata/ssda903-out";
    }

    @GetMapping("/local-authorities/{urn}/ssda903.zip")
    @NonInteractive(NonInteractive.Kind.EXPORT)
    ResponseEntity<byte[]> ssda903Zip(@PathVariable int urn, @RequestParam(required = false) String year) {
        LocalAuthority la = managed(urn);
        CollectionYear collection = year == null || year.isBlank() ? ssda903.latest(la.id()).orElse(CollectionYear.current()) : Ssda903Export.year(year);
        Ssda903Export.Export out = ssda903.export(la, collection, true);
        return ResponseEntity.ok().contentType(ZIP).header(HttpHeaders.CONTENT_DISPOSITION, Downloads.attachment(out.fileName())).body(out.zip());
    }

    /** The Annex A page's form: the date the lists are as at. */
    public static class AsOfForm {
        private DateInput asOf = new DateInput();

        public DateInput getAsOf() {
            return asOf;
        }

        public void setAsOf(DateInput asOf) {
            this.asOf = asOf;
        }
    }

    @GetMapping("/local-authorities/{urn}/annex-a")
    String annexA(@PathVariable int urn, @ModelAttribute("form") AsOfForm form, Model model, HttpServletResponse response) {
        LocalAuthority la = managed(urn);
        model.addAttribute("la", la);
        LocalDate asOf;
        try {
            asOf = form.getAsOf().toDate("The date the lists are as at");
            if (asOf != null && asOf.isAfter(today())) {
                throw new IllegalArgumentException("The date the lists are as at must be today or in the past");
            }
        } catch (IllegalArgumentException e) {
            FormErrors.one("asOf-day", e.getMessage()).show(model, response, List.of("asOf-day"));
            return "childdata/annex-a";
        }
        if (asOf == null) {
            asOf = today();
            form.setAsOf(DateInput.of(asOf));
        }
        FormErrors.none().show(model, List.of("asOf-day"));
        DayOnePack.Summary summary = pack.exportSummary(la.id(), asOf);
        model.addAttribute("summary", summary);
        model.addAttribute("figures", DayOnePages.figures(summary));
        return "childdata/annex-a";
    }

    @GetMapping("/local-authorities/{urn}/annex-a/lists.xlsx")
    @NonInteractive(NonInteractive.Kind.EXPORT)
    ResponseEntity<byte[]> annexAXlsx(@PathVariable int urn, @RequestParam(required = false) String asOf) {
        LocalAuthority la = managed(urn);
        LocalDate date = DayOnePack.asOf(asOf, today());
        return ResponseEntity.ok().contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, Downloads.attachment("annex-a-" + la.laCode() + "-" + date + ".xlsx"))
                .body(pack.annexA(la.id(), la.name(), date));
    }
}
