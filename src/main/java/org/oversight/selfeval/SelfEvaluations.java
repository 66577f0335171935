package org.oversight.selfeval;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.oversight.access.CurrentUser;
import org.oversight.access.PeopleNames;
import org.oversight.access.InspectorGrants;
import org.oversight.access.OversightUser;
import org.oversight.access.Role;
import org.oversight.access.UserAccounts;
import org.oversight.improvement.PlanService;
import org.oversight.inspection.InspectionService;
import org.oversight.inspection.domain.ActivityCommand;
import org.oversight.inspection.domain.ActivityType;
import org.oversight.inspection.domain.OnSiteRange;
import org.oversight.register.LocalAuthorities;
import org.oversight.register.LocalAuthority;
import org.oversight.selfeval.SelfEvaluationViews.AgreedAction;
import org.oversight.selfeval.SelfEvaluationViews.Citation;
import org.oversight.selfeval.SelfEvaluationViews.CitationState;
import org.oversight.selfeval.SelfEvaluationViews.Meeting;
import org.oversight.selfeval.SelfEvaluationViews.Section;
import org.oversight.selfeval.SelfEvaluationViews.SelfEvaluation;
import org.oversight.selfeval.SelfEvaluationViews.Share;
import org.oversight.selfeval.SelfEvaluationViews.Status;
import org.oversight.selfeval.SelfEvaluationViews.Summary;
import org.oversight.selfeval.SelfEvaluationViews.Version;
import org.oversight.selfeval.persistence.SelfEvaluationRepository;
import org.oversight.shared.db.TenantScope;
import org.oversight.shared.problem.FieldProblem;
import org.oversight.shared.problem.InvalidInputException;
import org.oversight.shared.problem.NotFoundException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The self-evaluation's commands and reads, each one transaction, each checking who may do it: the LA's managers
 * start one, assign sections and share it; its managers and staff write sections, cite evidence and comment; its
 * director of children's services (the one account designated for the LA) signs it off; councillors read it once
 * signed off; an Ofsted inspector reads a signed-off one the LA shared with them, until the share ends (every read
 * logged).
 */
@Service
public class SelfEvaluations {

    /** Longest text of one answer (a self-evaluation is a short document). */
    public static final int MAX_TEXT = 20_000;
    public static final int MAX_COMMENT = 2_000;
    /** Longest a share with an inspector may run. */
    public static final int MAX_SHARE_DAYS = 180;

    private final SelfEvaluationRepository repository;
    private final EvidenceCatalogue catalogue;
    private final LocalAuthorities localAuthorities;
    private final CurrentUser currentUser;
    private final UserAccounts accounts;
    private final InspectorGrants grants;
    private final InspectionService inspections;
    private final PlanService plans;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final PeopleNames names;

    SelfEvaluations(SelfEvaluationRepository repository, EvidenceCatalogue catalogue, LocalAuthorities localAuthorities, CurrentUser currentUser,
                    UserAccounts accounts, InspectorGrants grants, InspectionService inspections, PlanService plans,
                    TransactionTemplate transactions, Clock clock, PeopleNames names) {
        this.names = names;
        this.repository = repository;
        this.catalogue = catalogue;
        this.localAuthorities = localAuthorities;
        this.currentUser = currentUser;
        this.accounts = accounts;
        this.grants = grants;
        this.inspections = inspections;
        this.plans = plans;
        this.transactions = transactions;
        this.clock = clock;
    }

    public LocalAuthority localAuthority(int urn) {
        return localAuthorities.get(urn);
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    // ---- who may do what ------------------------------------------------------------------------------------------

    public boolean canManage(UUID laId) {
        return currentUser.canManage(laId);
    }

    public boolean canWrite(UUID laId) {
        return currentUser.canEdit(laId);
    }

    /** Whether the signed-in person is the LA's director of children's services. */
    @Transactional(readOnly = true)
    public boolean isDirector(UUID laId) {
        return currentUser.canManage(laId) && repository.director(laId).filter(currentUser.actor()::equals).isPresent();
    }

    @Transactional(readOnly = true)
    public Optional<String> directorName(UUID laId) {
        requireMember(laId);
        return repository.director(laId).map(u -> accounts.find(u).map(OversightUser::displayName).orElse(u));
    }

    private void requireMember(UUID laId) {
        if (!currentUser.canSeeInternal(laId)) {
            throw new AccessDeniedException("A self-evaluation is visible only to the local authority's own users");
        }
    }

    private void requireWriter(UUID laId) {
        if (!currentUser.canEdit(laId)) {
            throw new AccessDeniedException("Only the local authority's managers and staff write its self-evaluation");
        }
    }

    private void requireManager(UUID laId) {
        if (!currentUser.canManage(laId)) {
            throw new AccessDeniedException("Only the local authority's managers do this");
        }
    }

    private boolean councillor(UUID laId) {
        return currentUser.get().filter(u -> u.role() == Role.COUNCILLOR && u.memberOf(laId)).isPresent();
    }

    // ---- reads -----------------------------------------------------------------------------------------------------

    /** The LA's self-evaluations, newest first; councillors see the signed-off ones only. */
    @Transactional(readOnly = true)
    public List<Summary> list(UUID laId) {
        requireMember(laId);
        boolean councillor = councillor(laId);
        return repository.summaries(laId).stream().filter(s -> !councillor || s.status() == Status.SIGNED_OFF).toList();
    }

    /** One self-evaluation; a councillor reads it only once it is signed off. */
    @Transactional(readOnly = true)
    public SelfEvaluation get(UUID laId, int year) {
        requireMember(laId);
        SelfEvaluation se = load(laId, year);
        if (councillor(laId) && !se.signedOff()) {
            throw new NotFoundException("No signed-off self-evaluation for " + year + " yet");
        }
        return se;
    }

    private SelfEvaluation load(UUID laId, int year) {
        SelfEvaluationRepository.Header h = repository.header(laId, year)
                .orElseThrow(() -> new NotFoundException("No self-evaluation for " + year + " in this local authority"));
        LocalAuthority la = localAuthorities.findById(laId).orElseThrow();
        return new SelfEvaluation(h.id(), laId, la.urn(), la.name(), h.year(), h.title(), h.startedFromYear(), h.status(), h.signedOffBy(),
                h.signedOffName(), h.signedOffAt(), h.createdBy(), h.createdAt(), repository.sections(laId, h.id()), repository.history(laId, h.id()));
    }

    private Section section(SelfEvaluation se, Area area) {
        return se.section(area).orElseThrow(() -> new NotFoundException("No section " + area.slug() + " in the self-evaluation for " + se.year()));
    }

    /** The LA's evidence today, by key (the pages offer it beside each section). */
    @Transactional(readOnly = true)
    public Map<String, Evidence> evidence(UUID laId) {
        requireWriter(laId);
        return catalogue.of(laId);
    }

    /** Each citation of the section beside the evidence as it stands today: moved or no longer held. */
    public List<CitationState> citationStates(Section section, Map<String, Evidence> now) {
        return section.citations().stream().map(c -> new CitationState(c, now.get(c.evidenceKey()))).toList();
    }

    @Transactional(readOnly = true)
    public List<Version> versions(UUID laId, int year, Area area) {
        requireWriter(laId);
        return repository.versions(laId, section(load(laId, year), area).id());
    }

    /** The check of the draft: sections not written, claims without evidence, claims the cited figures contradict. */
    @Transactional(readOnly = true)
    public List<DraftCheck.Problem> check(UUID laId, int year) {
        requireMember(laId);
        return check(load(laId, year));
    }

    public static List<DraftCheck.Problem> check(SelfEvaluation se) {
        // A theme's text is read with the area's "what we know" (its claims need evidence as much), against everything the section cites.
        return DraftCheck.check(se.sections().stream().map(s -> new DraftCheck.Section(s.area(),
                java.util.stream.Stream.concat(java.util.stream.Stream.of(s.know()), s.themes().values().stream())
                        .filter(t -> !t.isBlank()).collect(java.util.stream.Collectors.joining("\n")), s.how(), s.plans(),
                s.citations().stream().map(c -> new DraftCheck.Cited(c.label(), c.valueText(), c.rating())).toList())).toList());
    }

    // ---- commands --------------------------------------------------------------------------------------------------

    /**
     * Starts the self-evaluation of {@code year}, one section per judgement area, from the text (and authors) of the
     * self-evaluation of {@code fromYear} when given. Managers only; one per LA and year.
     */
    @Transactional
    public UUID start(UUID laId, int year, Integer fromYear) {
        requireManager(laId);
        if (year < 2018 || year > today().getYear() + 1) {
            throw new InvalidInputException(List.of(FieldProblem.of("year", "selfeval.error.year", today().getYear() + 1)));
        }
        if (repository.header(laId, year).isPresent()) {
            throw new InvalidInputException(List.of(FieldProblem.of("year", "selfeval.error.exists", year)));
        }
        SelfEvaluation from = null;
        if (fromYear != null) {
            from = repository.header(laId, fromYear).map(h -> load(laId, fromYear))
                    .orElseThrow(() -> new InvalidInputException(List.of(FieldProblem.of("fromYear", "selfeval.error.fromYear", fromYear))));
        }
        LocalAuthority la = localAuthorities.findById(laId).orElseThrow();
        Instant now = clock.instant();
        UUID id = repository.insert(laId, year, "Self-evaluation of social work practice " + year + ": " + la.name(), from == null ? null : from.id(),
                currentUser.actor(), now);
        for (Area area : Area.values()) {
            Section old = from == null ? null : from.section(area).orElse(null);
            UUID sectionId = repository.insertSection(laId, id, area, old == null ? "" : old.know(), old == null ? "" : old.how(),
                    old == null ? "" : old.plans(), old == null ? null : old.author());
            if (old != null && old.written()) {
                repository.setThemes(laId, sectionId, old.themes());
                repository.insertVersion(laId, sectionId, 0, old.know(), old.how(), old.plans(), old.themes(), currentUser.actor(), now);
            }
        }
        repository.event(laId, id, from == null ? "Started" : "Started from the self-evaluation of " + from.year(), currentUser.actor(), now);
        return id;
    }

    /** Names the author of a section and its due date. Managers only; the author must be one of the LA's managers or staff. */
    @Transactional
    public void assign(UUID laId, int year, Area area, String author, LocalDate due) {
        requireManager(laId);
        SelfEvaluation se = load(laId, year);
        requireDraft(se);
        Section s = section(se, area);
        String username = author == null || author.isBlank() ? null : author.trim();
        List<FieldProblem> problems = new ArrayList<>();
        if (username != null && accounts.managersAndStaff(laId).stream().noneMatch(m -> m.username().equals(username))) {
            problems.add(FieldProblem.of("author", "selfeval.error.author"));
        }
        if (due != null && due.isBefore(today())) {
            problems.add(FieldProblem.of("dueDate", "selfeval.error.due"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        repository.assign(laId, s.id(), username, due);
        repository.event(laId, se.id(), "Assigned " + area.slug() + " to " + (username == null ? "nobody" : username)
                + (due == null ? "" : ", due " + EvidenceCatalogue.long_(due)), currentUser.actor(), clock.instant());
    }

    /**
     * Saves the three answers of a section if nobody saved it since the editor opened version {@code expectedVersion};
     * otherwise nothing is written and {@link EditConflictException} names who saved it and when. Returns the new version.
     */
    @Transactional
    public int save(UUID laId, int year, Area area, int expectedVersion, String know, String how, String plansText) {
        return save(laId, year, area, expectedVersion, know, how, plansText, null);
    }

    /**
     * Saves the three answers and the theme texts ({@code themes} by theme code; null keeps the themes as they are, a
     * blank text clears one). A code that is not one of the area's themes is refused, naming it.
     */
    @Transactional
    public int save(UUID laId, int year, Area area, int expectedVersion, String know, String how, String plansText, Map<String, String> themes) {
        requireWriter(laId);
        SelfEvaluation se = load(laId, year);
        requireDraft(se);
        Section s = section(se, area);
        List<FieldProblem> problems = new ArrayList<>();
        length("know", know, problems);
        length("how", how, problems);
        length("plans", plansText, problems);
        Map<Theme, String> themeTexts = new java.util.EnumMap<>(Theme.class);
        if (themes == null) {
            themeTexts.putAll(s.themes());
        } else {
            themes.forEach((code, text) -> {
                Optional<Theme> theme = Theme.of(area, code);
                if (theme.isEmpty()) {
                    problems.add(FieldProblem.of("themes", "selfeval.error.themeCode", clip(code == null ? "" : code), area.slug()));
                } else {
                    length("theme-" + theme.get().name(), text, problems);
                    themeTexts.put(theme.get(), clean(text));
                }
            });
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        if (!repository.updateText(laId, s.id(), expectedVersion, clean(know), clean(how), clean(plansText), themeTexts, currentUser.actor(),
                clock.instant())) {
            throw new EditConflictException(FieldProblem.of("version", "selfeval.error.conflict", expectedVersion, s.version(),
                    s.updatedBy() == null ? "someone" : s.updatedBy().equals(currentUser.actor()) ? "you, in another tab or window," : names.name(s.updatedBy()),
                    s.updatedAt() == null ? "" : org.oversight.shared.Dates.format(s.updatedAt())));
        }
        return expectedVersion + 1;
    }

    /**
     * Cites a piece of the LA's evidence in a section, frozen as it stands today. Refused, naming the key, when it is not
     * evidence this LA holds: another LA's, or a figure that no longer exists.
     */
    @Transactional
    public Citation cite(UUID laId, int year, Area area, String evidenceKey) {
        return cite(laId, year, area, evidenceKey, null);
    }

    /** Cites evidence for one of the area's themes ({@code themeCode} blank or null: the area as a whole). */
    @Transactional
    public Citation cite(UUID laId, int year, Area area, String evidenceKey, String themeCode) {
        requireWriter(laId);
        Theme theme = null;
        if (themeCode != null && !themeCode.isBlank()) {
            theme = Theme.of(area, themeCode).orElseThrow(() -> new InvalidInputException(List.of(FieldProblem.of("theme", "selfeval.error.theme"))));
        }
        SelfEvaluation se = load(laId, year);
        requireDraft(se);
        Section s = section(se, area);
        String key = evidenceKey == null ? "" : evidenceKey.trim();
        if (key.isEmpty()) {
            throw new InvalidInputException(List.of(FieldProblem.of("evidenceKey", "selfeval.error.cite.empty")));
        }
        Evidence e = catalogue.find(laId, key).orElseThrow(() -> refusal(laId, key, se.laName()));
        if (repository.cited(s.id(), key)) {
            throw new InvalidInputException(List.of(FieldProblem.of("evidenceKey", "selfeval.error.cite.twice", e.label())));
        }
        Instant now = clock.instant();
        // Frozen with the value: the trend (earlier figures and the move in words) and the comparisons, as they stand today.
        UUID id = repository.insertCitation(laId, s.id(), e.key(), e.kind().name(), e.label(), e.valueText(), e.value(), e.asOf(), e.source(),
                e.rating(), e.trendText(), e.trend(), e.benchmarks(), theme, currentUser.actor(), now);
        return repository.citation(laId, id).orElseThrow();
    }

    private InvalidInputException refusal(UUID laId, String key, String laName) {
        Optional<String> other = catalogue.ownerOfInspectionEvidence(key).filter(name -> !name.equals(laName));
        if (other.isPresent()) {
            return new InvalidInputException(List.of(FieldProblem.of("evidenceKey", "selfeval.error.cite.otherLa", clip(key), other.get(), laName)));
        }
        return new InvalidInputException(List.of(FieldProblem.of("evidenceKey", "selfeval.error.cite.unknown", clip(key), laName)));
    }

    /** Withdraws a citation from a draft (the frozen row is kept). */
    @Transactional
    public void withdraw(UUID laId, int year, Area area, UUID citationId) {
        requireWriter(laId);
        SelfEvaluation se = load(laId, year);
        requireDraft(se);
        if (repository.withdrawCitation(laId, section(se, area).id(), citationId, currentUser.actor(), clock.instant()) == 0) {
            throw new NotFoundException("No citation " + citationId + " in this section");
        }
    }

    @Transactional
    public void comment(UUID laId, int year, Area area, String body) {
        requireWriter(laId);
        SelfEvaluation se = load(laId, year);
        String text = clean(body);
        if (text.isEmpty() || text.length() > MAX_COMMENT) {
            throw new InvalidInputException(List.of(FieldProblem.of("comment", "selfeval.error.comment", MAX_COMMENT)));
        }
        repository.insertComment(laId, section(se, area).id(), text, currentUser.actor(), clock.instant());
    }

    /**
     * Signs the self-evaluation off: only the LA's director of children's services may, and only when every section
     * is written. After that it no longer changes; councillors can read it and it can be shared with Ofsted.
     */
    @Transactional
    public void signOff(UUID laId, int year) {
        requireMember(laId);
        SelfEvaluation se = load(laId, year);
        if (!isDirector(laId)) {
            String director = repository.director(laId).map(u -> accounts.find(u).map(OversightUser::displayName).orElse(u))
                    .orElse("nobody yet: an administrator designates the director");
            throw new AccessDeniedException("Only " + se.laName() + "'s director of children's services (" + director
                    + ") signs the self-evaluation off");
        }
        requireDraft(se);
        List<String> unwritten = se.sections().stream().filter(s -> !s.written()).map(s -> s.area().slug()).toList();
        if (!unwritten.isEmpty()) {
            throw new InvalidInputException(List.of(FieldProblem.of("signOff", "selfeval.error.unwritten", String.join(", ", unwritten))));
        }
        OversightUser me = currentUser.get().orElseThrow();
        Instant now = clock.instant();
        if (!repository.signOff(laId, se.id(), me.username(), me.displayName(), now)) {
            throw new EditConflictException(FieldProblem.of("signOff", "selfeval.error.signedOff"));
        }
        repository.event(laId, se.id(), "Signed off by " + me.displayName(), me.username(), now);
    }

    /** Designates the LA's director of children's services (an LA manager account). Administrators only. */
    @Transactional
    public void designateDirector(UUID laId, String username) {
        if (currentUser.get().filter(u -> u.role() == Role.ADMIN).isEmpty()) {
            throw new AccessDeniedException("Only an administrator designates the director of children's services");
        }
        String name = username == null ? "" : username.trim();
        if (accounts.managersAndStaff(laId).stream().noneMatch(m -> m.username().equals(name) && m.manager())) {
            throw new InvalidInputException(List.of(FieldProblem.of("username", "selfeval.error.director")));
        }
        repository.designateDirector(laId, name, currentUser.actor(), clock.instant());
    }

    // ---- sharing with Ofsted ---------------------------------------------------------------------------------------

    public List<InspectorGrants.Inspector> inspectors() {
        return grants.inspectors();
    }

    @Transactional(readOnly = true)
    public List<Share> shares(UUID laId, int year) {
        requireManager(laId);
        return repository.shares(laId, load(laId, year).id());
    }

    /** Shares the signed-off self-evaluation read-only with a named inspector until {@code expiresOn}. Managers only; logged. */
    @Transactional
    public UUID share(UUID laId, int year, String inspector, LocalDate expiresOn) {
        requireManager(laId);
        SelfEvaluation se = load(laId, year);
        List<FieldProblem> problems = new ArrayList<>();
        if (!se.signedOff()) {
            problems.add(FieldProblem.of("inspector", "selfeval.error.share.draft"));
        }
        String name = inspector == null ? "" : inspector.trim();
        if (grants.inspectors().stream().noneMatch(i -> i.username().equals(name))) {
            problems.add(FieldProblem.of("inspector", "selfeval.error.share.inspector"));
        }
        if (expiresOn == null || expiresOn.isBefore(today()) || expiresOn.isAfter(today().plusDays(MAX_SHARE_DAYS))) {
            problems.add(FieldProblem.of("expiresOn", "selfeval.error.share.expires", MAX_SHARE_DAYS));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Instant now = clock.instant();
        UUID id = repository.insertShare(laId, se.id(), name, currentUser.actor(), now, expiresOn);
        repository.event(laId, se.id(), "Shared read-only with the inspector " + name + " until " + EvidenceCatalogue.long_(expiresOn),
                currentUser.actor(), now);
        return id;
    }

    @Transactional
    public void revokeShare(UUID laId, int year, UUID shareId) {
        requireManager(laId);
        SelfEvaluation se = load(laId, year);
        Instant now = clock.instant();
        if (repository.revokeShare(laId, shareId, currentUser.actor(), now) == 0) {
            throw new NotFoundException("No share in force has the id " + shareId);
        }
        repository.event(laId, se.id(), "Share ended", currentUser.actor(), now);
    }

    /**
     * The signed-off self-evaluation as a named inspector reads it: only with a share of it in force for them, read in
     * that LA's scope alone, and the read logged in its history. Anyone else gets nothing.
     */
    public SelfEvaluation readShared(int urn, int year, String what) {
        OversightUser me = currentUser.get().filter(u -> u.role() == Role.INSPECTOR)
                .orElseThrow(() -> new AccessDeniedException("Shared self-evaluations are read by the Ofsted inspector they are shared with"));
        LocalAuthority la = localAuthority(urn);
        SelfEvaluation se = TenantScope.asLa(la.id(), () -> transactions.execute(tx -> {
            Optional<SelfEvaluationRepository.Header> h = repository.header(la.id(), year);
            if (h.isEmpty() || h.get().status() != Status.SIGNED_OFF || !repository.sharedWith(la.id(), h.get().id(), me.username(), today())) {
                return null;
            }
            repository.event(la.id(), h.get().id(), "Read by the inspector " + me.displayName() + " (" + what + ")", me.username(), clock.instant());
            return load(la.id(), year);
        }));
        if (se == null) {
            throw new AccessDeniedException("This self-evaluation is not shared with you, or the share has ended");
        }
        return se;
    }

    /** The self-evaluations shared with the signed-in inspector and in force, across LAs (for their list). */
    public boolean isInspector() {
        return currentUser.get().filter(u -> u.role() == Role.INSPECTOR).isPresent();
    }

    // ---- the annual engagement meeting -----------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public Optional<Meeting> meeting(UUID laId, int year) {
        requireMember(laId);
        return repository.meeting(laId, load(laId, year).id());
    }

    /** What a manager records of the engagement meeting. */
    public record MeetingInput(LocalDate date, String attendees, String kloes, String notes, String nextSteps, List<String> newActions,
                               Integer expectedVersion) {
    }

    /**
     * Records (or updates) the engagement meeting of the year's self-evaluation; the first time, it becomes an annual
     * engagement meeting activity on the LA's single record. New agreed actions are added to its list. Managers only.
     */
    @Transactional
    public UUID saveMeeting(UUID laId, int year, MeetingInput in) {
        requireManager(laId);
        SelfEvaluation se = load(laId, year);
        List<FieldProblem> problems = new ArrayList<>();
        if (in.date() == null) {
            problems.add(FieldProblem.of("date", "selfeval.error.meeting.date"));
        }
        for (String field : List.of("attendees", "kloes", "notes", "nextSteps")) {
            String v = switch (field) {
                case "attendees" -> in.attendees();
                case "kloes" -> in.kloes();
                case "notes" -> in.notes();
                default -> in.nextSteps();
            };
            length(field, v, problems);
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Instant now = clock.instant();
        Optional<Meeting> existing = repository.meeting(laId, se.id());
        UUID id;
        if (existing.isEmpty()) {
            UUID activityId = inspections.create(se.laUrn(), new ActivityCommand(ActivityType.ANNUAL_ENGAGEMENT_MEETING, null, List.of(), null,
                    List.of(new OnSiteRange(in.date(), in.date())), null, null, null, null,
                    "Annual engagement meeting with Ofsted; self-evaluation " + year, Map.of()));
            id = repository.insertMeeting(laId, se.id(), activityId, in.date(), clean(in.attendees()), clean(in.kloes()), clean(in.notes()),
                    clean(in.nextSteps()), currentUser.actor(), now);
            repository.event(laId, se.id(), "Engagement meeting of " + EvidenceCatalogue.long_(in.date()) + " recorded", currentUser.actor(), now);
        } else {
            Meeting m = existing.get();
            int expected = in.expectedVersion() == null ? m.version() : in.expectedVersion();
            if (!repository.updateMeeting(laId, m.id(), expected, in.date(), clean(in.attendees()), clean(in.kloes()), clean(in.notes()),
                    clean(in.nextSteps()), currentUser.actor(), now)) {
                throw new EditConflictException(FieldProblem.of("version", "selfeval.error.meeting.conflict"));
            }
            id = m.id();
        }
        for (String action : in.newActions() == null ? List.<String>of() : in.newActions()) {
            String text = clean(action);
            if (!text.isEmpty()) {
                if (text.length() > 1000) {
                    throw new InvalidInputException(List.of(FieldProblem.of("actions", "selfeval.error.action")));
                }
                repository.insertAgreedAction(laId, id, text, currentUser.actor(), now);
            }
        }
        return id;
    }

    /** Makes an agreed action an item of one of the LA's improvement plans, linked both ways. Managers only. */
    @Transactional
    public UUID actionToPlan(UUID laId, int year, UUID actionId, UUID planId) {
        requireManager(laId);
        SelfEvaluation se = load(laId, year);
        Meeting m = repository.meeting(laId, se.id()).orElseThrow(() -> new NotFoundException("No engagement meeting is recorded for " + year));
        AgreedAction action = m.actions().stream().filter(a -> a.id().equals(actionId)).findFirst()
                .orElseThrow(() -> new NotFoundException("No agreed action " + actionId + " at this meeting"));
        if (action.planItemId() != null) {
            throw new InvalidInputException(List.of(FieldProblem.of("planId", "selfeval.error.action.linked")));
        }
        if (planId == null) {
            throw new InvalidInputException(List.of(FieldProblem.of("planId", "selfeval.error.action.plan")));
        }
        UUID item = plans.addItemFromSource(laId, planId, action.text(),
                "Agreed at the annual engagement meeting on " + EvidenceCatalogue.long_(m.date()),
                "/local-authorities/" + se.laUrn() + "/self-evaluations/" + year + "/meeting");
        repository.linkAgreedAction(laId, actionId, planId, item);
        repository.event(laId, se.id(), "Agreed action " + action.ordinal() + " became a plan item", currentUser.actor(), clock.instant());
        return item;
    }

    @Transactional(readOnly = true)
    public List<PlanService.PlanChoice> planChoices(UUID laId) {
        requireManager(laId);
        return plans.choicesOf(laId);
    }

    /** The self-evaluation year linked to an engagement meeting activity, for the single record. */
    @Transactional(readOnly = true)
    public Optional<Integer> yearOfActivity(UUID laId, UUID activityId) {
        if (!currentUser.canSeeInternal(laId)) {
            return Optional.empty();
        }
        return repository.selfEvaluationOfActivity(activityId).flatMap(id -> repository.summaries(laId).stream()
                .filter(s -> s.id().equals(id)).map(Summary::year).findFirst());
    }

    @Transactional(readOnly = true)
    public List<UserAccounts.Member> people(UUID laId) {
        requireManager(laId);
        return accounts.managersAndStaff(laId);
    }

    // ---- helpers ---------------------------------------------------------------------------------------------------

    private static void requireDraft(SelfEvaluation se) {
        if (se.signedOff()) {
            throw new EditConflictException(FieldProblem.of("status", "selfeval.error.signedOff"));
        }
    }

    private static void length(String field, String text, List<FieldProblem> problems) {
        if (text != null && text.length() > MAX_TEXT) {
            problems.add(FieldProblem.of(field, "selfeval.error.length", MAX_TEXT));
        }
    }

    private static String clean(String s) {
        return s == null ? "" : s.replace("\r\n", "\n").strip();
    }

    private static String clip(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }
}
