package org.oversight.inspection.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.oversight.inspection.domain.ActivityCommand;
import org.oversight.inspection.domain.ActivityType;
import org.oversight.inspection.domain.FindingKind;
import org.oversight.inspection.domain.Grade;
import org.oversight.inspection.domain.JudgementArea;
import org.oversight.inspection.domain.OnSiteRange;
import org.oversight.inspection.persistence.ActivityRepository;
import org.oversight.register.LocalAuthorities;
import org.oversight.register.LocalAuthority;
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
 * The activities of the seed documents, present from first start: City of London's care-leaver focused visit
 * (October 2018, seeds 000, 001, 003), its March 2020 short inspection (seed 002 and the published report), and
 * Southwark's children-in-care focused visit of 15–16 January 2019 (seed 004). Added once each; never duplicated.
 */
@Component
@Order(30)
class DemoActivities implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoActivities.class);
    private static final String ACTOR = "demo-data";

    private final LocalAuthorities localAuthorities;
    private final ActivityRepository activities;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final boolean enabled;

    DemoActivities(LocalAuthorities localAuthorities, ActivityRepository activities, JdbcClient jdbc, TransactionTemplate tx,
                   Clock clock, @Value("${oversight.demo.enabled:true}") boolean enabled) {
        this.localAuthorities = localAuthorities;
        this.activities = activities;
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
        this.enabled = enabled;
    }

    record Seed(int urn, ActivityCommand command, Map<FindingKind, List<String>> findings) {
    }

    static final List<Seed> SEEDS = List.of(
            new Seed(80450, new ActivityCommand(ActivityType.FOCUSED_VISIT, "Care leavers", List.of(),
                    LocalDate.of(2018, 10, 17), List.of(new OnSiteRange(LocalDate.of(2018, 10, 24), LocalDate.of(2018, 10, 24))),
                    LocalDate.of(2018, 10, 25), LocalDate.of(2018, 11, 16), "Andy Whippey",
                    "Andy Whippey HMI; Kate Malleson HMI",
                    "Care leavers in the City of London benefit from a strong service that ensures that they are very well "
                            + "supported. They receive effective help which enables most to achieve good outcomes.",
                    Map.of()),
                    Map.of(FindingKind.AREA_FOR_IMPROVEMENT, List.of(
                                    "Risk assessments to more clearly articulate measures to address and minimise risk.",
                                    "The more explicit and consistent demonstration of young people's involvement in preparing their pathway plans.",
                                    "The supervision of social workers to consistently demonstrate reflective, analytical supervision and clear management oversight."),
                            FindingKind.STRENGTH, List.of(
                                    "Skilled, determined social workers are persistent in engaging effectively with care leavers.",
                                    "The accommodation needs of young people are being met effectively and all are in suitable accommodation.",
                                    "The emotional and physical health needs of care leavers are well considered and well met.",
                                    "Senior leaders and managers are making efforts to ensure that care leavers' views and experiences are being used to help inform service improvements."))),
            new Seed(80450, new ActivityCommand(ActivityType.SHORT_INSPECTION, null, List.of(), null,
                    List.of(new OnSiteRange(LocalDate.of(2020, 3, 2), LocalDate.of(2020, 3, 6))), null, LocalDate.of(2020, 4, 6),
                    "Matt Reed", "Matt Reed HMI",
                    "Children's services in the City of London are outstanding. Children benefit from a strong and highly "
                            + "effective social work service which has continued to significantly improve since the previous inspection.",
                    Map.of(JudgementArea.LEADERS, Grade.OUTSTANDING, JudgementArea.HELP_AND_PROTECTION, Grade.GOOD,
                            JudgementArea.IN_CARE, Grade.OUTSTANDING, JudgementArea.OVERALL, Grade.OUTSTANDING)),
                    Map.of(FindingKind.RECOMMENDATION, List.of(
                            "The management overview of families stepped down to early help to ensure that families receive help within a timescale that is right for them.",
                            "The recording of management decision-making at all stages of a child's journey."))),
            new Seed(80514, new ActivityCommand(ActivityType.FOCUSED_VISIT, "Children in care", List.of(), null,
                    List.of(new OnSiteRange(LocalDate.of(2019, 1, 15), LocalDate.of(2019, 1, 16))), null, LocalDate.of(2019, 2, 14),
                    null, null,
                    "Children in care in Southwark receive effective support that helps many of them to achieve good outcomes. "
                            + "Publication date recorded as the date of the council's report that appended the letter (seed 004); "
                            + "the letter's own date is not in the seed documents.",
                    Map.of()),
                    Map.of(FindingKind.AREA_FOR_IMPROVEMENT, List.of(
                                    "The quality and timeliness of permanence planning, particularly for children in foster care.",
                                    "The recording of management oversight of casework, to underpin the strengths that social workers, IROs and managers described."),
                            FindingKind.STRENGTH, List.of(
                                    "The access to resources team has made a real and visible difference to the experience, outcomes and stability of children in care.",
                                    "Protective and diversionary work on children missing and at risk of child sexual exploitation is clearly present and effective."))));

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled) {
            return;
        }
        int added = 0;
        for (Seed seed : SEEDS) {
            Boolean inserted = tx.execute(status -> addIfMissing(seed));
            if (Boolean.TRUE.equals(inserted)) {
                added++;
            }
        }
        if (added > 0) {
            log.info("Added {} demo inspection activities from the seed documents", added);
        }
    }

    private boolean addIfMissing(Seed seed) {
        LocalAuthority la = localAuthorities.findByUrn(seed.urn()).orElse(null);
        if (la == null) {
            log.warn("Demo data skipped: no LA with URN {} in the register", seed.urn());
            return false;
        }
        LocalDate start = seed.command().onSite().getFirst().start();
        boolean exists = jdbc.sql("""
                SELECT count(*) FROM inspection_activity a JOIN on_site_range r ON r.activity_id = a.id AND r.ordinal = 0
                 WHERE a.la_id = ? AND a.type = ? AND r.start_date = ?
                """).params(la.id(), seed.command().type().name(), start).query(Integer.class).single() > 0;
        if (exists) {
            return false;
        }
        UUID id = activities.insert(la.id(), seed.command(), "DEMO", ACTOR, clock.instant());
        seed.findings().forEach((kind, texts) -> texts.forEach(text -> activities.insertFinding(id, kind, text, null, ACTOR)));
        activities.recordHistory(id, la.id(), "CREATED", "Added from the seed documents", ACTOR, clock.instant());
        return true;
    }
}
