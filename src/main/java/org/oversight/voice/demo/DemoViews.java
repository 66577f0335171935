package org.oversight.voice.demo;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.oversight.access.ActingAs;
import org.oversight.compliance.ChildSummaries;
import org.oversight.compliance.ChildSummaries.ChildSummary;
import org.oversight.compliance.ChildSummaries.Cohort;
import org.oversight.register.LocalAuthorities;
import org.oversight.register.LocalAuthority;
import org.oversight.shared.db.TenantScope;
import org.oversight.voice.FeedbackTheme;
import org.oversight.voice.VoiceService;
import org.oversight.voice.VoiceSignIn;
import org.oversight.voice.YoungPersonPrincipal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Demo young people's views: nine of City of London's demo care leavers and children in care aged 11 or over (never
 * the demo's "Jay", whose invitation code is printed for a person to try) are invited by their social worker
 * ({@code col.staff}) and sign up to the portal, and over each of the last three complete quarters seven of them rate
 * the four themes, as {@link DemoRatings} sets out, some with a comment: all through {@link VoiceService} and
 * {@link VoiceSignIn} with the checks a young person meets. Their passwords are random and never shown: nobody signs
 * in as them. Runs once (nothing is added when the LA has any rating), after the demo child data and {@link VoiceDemo}.
 * Pseudonymous, generated and deterministic (seeded) but for those passwords.
 */
@Component
@Order(66)
public class DemoViews implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoViews.class);
    static final int CITY_OF_LONDON = 80450;
    static final long SEED = 2026;
    static final String WORKER = "col.staff";
    /** The demo young people's first names (invented). */
    static final List<String> NAMES = List.of("Amara", "Ben", "Chloe", "Dev", "Ella", "Femi", "Grace", "Harun", "Isla");

    private final ChildSummaries children;
    private final LocalAuthorities localAuthorities;
    private final VoiceService voice;
    private final VoiceSignIn signIn;
    private final ActingAs acting;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final boolean enabled;
    private final SecureRandom secrets = new SecureRandom();

    DemoViews(ChildSummaries children, LocalAuthorities localAuthorities, VoiceService voice, VoiceSignIn signIn, ActingAs acting,
              JdbcClient jdbc, Clock clock, @Value("${oversight.demo.enabled:true}") boolean demo,
              @Value("${oversight.demo.child-data:true}") boolean childData, @Value("${oversight.demo.evidence:true}") boolean evidence) {
        this.children = children;
        this.localAuthorities = localAuthorities;
        this.voice = voice;
        this.signIn = signIn;
        this.acting = acting;
        this.jdbc = jdbc;
        this.clock = clock;
        this.enabled = demo && childData && evidence;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (enabled && !args.containsOption("oversight.cli")) {
            loadIfMissing(CITY_OF_LONDON);
        }
    }

    /**
     * Adds the LA's demo young people and their ratings unless it has any rating already or too few young people in its
     * current data. Returns how many ratings were given (0 when nothing was added).
     */
    public int loadIfMissing(int urn) {
        return loadIfMissing(urn, WORKER);
    }

    /** As {@link #loadIfMissing(int)}, the invitations issued by {@code worker} (one of the LA's managers or staff). */
    public int loadIfMissing(int urn, String worker) {
        LocalAuthority la = localAuthorities.findByUrn(urn).orElse(null);
        if (la == null) {
            return 0;
        }
        boolean present = TenantScope.asSystem(() -> jdbc.sql("SELECT count(*) FROM yp_feedback WHERE la_id = ? AND rating IS NOT NULL")
                .param(la.id()).query(Integer.class).single() > 0);
        boolean hasWorker = TenantScope.asSystem(() -> jdbc.sql("SELECT count(*) FROM app_user WHERE username = ? AND la_id = ? AND enabled")
                .params(worker, la.id()).query(Integer.class).single() > 0);
        if (present || !hasWorker) {
            return 0;
        }
        List<ChildSummary> current = TenantScope.asLa(la.id(), () -> children.current(la.id()));
        String jay = current.stream().filter(c -> c.cohort() == Cohort.CARE_LEAVER).findFirst().map(ChildSummary::childRef).orElse(null);
        List<ChildSummary> young = current.stream().filter(c -> !c.childRef().equals(jay))
                .filter(c -> c.cohort() == Cohort.CARE_LEAVER || (c.cohort() == Cohort.CHILD_IN_CARE && c.age() >= 11))
                .limit(NAMES.size()).toList();
        if (young.size() < DemoRatings.RATERS) {
            log.info("Demo young people's views of {} skipped: {} young people in its current data, {} needed", la.name(), young.size(),
                    DemoRatings.RATERS);
            return 0;
        }
        List<YoungPersonPrincipal> people = new ArrayList<>();
        for (int i = 0; i < young.size(); i++) {
            ChildSummary child = young.get(i);
            String name = NAMES.get(i);
            VoiceSignIn.IssuedCode code = acting.as(worker, () -> voice.invite(la.id(), child.childRef(), name));
            String password = Base64.getUrlEncoder().withoutPadding().encodeToString(secrets.generateSeed(18));
            VoiceSignIn.Outcome outcome = signIn.redeem(code.code(), password, password, "demo-data");
            if (!outcome.ok()) {
                throw new IllegalStateException("The demo young person " + name + " could not sign up: " + outcome.refusal());
            }
            people.add(outcome.principal());
        }
        int given = 0;
        ZoneId zone = clock.getZone();
        Random random = new Random(SEED);
        List<LocalDate[]> quarters = DemoRatings.lastQuarters(LocalDate.now(clock));
        for (int q = 0; q < quarters.size(); q++) {
            LocalDate start = quarters.get(q)[0];
            // Who rates this quarter: all but two, a different two each quarter.
            List<YoungPersonPrincipal> raters = new ArrayList<>(people);
            Collections.rotate(raters, -2 * q);
            raters = raters.subList(0, DemoRatings.RATERS);
            Map<FeedbackTheme, List<Integer>> ratings = new EnumMap<>(FeedbackTheme.class);
            for (FeedbackTheme theme : FeedbackTheme.RATED) {
                ratings.put(theme, DemoRatings.ratings(theme, q, raters.size(), random));
            }
            for (int r = 0; r < raters.size(); r++) {
                YoungPersonPrincipal me = raters.get(r);
                Map<FeedbackTheme, Integer> mine = new EnumMap<>(FeedbackTheme.class);
                for (FeedbackTheme theme : FeedbackTheme.RATED) {
                    mine.put(theme, ratings.get(theme).get(r));
                }
                String comment = DemoRatings.comment(mine, random);
                var at = start.plusDays(5 + random.nextInt(80)).atTime(9 + random.nextInt(10), random.nextInt(60)).atZone(zone).toInstant();
                ActingAs.as(me.authentication(), () -> {
                    voice.giveFeedbackOn(me, mine, comment, at);
                    return null;
                });
                given += mine.size();
            }
        }
        log.info("Demo young people's views of {} loaded: {} young people signed up, {} ratings over the last {} quarters (synthetic, seed {})",
                la.name(), people.size(), given, quarters.size(), SEED);
        return given;
    }
}
