package org.oversight.childdata.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.oversight.access.AccessRules.LaManager;
import org.oversight.childdata.DayOnePack;
import org.oversight.childdata.Ssda903Export;
import org.oversight.childdata.ssda903.CollectionYear;
import org.oversight.childdata.cin.CensusYear;
import org.oversight.childdata.cin.CinError;
import org.oversight.childdata.ssd.CinCensusExport;
import org.oversight.register.LocalAuthorities;
import org.oversight.register.LocalAuthority;
import org.oversight.shared.Dates;
import org.oversight.shared.web.Downloads;
import org.oversight.shared.web.NonInteractive;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The statutory returns and lists made from the LA's child-level data, for its managers: the CIN census XML of a
 * collection year (with Oversight's own check of it against DfE's rules) and Ofsted's Annex A, all eleven lists, at
 * any date. Each export is written to the LA's access log.
 */
@RestController
@RequestMapping("/api/v1/local-authorities/{urn}")
@Tag(name = "Child-level data and compliance", description = "SSDA903 imports and statutory timescale compliance (LA-internal)")
@LaManager
class ChildDataExportApi {

    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final CinCensusExport cinCensus;
    private final Ssda903Export ssda903;
    private final DayOnePack pack;
    private final LocalAuthorities localAuthorities;
    private final java.time.Clock clock;

    ChildDataExportApi(CinCensusExport cinCensus, Ssda903Export ssda903, DayOnePack pack, LocalAuthorities localAuthorities, java.time.Clock clock) {
        this.cinCensus = cinCensus;
        this.ssda903 = ssda903;
        this.pack = pack;
        this.localAuthorities = localAuthorities;
        this.clock = clock;
    }

    private CensusYear year(String year) {
        return year == null || year.isBlank() ? new CensusYear(CinCensusExport.lastCompleteYear(LocalDate.now(clock.withZone(Dates.LONDON))))
                : cinCensus.year(year);
    }

    @GetMapping(value = "/cin-census", produces = {MediaType.APPLICATION_XML_VALUE, "application/problem+json"})
    @NonInteractive(NonInteractive.Kind.EXPORT)
    @Operation(summary = "The CIN census XML of a collection year, made from the LA's current whole-journey data (an SSD extract or a CIN census): "
            + "every child with an episode of need open between 1 April and the reference date 31 March, as on that date, in DfE's schema order. "
            + "Headers Oversight-Cin-Errors and Oversight-Cin-Queries give what Oversight's own check against DfE's 109 rules found (the findings "
            + "themselves: GET .../cin-census/validation). For the LA's managers (403 otherwise); 400 when the year is not a census year; 404 when "
            + "the LA has no whole-journey data or no child in need in the year. Each download is written to the access log.")
    ResponseEntity<byte[]> cinCensus(@PathVariable int urn,
                                     @Parameter(description = "the year of the census's reference date, e.g. 2026 for 2025-26 (default: the last complete census)")
                                     @RequestParam(required = false) String year) {
        LocalAuthority la = localAuthorities.get(urn);
        CinCensusExport.Export out = cinCensus.export(la, year(year), true);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_XML)
                .header(HttpHeaders.CONTENT_DISPOSITION, Downloads.attachment(out.fileName()))
                .header("Oversight-Cin-Errors", Long.toString(out.errors()))
                .header("Oversight-Cin-Queries", Long.toString(out.queries()))
                .body(out.xml());
    }

    /**
     * Oversight's check of the census it makes.
     *
     * @param findings the first 1,000 errors and queries, each naming child, module, field, value and rule
     */
    record CinCensusCheck(String collectionYear, LocalDate referenceDate, String source, CinCensusExport.Counts counts, long errors,
                          long queries, Map<String, Long> byRule, List<CinError> findings) {
    }

    @GetMapping(value = "/cin-census/validation", produces = {MediaType.APPLICATION_JSON_VALUE, "application/problem+json"})
    @Operation(summary = "Oversight's check of the CIN census it would export for the year (as GET .../cin-census): what it holds (children, episodes, "
            + "assessments, CIN plans, section 47 enquiries, child protection plans), the number of errors and queries against DfE's 109 rules of "
            + "2025-26, how many each rule found, and the first 1,000 findings. Same access, errors and access log as the export.")
    CinCensusCheck cinCensusCheck(@PathVariable int urn,
                                  @Parameter(description = "the year of the census's reference date, e.g. 2026 for 2025-26 (default: the last complete census)")
                                  @RequestParam(required = false) String year) {
        LocalAuthority la = localAuthorities.get(urn);
        CinCensusExport.Export out = cinCensus.export(la, year(year), false);
        return new CinCensusCheck(out.year().label(), out.year().reference(), CinCensusExport.describe(out.source()), out.counts(), out.errors(),
                out.queries(), out.byRule(), out.findings().stream().limit(1000).toList());
    }

    @GetMapping(value = "/ssda903", produces = {"application/zip", "application/problem+json"})
    @NonInteractive(NonInteractive.Kind.EXPORT)
    @Operation(summary = "The SSDA903 return of a collection year as a ZIP of DfE's CSV files (header.csv, episodes.csv, reviews.csv, oc3.csv, "
            + "missing.csv, uasc.csv, oc2.csv, ad1.csv, placed_for_adoption.csv, previous_permanence.csv, sw_episodes.csv, dolo.csv: each table the "
            + "LA's current data for the year has rows in, with DfE's column names, dates dd/mm/yyyy), made from the LA's current SSDA903 data. "
            + "Headers Oversight-903-Errors and Oversight-903-Queries give what Oversight's own check of the files against every SSDA903 rule of the "
            + "year found. For the LA's managers (403 otherwise); 400 when the year is not a collection year; 404 when the LA has no SSDA903 data "
            + "for the year. Each download is written to the access log.")
    ResponseEntity<byte[]> ssda903(@PathVariable int urn,
                                   @Parameter(description = "the collection year by the year it starts, e.g. 2026 for 2026-27, or 2026-27 (default: the "
                                           + "newest year the LA has data for)")
                                   @RequestParam(required = false) String year) {
        LocalAuthority la = localAuthorities.get(urn);
        CollectionYear collection = year == null || year.isBlank() ? ssda903.latest(la.id()).orElse(CollectionYear.current()) : Ssda903Export.year(year);
        Ssda903Export.Export out = ssda903.export(la, collection, true);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/zip"))
                .header(HttpHeaders.CONTENT_DISPOSITION, Downloads.attachment(out.fileName()))
                .header("Oversight-903-Errors", Long.toString(out.errors()))
                .header("Oversight-903-Queries", Long.toString(out.queries()))
                .body(out.zip());
    }

    @GetMapping(value = "/annex-a", produces = {"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "application/problem+json"})
    @NonInteractive(NonInteractive.Kind.EXPORT)
    @Operation(summary = "Ofsted's Annex A, all eleven lists, as at a date, as .xlsx: the same workbook as an inspection's day-one pack (read-me, "
            + "lists 1 to 11 in the template's column order, validation sheet naming each list's rows, source and blank columns, and saying which "
            + "lists the data cannot fill), for the LA's managers outside an inspection. Lists 1 to 7 cover the 6 months before the date, from the "
            + "whole-journey data; 8 to 10 from the SSDA903 return. 403 for anyone but the LA's managers; 400 for a date that is not yyyy-mm-dd or "
            + "is in the future. Each download is written to the access log.")
    ResponseEntity<byte[]> annexA(@PathVariable int urn,
                                  @Parameter(description = "the date the lists are as at, yyyy-mm-dd (default: today)")
                                  @RequestParam(required = false) String asOf) {
        LocalAuthority la = localAuthorities.get(urn);
        LocalDate date = DayOnePack.asOf(asOf, LocalDate.now(clock.withZone(Dates.LONDON)));
        return ResponseEntity.ok().contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, Downloads.attachment("annex-a-" + la.laCode() + "-" + date + ".xlsx"))
                .body(pack.annexA(la.id(), la.name(), date));
    }
}
