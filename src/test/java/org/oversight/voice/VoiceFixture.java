package org.oversight.voice;

import java.util.UUID;

import org.oversight.compliance.ChildSummaries.Cohort;
import org.oversight.compliance.ComplianceFixtures;
import org.oversight.support.Http;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Southwark's small current return (C3 is a care leaver, A1 and B2 in care) and young people signed up through the portal. */
final class VoiceFixture {

    static final String PASSWORD = "blue kite river";

    private VoiceFixture() {
    }

    record SignedUp(Browserless session, String signInName, String password, UUID laId, String childRef) {
    }

    static UUID southwark(JdbcClient jdbc) {
        UUID la = ComplianceFixtures.southwark(jdbc);
        // Tests all come from this machine: forget earlier failures so one test class's refusals do not lock another's.
        jdbc.sql("DELETE FROM yp_sign_in_event WHERE ip IN ('127.0.0.1', '0:0:0:0:0:0:0:1', '::1')").update();
        jdbc.sql("DELETE FROM sign_in_throttle WHERE throttle_key LIKE 'yp%' OR throttle_key LIKE 'device:%'").update();
        return la;
    }

    /** Issues a code for the child (as a worker would) and redeems it through /my/start, leaving the session signed in. */
    static SignedUp signUp(int port, VoiceSignIn signIn, UUID la, String childRef, Cohort cohort, String firstName) {
        String code = signIn.issue(la, childRef, cohort, firstName, "southwark.manager").code();
        Browserless session = new Browserless(port);
        session.get("/my/start");
        Http.Response redeemed = session.post("/my/start", "code", code.toLowerCase(), "password", PASSWORD, "confirm", PASSWORD);
        assertThat(redeemed.status()).as(redeemed.body()).isEqualTo(302);
        assertThat(redeemed.header("Location")).endsWith("/my/welcome");
        Http.Response welcome = session.get("/my/welcome");
        assertThat(welcome.status()).isEqualTo(200);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("id=\"sign-in-name\">([a-z]+-[0-9]{4})<").matcher(welcome.body());
        assertThat(m.find()).as("sign-in name shown once: %s", welcome.body()).isTrue();
        return new SignedUp(session, m.group(1), PASSWORD, la, childRef);
    }
}
