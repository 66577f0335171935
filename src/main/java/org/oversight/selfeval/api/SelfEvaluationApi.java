package org.oversight.selfeval.api;

import java.net.URI;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.oversight.access.AccessRules.AdminOnly;
import org.oversight.access.AccessRules.LaEditor;
import org.oversight.access.AccessRules.LaManager;
import org.oversight.access.AccessRules.LaMember;
import org.oversight.register.LocalAuthority;
import org.oversight.selfeval.Area;
import org.oversight.selfeval.DraftCheck;
import org.oversight.selfeval.EditConflictException;
import org.oversight.selfeval.Evidence;
import org.oversight.selfeval.SelfEvaluationViews;
import org.oversight.selfeval.SelfEvaluationViews.Citation;
import org.oversight.selfeval.SelfEvaluationViews.Section;
import org.oversight.selfeval.SelfEvaluationViews.SelfEvaluation;
import org.oversight.selfeval.SelfEvaluationViews.Version;
import org.oversight.selfeval.SelfEvaluations;
import org.oversight.selfeval.TextDiff;
import org.oversight.shared.problem.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The self-evaluation's API: sections, citations, versions, the check and sign-off (LA-internal; councillors read the signed-off one). */
@RestController
@Tag(name = "Self-evaluation", description = "The LA's self-evaluation of social work practice by ILACS judgement area: sections answering the three "
        + "questions, citations of the evidence Oversight holds (frozen as they stood when cited), versions, the check and sign-off (LA-internal)")
class SelfEvaluationApi {

    private static final String BASE = "/api/v1/local-authorities/{urn}/self-evaluations";

    private final SelfEvaluations selfEvaluations;

    SelfEvaluationApi(SelfEvaluations selfEvaluations) {
        this.selfEvaluations = selfEvaluations;
    }

    record StartJson(Integer year, Integer fromYear) {
    }

    /** {@code themes}: the texts of the area's themes by theme code (see {@code Theme}); absent keeps them, a blank text clears one. */
    record SectionJson(Integer version, String know, String how, String plans, Map<String, String> themes) {
    }

    /** {@code theme}: the theme code the evidence is cited for, or absent for the area as a whole. */
    record CiteJson(String evidenceKey, String theme) {
    }

    record DirectorJson(String username) {
    }

    record ShareJson(String inspector, String expiresOn) {
    }

    record Saved(Area area, int version) {
    }

    record VersionDiff(Version version, Integer comparedWith, List<TextDiff.Part> know, List<TextDiff.Part> how, List<TextDiff.Part> plans) {
    }

    /** A citation and, for the LA's managers and staff, whether its figure has moved since (null for others). */
    record CitationJson(Citation citation, Boolean moved, Boolean gone, String valueNow) {
    }

    @GetMapping(BASE)
    @LaMember
    @Operation(summary = "The LA's self-evaluations by year (councillors: signed-off ones only)")
    List<SelfEvaluationViews.Summary> list(@PathVariable int urn) {
        return selfEvaluations.list(la(urn).id());
    }

    @PostMapping(BASE)
    @LaManager
    @Operation(summary = "Start the self-evaluation of a year, one section per judgement area, optionally from the text of an earlier year's")
    ResponseEntity<SelfEvaluation> start(@PathVariable int urn, @RequestBody StartJson in, HttpServletRequest request) {
        LocalAuthority la = la(urn);
        int year = in.year() == null ? 0 : in.year();
        selfEvaluations.start(la.id(), year, in.fromYear());
        return ResponseEntity.created(URI.create(request.getRequestURI() + "/" + year)).body(selfEvaluations.get(la.id(), year));
    }

    @GetMapping(BASE + "/{year}")
    @LaMember
    @Operation(summary = "A self-evaluation with its sections, citations and history (councillors: once signed off)")
    SelfEvaluation get(@PathVariable int urn, @PathVariable int year) {
        return selfEvaluations.get(la(urn).id(), year);
    }

    @GetMapping(BASE + "/{year}/check")
    @LaMember
    @Operation(summary = "The check before sign-off: sections not written, claims with no evidence cited, claims a cited red figure contradicts")
    List<DraftCheck.Problem> check(@PathVariable int urn, @PathVariable int year) {
        return selfEvaluations.check(la(urn).id(), year);
    }

    @GetMapping(BASE + "/{year}/sections/{area}")
    @LaMember
    @Operation(summary = "One section (area: leaders, help-and-protection, in-care, care-leavers)")
    Section section(@PathVariable int urn, @PathVariable int year, @PathVariable String area) {
        return selfEvaluations.get(la(urn).id(), year).section(area(area)).orElseThrow();
    }

    @PutMapping(BASE + "/{year}/sections/{area}")
    @LaEditor
    @Operation(summary = "Save a section's three answers and its themes' texts; 'version' is the version read (409 when someone saved it since; "
            + "nothing is overwritten)")
    Saved save(@PathVariable int urn, @PathVariable int year, @PathVariable String area, @RequestBody SectionJson in) {
        Area a = area(area);
        int version = selfEvaluations.save(la(urn).id(), year, a, in.version() == null ? -1 : in.version(), in.know(), in.how(), in.plans(),
                in.themes());
        return new Saved(a, version);
    }

    @GetMapping(BASE + "/{year}/sections/{area}/evidence")
    @LaEditor
    @Operation(summary = "The evidence Oversight holds for the area as it stands today, each with the key to cite it by")
    List<Evidence> evidence(@PathVariable int urn, @PathVariable int year, @PathVariable String area) {
        LocalAuthority la = la(urn);
        selfEvaluations.get(la.id(), year);
        Area a = area(area);
        return selfEvaluations.evidence(la.id()).values().stream().filter(e -> e.offeredFor(a)).toList();
    }

    @GetMapping(BASE + "/{year}/sections/{area}/citations")
    @LaMember
    @Operation(summary = "The section's citations, frozen as cited; for managers and staff, whether each figure has moved or is no longer held")
    List<CitationJson> citations(@PathVariable int urn, @PathVariable int year, @PathVariable String area) {
        LocalAuthority la = la(urn);
        Section s = selfEvaluations.get(la.id(), year).section(area(area)).orElseThrow();
        if (!selfEvaluations.canWrite(la.id())) {
            return s.citations().stream().map(c -> new CitationJson(c, null, null, null)).toList();
        }
        Map<String, Evidence> now = selfEvaluations.evidence(la.id());
        return selfEvaluations.citationStates(s, now).stream().map(cs -> new CitationJson(cs.citation(), cs.moved(), cs.gone(),
                cs.now() == null ? null : cs.now().valueText())).toList();
    }

    @PostMapping(BASE + "/{year}/sections/{area}/citations")
    @LaEditor
    @Operation(summary = "Cite a piece of the LA's evidence by its key; it is stored as it stands today (value, date, source). Another LA's "
            + "evidence or a figure that no longer exists is refused (400, naming the key)")
    ResponseEntity<Citation> cite(@PathVariable int urn, @PathVariable int year, @PathVariable String area, @RequestBody CiteJson in) {
        return ResponseEntity.status(HttpStatus.CREATED).body(selfEvaluations.cite(la(urn).id(), year, area(area), in.evidenceKey(),
                in.theme()));
    }

    @GetMapping(BASE + "/{year}/sections/{area}/versions")
    @LaEditor
    @Operation(summary = "Every saved version of the section, newest first")
    List<Version> versions(@PathVariable int urn, @PathVariable int year, @PathVariable String area) {
        return selfEvaluations.versions(la(urn).id(), year, area(area));
    }

    @GetMapping(BASE + "/{year}/sections/{area}/versions/{version}")
    @LaEditor
    @Operation(summary = "One version and its differences, word by word, from the version before it")
    VersionDiff version(@PathVariable int urn, @PathVariable int year, @PathVariable String area, @PathVariable("version") String versionText) {
        // read as text so that the access rule is checked before a malformed number is (a 403, not a 404, for others)
        int version = versionText.matches("\\d{1,9}") ? Integer.parseInt(versionText) : -1;
        List<Version> versions = selfEvaluations.versions(la(urn).id(), year, area(area));
        Version v = versions.stream().filter(x -> x.version() == version).findFirst()
                .orElseThrow(() -> new NotFoundException("No version " + version + " of this section"));
        Version before = versions.stream().filter(x -> x.version() < version).findFirst().orElse(null);
        return new VersionDiff(v, before == null ? null : before.version(), TextDiff.diff(before == null ? "" : before.know(), v.know()),
                TextDiff.diff(before == null ? "" : before.how(), v.how()), TextDiff.diff(before == null ? "" : before.plans(), v.plans()));
    }

    @PostMapping(BASE + "/{year}/sign-off")
    @LaManager
    @Operation(summary = "Sign the self-evaluation off: the LA's director of children's services only (403 for anyone else)")
    SelfEvaluation signOff(@PathVariable int urn, @PathVariable int year) {
        LocalAuthority la = la(urn);
        selfEvaluations.signOff(la.id(), year);
        return selfEvaluations.get(la.id(), year);
    }

    @PostMapping(BASE + "/{year}/shares")
    @LaManager
    @Operation(summary = "Share the signed-off self-evaluation read-only with a named Ofsted inspector until a date (yyyy-mm-dd); logged")
    ResponseEntity<List<SelfEvaluationViews.Share>> share(@PathVariable int urn, @PathVariable int year, @RequestBody ShareJson in) {
        LocalAuthority la = la(urn);
        java.time.LocalDate until;
        try {
            until = in.expiresOn() == null ? null : java.time.LocalDate.parse(in.expiresOn().trim());
        } catch (java.time.format.DateTimeParseException e) {
            throw new org.oversight.shared.problem.InvalidInputException(List.of(org.oversight.shared.problem.FieldProblem.of("expiresOn",
                    "selfeval.error.share.expires", SelfEvaluations.MAX_SHARE_DAYS)));
        }
        selfEvaluations.share(la.id(), year, in.inspector(), until);
        return ResponseEntity.status(HttpStatus.CREATED).body(selfEvaluations.shares(la.id(), year));
    }

    @PutMapping("/api/v1/local-authorities/{urn}/director")
    @AdminOnly
    @Operation(summary = "Name the LA's director of children's services (one of its managers), who signs its self-evaluation off")
    ResponseEntity<Void> director(@PathVariable int urn, @RequestBody DirectorJson in) {
        selfEvaluations.designateDirector(la(urn).id(), in.username());
        return ResponseEntity.noContent().build();
    }

    @ExceptionHandler(EditConflictException.class)
    ResponseEntity<ProblemDetail> conflict(EditConflictException e, HttpServletRequest request) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.problems().getFirst().message());
        p.setTitle("Conflict");
        p.setInstance(URI.create(request.getRequestURI()));
        p.setProperty("errors", e.problems());
        return ResponseEntity.status(HttpStatus.CONFLICT).body(p);
    }

    private LocalAuthority la(int urn) {
        return selfEvaluations.localAuthority(urn);
    }

    private static Area area(String slug) {
        return Area.fromSlug(slug).orElseThrow(() -> new NotFoundException("No judgement area '" + slug
                + "'; use leaders, help-and-protection, in-care or care-leavers"));
    }
}
