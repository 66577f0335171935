package org.oversight.voice;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oversight.compliance.ChildSummaries.Cohort;
import org.oversight.support.Http;
import org.oversight.support.HttpTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.oversight.voice.demo.VoiceDemo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The young person's portal against PostgreSQL: codes, sign-in limits, their words in the worker's view, alerts, views by theme. */
class VoiceIT extends HttpTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    VoiceSignIn signIn;
    @Autowired
    VoiceDemo demo;

    UUID la;

    @BeforeEach
    void data() {
        la = VoiceFixture.southwark(jdbc);
    }

    private int count(String sql, Object... params) {
        return jdbc.sql(sql).params(List.of(params)).query(Integer.class).single();
    }

    @Test
    void anInvitationCodeWorksOnceAndOnlyItsHashIsKept() {
        String code = signIn.issue(la, "C3", Cohort.CARE_LEAVER, "Jay", "southwark.manager").code();
        assertThat(code).matches("[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}");
        assertThat(count("SELECT count(*) FROM yp_invitation WHERE code_hash = ?", VoiceSignIn.hash(code))).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM yp_invitation WHERE code_hash = ?", code)).as("the code itself is not stored").isZero();

        Browserless first = new Browserless(port);
        first.get("/my/start");
        Http.Response ok = first.post("/my/start", "code", code, "password", "blue kite river", "confirm", "blue kite river");
        assertThat(ok.status()).isEqualTo(302);
        assertThat(first.get("/my").body()).contains("Hello Jay").contains("Your pathway plan").contains("Where you live");
        int accounts = count("SELECT count(*) FROM yp_account WHERE la_id = ? AND child_ref = 'C3'", la);

        Browserless second = new Browserless(port);
        second.get("/my/start");
        Http.Response again = second.post("/my/start", "code", code, "password", "another password", "confirm", "another password");
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.body()).contains("This code has already been used").contains("govuk-error-summary");
        assertThat(count("SELECT count(*) FROM yp_account WHERE la_id = ? AND child_ref = 'C3'", la)).as("nothing changed").isEqualTo(accounts);
        assertThat(count("SELECT count(*) FROM yp_sign_in_event WHERE subject = ? AND outcome = 'USED_CODE'",
                "code:" + VoiceSignIn.hash(code).substring(0, 12))).as("logged").isEqualTo(1);
        assertThat(second.get("/my").status()).as("not signed in").isEqualTo(302);
    }

    @Test
    void anExpiredOrGuessedCodeIsRefusedAndNothingChanges() {
        String code = signIn.issue(la, "A1", Cohort.CHILD_IN_CARE, "Sam", "southwark.manager").code();
        jdbc.sql("UPDATE yp_invitation SET issued_at = now() - interval '20 days', expires_at = now() - interval '6 days' WHERE code_hash = ?")
                .param(VoiceSignIn.hash(code)).update();
        int before = count("SELECT count(*) FROM yp_account");
        Browserless session = new Browserless(port);
        session.get("/my/start");
        Http.Response expired = session.post("/my/start", "code", code, "password", "blue kite river", "confirm", "blue kite river");
        assertThat(expired.status()).isEqualTo(400);
        assertThat(expired.body()).contains("This code has run out. Ask your worker for a new one.").contains("<title>Error: Start with your code");
        Http.Response guessed = session.post("/my/start", "code", "AAAA-BBBB-CCCC", "password", "blue kite river", "confirm", "blue kite river");
        assertThat(guessed.body()).contains("We could not find that code");
        assertThat(count("SELECT count(*) FROM yp_account")).isEqualTo(before);
        assertThat(count("SELECT count(*) FROM yp_invitation WHERE code_hash = ? AND used_at IS NULL", VoiceSignIn.hash(code))).isEqualTo(1);
    }

    @Test
    void guessingIsSlowedPerAddressAndPerSignInNameAndCodesNeverTouchPasswords() {
        String ip = "203.0.113." + (int) (Math.random() * 200 + 1);
        for (int i = 0; i < 5; i++) {
            assertThat(signIn.redeem("ZZZZ-ZZZZ-ZZ" + (10 + i), "blue kite river", "blue kite river", ip).refusal())
                    .isEqualTo(VoiceSignIn.Refusal.UNKNOWN_CODE);
        }
        String good = signIn.issue(la, "B2", Cohort.CHILD_IN_CARE, "Alex", "southwark.manager").code();
        VoiceSignIn.Outcome waiting = signIn.redeem(good, "blue kite river", "blue kite river", ip);
        assertThat(waiting.refusal()).as("even a good code is not checked while the address waits").isEqualTo(VoiceSignIn.Refusal.WAIT);
        assertThat(waiting.waitSeconds()).isPositive();
        assertThat(count("SELECT count(*) FROM yp_invitation WHERE code_hash = ? AND used_at IS NULL", VoiceSignIn.hash(good))).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM yp_sign_in_event WHERE ip = ? AND outcome = 'WAIT'", ip)).isEqualTo(1);
        // From another address the code works; wrong codes from the first address never touch a password sign-in there.
        VoiceSignIn.Outcome ok = signIn.redeem(good, "blue kite river", "blue kite river", "198.51.100.1");
        assertThat(ok.ok()).isTrue();
        String name = ok.principal().signInName();
        assertThat(signIn.signIn(name, "blue kite river", ip).ok()).as("codes and passwords are counted apart").isTrue();
        // Five wrong passwords for the name from five addresses: a new device must now wait (the page says so, with 429).
        for (int i = 0; i < 5; i++) {
            assertThat(signIn.signIn(name, "wrong " + i, "198.51.100." + (10 + i)).refusal()).isEqualTo(VoiceSignIn.Refusal.BAD_PASSWORD);
        }
        assertThat(signIn.signIn(name, "blue kite river", "198.51.100.99").refusal()).isEqualTo(VoiceSignIn.Refusal.WAIT);
        Browserless page = new Browserless(port);
        page.get("/my/sign-in");
        Http.Response refused = page.post("/my/sign-in", "name", name, "password", "blue kite river");
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.header("Retry-After")).matches("[1-9][0-9]*");
        assertThat(refused.body()).contains("Too many tries. Wait ").contains("call 999").contains("0800 1111");
        assertThat(count("SELECT count(*) FROM yp_sign_in_event WHERE subject LIKE ?", "%" + name + "%"))
                .as("the name typed is kept only as a hash").isZero();
    }

    @Test
    void theirWordsAreStoredAsTheirsAndTheWorkerSeesThem() {
        VoiceFixture.SignedUp yp = VoiceFixture.signUp(port, signIn, la, "C3", Cohort.CARE_LEAVER, "Jay");
        assertThat(yp.session().get("/my/plan/accommodation").body()).contains("Do you like where you live?");
        Http.Response added = yp.session().post("/my/plan/accommodation", "words", "I want to stay near my sister in Peckham.");
        assertThat(added.status()).isEqualTo(302);
        assertThat(yp.session().get("/my").body()).contains("Thank you. Your words have been added").contains("I want to stay near my sister in Peckham.");
        Http.Response empty = yp.session().post("/my/plan/money", "words", "   ");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.body()).contains("Write your words in the box");
        yp.session().post("/my/plan/what-matters", "words", "My dog Biscuit and finishing my course.");

        Http.Response worker = http.get("/local-authorities/80514/young-people/C3", "southwark.manager");
        assertThat(worker.status()).isEqualTo(200);
        assertThat(worker.body()).contains("In their words").contains("I want to stay near my sister in Peckham.")
                .contains("My dog Biscuit and finishing my course.").contains("Jay signed up on");
        assertThat(count("SELECT count(*) FROM child_access WHERE la_id = ? AND child_ref = 'C3' AND viewed_by = 'southwark.manager' AND what = 'young person''s voice'", la))
                .as("the worker's view is logged").isPositive();
        assertThat(count("SELECT count(*) FROM yp_access WHERE la_id = ? AND child_ref = 'C3' AND what = 'added words to ACCOMMODATION'", la)).isPositive();
        assertThat(count("SELECT count(*) FROM yp_contribution WHERE la_id = ? AND child_ref = 'C3' AND section = 'MONEY'", la)).as("nothing stored").isZero();
        assertThatThrownBy(() -> jdbc.sql("UPDATE yp_contribution SET words = 'changed' WHERE la_id = ?").param(la).update())
                .hasMessageContaining("cannot be changed");

        // The same through the API, with the sign-in name and password.
        Http.Response me = Browserless.json(port, "GET", "/api/v1/young-people/me", null, yp.signInName(), yp.password());
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().get("plan").asText()).isEqualTo("pathway plan");
        assertThat(me.body()).contains("I want to stay near my sister in Peckham.");
        Http.Response posted = Browserless.json(port, "POST", "/api/v1/young-people/me/contributions",
                "{\"section\":\"eet\",\"words\":\"College is good.\"}", yp.signInName(), yp.password());
        assertThat(posted.status()).isEqualTo(201);
        Http.Response wrong = Browserless.json(port, "POST", "/api/v1/young-people/me/contributions",
                "{\"section\":\"home\",\"words\":\"x\"}", yp.signInName(), yp.password());
        assertThat(wrong.status()).isEqualTo(404);
        assertThat(wrong.header("Content-Type")).contains("application/problem+json");
        assertThat(http.get("/local-authorities/80514/young-people/C3", "southwark.manager").body()).contains("College is good.");
    }

    @Test
    void iDontFeelSafeReachesTheTeamAtOnceAndIsAcknowledged() {
        VoiceFixture.SignedUp yp = VoiceFixture.signUp(port, signIn, la, "C3", Cohort.CARE_LEAVER, "Jay");
        yp.session().get("/my");
        assertThat(yp.session().post("/my/safe").status()).as("the button on the home page, no words yet").isEqualTo(302);
        assertThat(yp.session().get("/my/safe").body()).contains("We have told your team").contains("href=\"tel:999\"")
                .contains("has not seen it yet");
        Http.Response sent = yp.session().post("/my/safe", "message", "Someone is waiting outside my flat.");
        assertThat(sent.status()).isEqualTo(302);
        assertThat(yp.session().get("/my/safe").body()).as("the words join the alert just raised").contains("We have added your words to your alert");
        assertThat(jdbc.sql("SELECT count(*) FROM yp_safety_alert WHERE la_id = ? AND child_ref = 'C3' AND acknowledged_at IS NULL").param(la)
                .query(Integer.class).single()).as("pressing, then writing, makes one alert").isEqualTo(1);

        Http.Response list = http.get("/local-authorities/80514/safety-alerts", "southwark.manager");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).contains("Someone is waiting outside my flat.").contains("C3 (Jay)");
        assertThat(http.get("/local-authorities/80514", "southwark.manager").body()).as("banner on every page for the LA's staff")
                .contains("safety-alert-banner");
        assertThat(http.get("/local-authorities/80514", "col.manager").body()).doesNotContain("safety-alert-banner");

        UUID alert = jdbc.sql("SELECT id FROM yp_safety_alert WHERE la_id = ? AND message = 'Someone is waiting outside my flat.'").param(la)
                .query(UUID.class).single();
        Browserless manager = new Browserless(port, "southwark.manager", PASSWORD);
        manager.get("/local-authorities/80514/safety-alerts");
        assertThat(http.get("/local-authorities/80514", "southwark.manager").body()).as("the banner links to the alert itself")
                .contains("/local-authorities/80514/safety-alerts#alert-" + alert);
        Http.Response silent = manager.post("/local-authorities/80514/safety-alerts/" + alert + "/acknowledge");
        assertThat(silent.status()).as("acknowledging needs what was done").isEqualTo(400);
        assertThat(silent.body()).contains("Write what you did about this alert").contains("<title>Error: ");
        assertThat(jdbc.sql("SELECT acknowledged_at IS NULL FROM yp_safety_alert WHERE id = ?").param(alert).query(Boolean.class).single()).isTrue();
        Http.Response ack = manager.post("/local-authorities/80514/safety-alerts/" + alert + "/acknowledge", "action",
                "Phoned Jay: safe inside with the door locked; police asked to call by.");
        assertThat(ack.status()).isEqualTo(302);
        assertThat(jdbc.sql("SELECT acknowledged_by || ': ' || action_taken FROM yp_safety_alert WHERE id = ?").param(alert).query(String.class)
                .single()).isEqualTo("southwark.manager: Phoned Jay: safe inside with the door locked; police asked to call by.");
        assertThat(yp.session().get("/my/safe").body()).as("the young person sees that their team has seen it").contains("your team saw it on");
        assertThat(http.get("/local-authorities/80514/safety-alerts", "southwark.manager").body()).doesNotContain("Someone is waiting outside my flat.");
        Http.Response again = manager.post("/local-authorities/80514/safety-alerts/" + alert + "/acknowledge", "action", "Again");
        assertThat(again.status()).isIn(400, 302);
        assertThat(jdbc.sql("SELECT acknowledged_by FROM yp_safety_alert WHERE id = ?").param(alert).query(String.class).single())
                .as("the first acknowledgement stands").isEqualTo("southwark.manager");
    }

    @Test
    void theLaSeesViewsByThemeAndCouncillorsSeeNoWords() {
        VoiceFixture.SignedUp yp = VoiceFixture.signUp(port, signIn, la, "C3", Cohort.CARE_LEAVER, "Jay");
        Http.Response rated = Browserless.json(port, "POST", "/api/v1/young-people/me/feedback",
                "{\"ratings\":{\"listened\":4,\"help\":2},\"comment\":\"More evening visits please.\"}", yp.signInName(), yp.password());
        assertThat(rated.status()).isEqualTo(204);
        Http.Response bad = Browserless.json(port, "POST", "/api/v1/young-people/me/feedback",
                "{\"ratings\":{\"listened\":9}}", yp.signInName(), yp.password());
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("Choose a number from 1 to 5");
        yp.session().get("/my");
        yp.session().post("/my/plan/health", "words", "I sleep badly.");

        Http.Response views = http.get("/local-authorities/80514/young-peoples-views", "southwark.manager");
        assertThat(views.status()).isEqualTo(200);
        Double avg = jdbc.sql("SELECT avg(rating)::float FROM yp_feedback WHERE la_id = ? AND theme = 'LISTENED'").param(la).query(Double.class).single();
        assertThat(views.body()).contains("Do we listen to you?").contains(String.valueOf(Math.round(avg * 10) / 10.0))
                .contains("More evening visits please.").contains("I sleep badly.").doesNotContain(">C3<").doesNotContain("Jay");
        Http.Response councillor = http.get("/local-authorities/80450/young-peoples-views", "col.councillor");
        assertThat(councillor.status()).isEqualTo(200);
        assertThat(councillor.body()).contains("How young people rate the service").doesNotContain("Recent words");
        assertThat(http.get("/local-authorities/80450/young-peoples-views", "col.staff").status()).isEqualTo(403);
        assertThat(http.get("/local-authorities/80514/young-peoples-views", "col.councillor").status()).isEqualTo(403);
        assertThat(count("SELECT count(*) FROM yp_feedback WHERE la_id = ? AND rating = 9", la)).isZero();
    }

    @Test
    void theDemoGivesACareLeaverAWrittenPlanAndACodeThatWorks() {
        // C3 may have signed up in another test: as on a fresh demo database, nobody has yet.
        jdbc.sql("UPDATE yp_account SET revoked_at = now(), revoked_by = 'test' WHERE la_id = ? AND child_ref = 'C3' AND revoked_at IS NULL")
                .param(la).update();
        String line = demo.prepare(80514);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("invitation code ([A-Z2-9-]{14}) ").matcher(line);
        assertThat(m.find()).as(line).isTrue();
        assertThat(line).contains("/my/start").contains("/local-authorities/80514/young-people/C3");
        VoiceSignIn.Outcome signedUp = signIn.redeem(m.group(1), "blue kite river", "blue kite river", "192.0.2.10");
        assertThat(signedUp.ok()).isTrue();
        assertThat(signedUp.principal().firstName()).isEqualTo("Jay");
        assertThat(demo.prepare(80514)).as("no second code once signed up").contains("signs in at").contains(signedUp.principal().signInName());
        assertThat(jdbc.sql("SELECT summary FROM yp_plan_section WHERE la_id = ? AND child_ref = 'C3' AND section = 'ACCOMMODATION'")
                .param(la).query(String.class).single()).isNotBlank();
        assertThat(demo.prepare(99999)).as("no such LA: skipped quietly").isNull();
    }
}
