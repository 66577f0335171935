package org.oversight.selfeval.demo;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.oversight.selfeval.Area;
import org.oversight.selfeval.Evidence;
import org.oversight.selfeval.Trend;
import org.oversight.selfeval.Rating;
import org.oversight.selfeval.persistence.SelfEvaluationRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.MessageSource;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo data: City of London's director of children's services ({@code col.director}) named as the one who signs off,
 * and its signed-off self-evaluation of 2025, written from the findings of its 2018 focused visit on care leavers and
 * its 2020 inspection (seeds 000 and 002), so this year's can be started from it. Runs once (nothing is added when City
 * of London has any self-evaluation).
 */
@Component
@Order(60)
class DemoSelfEvaluation implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoSelfEvaluation.class);
    static final int CITY_OF_LONDON = 80450;
    static final int LAST_YEAR = 2025;

    private final SelfEvaluationRepository repository;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final boolean enabled;
    private final MessageSource messages;

    DemoSelfEvaluation(SelfEvaluationRepository repository, JdbcClient jdbc, TransactionTemplate tx, MessageSource messages,
                       @Value("${oversight.demo.enabled:true}") boolean enabled) {
        this.messages = messages;
        this.repository = repository;
        this.jdbc = jdbc;
        this.tx = tx;
        this.enabled = enabled;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled) {
            return;
        }
        Optional<UUID> la = jdbc.sql("SELECT id FROM local_authority WHERE urn = ?").param(CITY_OF_LONDON).query(UUID.class).optional();
        if (la.isEmpty()) {
            return;
        }
        tx.executeWithoutResult(status -> load(la.get()));
    }

    private void load(UUID la) {
        boolean director = jdbc.sql("SELECT count(*) FROM app_user WHERE username = 'col.director'").query(Integer.class).single() > 0;
        if (director && repository.director(la).isEmpty()) {
            repository.designateDirector(la, "col.director", "demo", Instant.parse("2025-09-01T09:00:00Z"));
        }
        if (!repository.summaries(la).isEmpty()) {
            return;
        }
        Instant written = Instant.parse("2025-10-06T10:00:00Z");
        UUID se = repository.insert(la, LAST_YEAR, "Self-evaluation of social work practice " + LAST_YEAR + ": City of London", null, "col.manager",
                Instant.parse("2025-09-15T09:00:00Z"));
        section(la, se, Area.LEADERS, "col.director", written,
                "Leaders know their services well. The Safeguarding Sub Committee and the Service Improvement Board oversee one improvement plan, "
                        + "built from the findings of the 2018 focused visit and the 2020 inspection, and progress is reported to members each quarter.\n"
                        + "Supervision is regular but not yet consistently reflective and analytical, which inspectors also found.",
                "Monthly performance reports, quarterly case audits moderated by the head of quality and performance, and what care leavers tell "
                        + "us through their portal.",
                "Complete the systemic practice programme for every qualified social worker; audit supervision records each quarter.");
        section(la, se, Area.HELP_AND_PROTECTION, "col.manager", written,
                "Children who need help and protection are seen quickly and their needs are understood. Step-downs to early help are not yet "
                        + "always recorded with management oversight.",
                "Case audits of help and protection, and the step-down measure of the improvement plan.",
                "Record management oversight on every step-down decision; re-audit in the spring.");
        UUID inCare = section(la, se, Area.IN_CARE, "col.staff", written,
                "Children in care live in stable homes and most are reviewed on time. Health assessments are sometimes late when children live "
                        + "outside London.",
                "Timescale compliance from our SSDA903 return and Annex A, and the children in care audit.",
                "Agree health assessment arrangements with the health partners of the authorities where our children live.");
        UUID leavers = section(la, se, Area.CARE_LEAVERS, "col.manager", written,
                "Care leavers benefit from a strong service: skilled, determined workers stay in touch, and every care leaver is in suitable "
                        + "accommodation. Young people’s involvement in their pathway plans is not yet explicit and consistent.",
                "We are in touch with almost every care leaver (the keeping-in-touch figure), pathway plan reviews are measured against their "
                        + "timescale, and care leavers rate our service in their portal.",
                "Co-produce pathway plans with every care leaver; show their words in the plan.");
        // As cited in October 2025, each with the two years before (the demo's figures, invented for the example).
        cite(la, inCare, "compliance:REVIEWS_ON_TIME", "Children in care with every review on time", "86.0", Rating.AMBER, "col.staff", written, "82.0", "79.0");
        cite(la, leavers, "compliance:CARE_LEAVERS_IN_TOUCH", "Care leavers the local authority is in touch with", "94.0", Rating.GREEN,
                "col.manager", written, "95.0", "91.0");
        cite(la, leavers, "compliance:PATHWAY_REVIEWS_ON_TIME", "Care leavers whose pathway plan was reviewed on time", "91.0", Rating.GREEN,
                "col.manager", written, "84.0", "80.0");
        Instant signed = Instant.parse("2025-10-15T14:00:00Z");
        repository.signOff(la, se, "col.director", "Helen Carter (City of London, director of children's services)", signed);
        repository.event(la, se, "Started", "col.manager", Instant.parse("2025-09-15T09:00:00Z"));
        repository.event(la, se, "Signed off by Helen Carter (City of London, director of children's services)", "col.director", signed);
        log.info("Demo: City of London's signed-off self-evaluation of {} loaded (start this year's from it)", LAST_YEAR);
    }

    private void cite(UUID la, UUID section, String key, String label, String value, Rating rating, String by, Instant at,
                      String yearBefore, String twoYearsBefore) {
        LocalDate asOf = LocalDate.of(2025, 3, 31);
        List<Trend.Point> trend = List.of(new Trend.Point(asOf.minusYears(1), new BigDecimal(yearBefore)),
                new Trend.Point(asOf.minusYears(2), new BigDecimal(twoYearsBefore)));
        String words = Trend.of(new BigDecimal(value), trend, true).orElseThrow().words(messages, "selfeval.trend.points");
        String notHeld = messages.getMessage("selfeval.benchmark.notHeld", null, Locale.UK);
        repository.insertCitation(la, section, key, "COMPLIANCE", label, value + "%", new BigDecimal(value), asOf,
                "Statutory timescale compliance from the SSDA903 return and Annex A", rating, words, trend,
                List.of(new Evidence.Benchmark(messages.getMessage("selfeval.benchmark.neighbours", null, Locale.UK), notHeld),
                        new Evidence.Benchmark(messages.getMessage("selfeval.benchmark.england", null, Locale.UK), notHeld)), null, by, at);
    }

    private UUID section(UUID la, UUID se, Area area, String author, Instant at, String know, String how, String plans) {
        UUID id = repository.insertSection(la, se, area, know, how, plans, author);
        jdbc.sql("UPDATE self_evaluation_section SET version = 1, updated_by = ?, updated_at = ? WHERE id = ?")
                .params(author, java.sql.Timestamp.from(at), id).update();
        repository.insertVersion(la, id, 1, know, how, plans, author, at);
        return id;
    }
}
