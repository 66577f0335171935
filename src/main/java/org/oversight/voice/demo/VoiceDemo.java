package org.oversight.voice.demo;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;

import org.oversight.compliance.ChildSummaries;
import org.oversight.compliance.ChildSummaries.ChildSummary;
import org.oversight.compliance.ChildSummaries.Cohort;
import org.oversight.register.LocalAuthorities;
import org.oversight.shared.Dates;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.oversight.voice.PlanSection;
import org.oversight.voice.VoiceSignIn;
import org.oversight.voice.VoiceViews;
import org.oversight.voice.persistence.VoiceRepository;

/**
 * Demo: when City of London has current child-level data with a care leaver, that care leaver ("Jay") gets a
 * pathway plan written by their personal adviser and, until they have signed up, a fresh invitation code printed
 * in the console once the app is ready. Skipped quietly without such data, in batch commands, or with demo data off.
 */
@Component
@Order(40)
public class VoiceDemo implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(VoiceDemo.class);
    private static final int CITY_OF_LONDON = 80450;
    static final String DEMO_NAME = "Jay";

    private static final Map<PlanSection, String> PATHWAY = Map.of(
            PlanSection.ACCOMMODATION, "You live in a supported flat in Islington. Your tenancy is safe until you turn 19. We will look at council housing with you before then.",
            PlanSection.EET, "You started a level 2 course in construction at college in September. Your bursary pays for travel and tools.",
            PlanSection.HEALTH, "You are registered with a GP near your flat. You said you would like to talk to someone about your sleep.",
            PlanSection.MONEY, "You get Universal Credit and your setting-up-home allowance. We will help you make a budget each month.",
            PlanSection.RELATIONSHIPS, "You see your sister most weekends. Your personal adviser visits every 8 weeks and you can call any time.",
            PlanSection.IDENTITY, "You have your passport and birth certificate. You asked about seeing your life story work again.");

    private final ChildSummaries children;
    private final LocalAuthorities authorities;
    private final VoiceSignIn signIn;
    private final VoiceRepository voice;
    private final Clock clock;
    private final boolean enabled;
    private final String baseUrl;
    private String announcement;

    VoiceDemo(ChildSummaries children, LocalAuthorities authorities, VoiceSignIn signIn, VoiceRepository voice, Clock clock,
              @Value("${oversight.demo.enabled:true}") boolean enabled,
              @Value("${oversight.base-url:http://localhost:8080}") String baseUrl) {
        this.children = children;
        this.authorities = authorities;
        this.signIn = signIn;
        this.voice = voice;
        this.clock = clock;
        this.enabled = enabled;
        this.baseUrl = baseUrl;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled || args.containsOption("oversight.cli")) {
            return;
        }
        announcement = prepare(CITY_OF_LONDON);
    }

    /**
     * Gives the LA's first care leaver in the current data a written pathway plan and, unless they have signed up, a
     * fresh invitation code; returns the line to print, or null when the LA has no care leaver in its data.
     */
    public String prepare(int urn) {
        var la = authorities.findByUrn(urn).orElse(null);
        if (la == null) {
            return null;
        }
        ChildSummary leaver = children.current(la.id()).stream().filter(c -> c.cohort() == Cohort.CARE_LEAVER).findFirst().orElse(null);
        if (leaver == null) {
            log.debug("No care leaver in the current data of {}: no demo young person", urn);
            return null;
        }
        UUID laId = la.id();
        PATHWAY.forEach((section, text) -> voice.fillEmptySummary(laId, leaver.childRef(), section, text, "demo", clock.instant()));
        String signedUp = voice.account(laId, leaver.childRef()).map(VoiceViews.Account::signInName).orElse(null);
        String worker = baseUrl + "/local-authorities/" + urn + "/young-people/" + leaver.childRef();
        if (signedUp != null) {
            return "Demo care leaver " + DEMO_NAME + " (child " + leaver.childRef() + ") signs in at " + baseUrl
                    + "/my/sign-in as " + signedUp + " (with the password chosen then); their worker can issue a new code at " + worker;
        } else {
            VoiceSignIn.IssuedCode code = signIn.issue(laId, leaver.childRef(), Cohort.CARE_LEAVER, DEMO_NAME, "demo");
            return "Demo care leaver " + DEMO_NAME + " (child " + leaver.childRef() + "): invitation code " + code.code()
                    + " (one use, until " + Dates.format(code.expires()) + ") at " + baseUrl + "/my/start; their worker's view: " + worker;
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    public void announce() {
        if (announcement != null) {
            System.out.println("  " + announcement + "\n");
            log.info("Demo young person ready (see the console for the invitation code)");
        }
    }
}
