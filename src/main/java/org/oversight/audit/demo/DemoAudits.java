package org.oversight.audit.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.oversight.access.ActingAs;
import org.oversight.audit.AuditService;
import org.oversight.audit.AuditTemplates;
import org.oversight.audit.AuditViews;
import org.oversight.audit.domain.AuditGrade;
import org.oversight.audit.domain.AuditTemplate;
import org.oversight.audit.domain.Question;
import org.oversight.register.LocalAuthorities;
import org.oversight.register.LocalAuthority;
import org.oversight.shared.db.TenantScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo case audits: City of London gets a programme of each shipped form (care leavers, children in care, help and
 * protection) for each of the last three complete quarters, sampled from its demo children, completed and submitted by
 * its demo auditors ({@code col.staff}, {@code col.manager}) and partly moderated by its director, all through
 * {@link AuditService} with the checks a user meets. The grades per theme follow {@link DemoGrades}, so that the
 * roll-up and the self-evaluation have findings with a trend. Runs after the demo child data and the shipped forms,
 * once: nothing is added when the LA has any audit programme, or has no child-level data to sample from.
 * Pseudonymous, generated and deterministic (seeded).
 */
@Component
@Order(65)
public class DemoAudits implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoAudits.class);
    static final int CITY_OF_LONDON = 80450;
    static final long SEED = 2026;
    /** A shipped form audited each quarter and the children it samples. */
    record Form(String family, String rule) {
    }

    static final List<Form> FORMS = List.of(new Form("care-leavers", "ALL_CARE_LEAVERS"),
            new Form("children-in-care", "ALL_CHILDREN_IN_CARE"), new Form("help-and-protection", "CHILDREN_IN_NEED"));

    private final AuditService audits;
    private final AuditTemplates templates;
    private final LocalAuthorities localAuthorities;
    private final ActingAs acting;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final boolean enabled;
    private final int sampleSize;

    DemoAudits(AuditService audits, AuditTemplates templates, LocalAuthorities localAuthorities, ActingAs acting, JdbcClient jdbc,
               TransactionTemplate tx, Clock clock, @Value("${oversight.demo.enabled:true}") boolean demo,
               @Value("${oversight.demo.child-data:true}") boolean childData, @Value("${oversight.demo.evidence:true}") boolean evidence,
               @Value("${oversight.selfeval.trend.fewest-items:5}") int fewestItems) {
        this.audits = audits;
        this.templates = templates;
        this.localAuthorities = localAuthorities;
        this.acting = acting;
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
        this.enabled = demo && childData && evidence;
        // One more than the self-evaluation needs for a quarter's figure, and never fewer than six.
        this.sampleSize = Math.max(6, fewestItems + 1);
    }

    @Override
    public void run(ApplicationArguments args) {
        if (enabled && !args.containsOption("oversight.cli")) {
            loadIfMissing(CITY_OF_LONDON);
        }
    }

    /** The three complete quarters before today's, oldest first, each as its first and last day. */
    static List<LocalDate[]> lastQuarters(LocalDate today) {
        LocalDate thisQuarter = LocalDate.of(today.getYear(), (today.getMonthValue() - 1) / 3 * 3 + 1, 1);
        List<LocalDate[]> out = new ArrayList<>();
        for (int back = DemoGrades.QUARTERS; back >= 1; back--) {
            LocalDate start = thisQuarter.minusMonths(3L * back);
            out.add(new LocalDate[] {start, start.plusMonths(3).minusDays(1)});
        }
        return out;
    }

    /** The LA's accounts the demo acts as: the manager who runs the programmes, the two auditors and the moderator. */
    public record People(String manager, String staff, String director) {

        List<String> auditors() {
            return List.of(staff, manager);
        }
    }

    public static final People CITY_OF_LONDON_PEOPLE = new People("col.manager", "col.staff", "col.director");

    /** City of London's demo audits, unless it has any: see {@link #loadIfMissing(int, People)}. */
    public int loadIfMissing(int urn) {
        return loadIfMissing(urn, CITY_OF_LONDON_PEOPLE);
    }

    /**
     * Adds the LA's demo audits unless it has an audit programme already, the accounts are missing, or it has no
     * child-level data; all or nothing. Returns how many audits were submitted (0 when nothing was added).
     */
    public int loadIfMissing(int urn, People people) {
        LocalAuthority la = localAuthorities.findByUrn(urn).orElse(null);
        if (la == null) {
            return 0;
        }
        boolean present = TenantScope.asSystem(() -> jdbc.sql("SELECT count(*) FROM audit_programme WHERE la_id = ?")
                .param(la.id()).query(Integer.class).single() > 0);
        if (present) {
            log.debug("Demo audits of {} skipped: it has audit programmes", la.name());
            return 0;
        }
        List<UUID> programmes = load(la, people);
        int submitted = TenantScope.asSystem(() -> programmes.isEmpty() ? 0 : jdbc.sql("SELECT count(*) FROM case_audit WHERE programme_id = ANY(?)")
                .param(programmes.toArray(UUID[]::new)).query(Integer.class).single());
        if (!programmes.isEmpty()) {
            log.info("Demo case audits of {} loaded: {} programmes, {} audits submitted over the last {} quarters (synthetic, seed {})",
                    la.name(), programmes.size(), submitted, DemoGrades.QUARTERS, SEED);
        }
        return submitted;
    }

    /**
     * Adds the demo programmes whatever the LA has already (for a test that needs them beside other tests' audits), all
     * or nothing; none when the accounts are missing or the LA has no child-level data. Returns the programmes' ids.
     */
    public List<UUID> load(int urn, People people) {
        return localAuthorities.findByUrn(urn).map(la -> load(la, people)).orElse(List.of());
    }

    private List<UUID> load(LocalAuthority la, People people) {
        int accounts = TenantScope.asSystem(() -> jdbc.sql("""
                SELECT count(*) FROM app_user u WHERE u.la_id = ? AND u.enabled
                   AND ((u.username IN (?, ?) AND u.role = 'LA_MANAGER') OR (u.username = ? AND u.role IN ('LA_MANAGER', 'LA_STAFF')))""")
                .params(la.id(), people.manager(), people.director(), people.staff()).query(Integer.class).single());
        if (accounts < 3) {
            log.info("Demo audits of {} skipped: its demo accounts are missing", la.name());
            return List.of();
        }
        boolean data = acting.as(people.manager(), () -> audits.hasChildData(la.id()));
        if (!data) {
            log.info("Demo audits of {} skipped: no child-level data to sample from", la.name());
            return List.of();
        }
        List<String> kinds = TenantScope.asSystem(() -> jdbc.sql("SELECT DISTINCT kind FROM import_snapshot WHERE la_id = ? AND superseded_at IS NULL")
                .param(la.id()).query(String.class).list());
        // One transaction, begun as the LA's manager so that its connection is in the LA's scope throughout.
        return acting.as(people.manager(), () -> tx.execute(status -> programmes(la, people, kinds)));
    }

    private List<UUID> programmes(LocalAuthority la, People people, List<String> kinds) {
        List<UUID> out = new ArrayList<>();
        List<LocalDate[]> quarters = lastQuarters(LocalDate.now(clock));
        Random random = new Random(SEED);
        for (int f = 0; f < FORMS.size(); f++) {
            Form form = FORMS.get(f);
            boolean journey = form.family().equals("help-and-protection");
            if (journey ? kinds.stream().noneMatch(k -> k.equals("SSD") || k.equals("CIN_CENSUS")) : !kinds.contains("SSDA903")) {
                continue; // nobody to sample for this form
            }
            AuditTemplate template = templates.latest().stream().filter(t -> t.family().equals(form.family())).findFirst().orElse(null);
            if (template == null) {
                continue;
            }
            for (int q = 0; q < quarters.size(); q++) {
                LocalDate start = quarters.get(q)[0];
                LocalDate end = quarters.get(q)[1];
                String title = template.name() + ": quarter to " + end.format(DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK));
                long seed = SEED + 100L * q + f;
                UUID programme = acting.as(people.manager(), () -> audits.createProgramme(la.id(), new AuditService.NewProgramme(title,
                        template.id(), start, end, people.auditors(), List.of(people.director()), form.rule(), "RANDOM", sampleSize, seed)));
                complete(la, people, programme, template, q, (q + f) % 2 == 1, random);
                out.add(programme);
            }
        }
        return out;
    }

    /**
     * Each audit answered and submitted by its auditor; the first two moderated by the director, the second graded one
     * lower by the moderator when {@code disagree}.
     */
    private void complete(LocalAuthority la, People people, UUID programmeId, AuditTemplate template, int quarter, boolean disagree, Random random) {
        AuditViews.Programme programme = acting.as(people.manager(), () -> audits.programme(la.id(), programmeId));
        List<AuditViews.CaseRow> cases = programme.audits();
        Map<String, List<AuditGrade>> byQuestion = new LinkedHashMap<>();
        for (Question question : template.questions()) {
            byQuestion.put(question.id(), DemoGrades.grades(question.theme(), quarter, cases.size(), random));
        }
        for (int i = 0; i < cases.size(); i++) {
            AuditViews.CaseRow c = cases.get(i);
            Map<String, String> grades = new LinkedHashMap<>();
            Map<String, String> evidence = new LinkedHashMap<>();
            List<AuditGrade> mine = new ArrayList<>();
            for (Question question : template.questions()) {
                AuditGrade g = byQuestion.get(question.id()).get(i);
                mine.add(g);
                grades.put(question.id(), g.name());
                evidence.put(question.id(), DemoGrades.evidence(question.theme(), g, random));
            }
            AuditGrade overall = DemoGrades.overall(mine);
            AuditService.Answers answers = new AuditService.Answers(grades, evidence, overall.name(), DemoGrades.summary(overall, random));
            acting.as(c.auditor(), () -> audits.saveAnswers(la.id(), programmeId, c.id(), answers, true));
            if (i < 2) {
                AuditGrade moderator = i == 1 && disagree ? DemoGrades.oneLower(overall) : overall;
                String reason = moderator == overall ? "Agreed with the auditor: the record supports the grade."
                        : "The plan's actions have no timescales, so the record does not yet show the impact the auditor describes.";
                acting.as(people.director(), () -> audits.moderate(la.id(), programmeId, c.id(), moderator.name(), moderator.name(), reason));
            }
        }
    }

}
