package org.oversight.shared.web;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.oversight.support.Http;
import org.oversight.support.HttpTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockServletContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 15: the national picture's content is rendered once for each distinct content, and any change of what it shows
 * (here an LA's name in the register, changed by hand) gives a new rendering at once.
 */
class RenderedPartsIT extends HttpTest {

    @Autowired
    RenderedParts parts;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theNationalPictureIsRenderedOnceForTheSameContentAndAgainWhenItChanges() {
        Http.Response first = http.get("/national?region=GL");
        assertThat(first.status()).isEqualTo(200);
        long renders = parts.renders();
        Http.Response second = http.get("/national?region=GL", "analyst");
        assertThat(second.status()).isEqualTo(200);
        assertThat(parts.renders()).as("same data, same filter: kept").isEqualTo(renders);
        assertThat(content(second.body())).isEqualTo(content(first.body()));

        assertThat(http.get("/national?region=NE").status()).isEqualTo(200);
        assertThat(parts.renders()).as("another filter: rendered").isEqualTo(renders + 1);

        String name = jdbc.sql("SELECT name FROM local_authority WHERE urn = 80450").query(String.class).single();
        jdbc.sql("UPDATE local_authority SET name = 'Renamed for RenderedPartsIT' WHERE urn = 80450").update();
        try {
            Http.Response changed = http.get("/national?region=GL");
            assertThat(changed.body()).contains("Renamed for RenderedPartsIT").doesNotContain(">" + name + "<");
            assertThat(parts.renders()).isEqualTo(renders + 2);
        } finally {
            jdbc.sql("UPDATE local_authority SET name = ? WHERE urn = 80450").param(name).update();
        }
        assertThat(http.get("/national?region=GL").body()).contains(">" + name + "<");
    }

    @Test
    void theSingleRecordIsKeptPerRightsAndNeverShowsOneReadersLinksToAnother() {
        Http.Response manager = http.get("/local-authorities/80450", "col.manager");
        long renders = parts.renders();
        Http.Response managerAgain = http.get("/local-authorities/80450", "col.manager");
        assertThat(parts.renders()).as("the same reader's rights and data: kept").isEqualTo(renders);
        assertThat(content(managerAgain.body())).isEqualTo(content(manager.body()));
        assertThat(manager.body()).contains("id=\"add-activity\"").contains("id=\"la-access-log\"");

        Http.Response outsider = http.get("/local-authorities/80450", "southwark.manager");
        Http.Response anonymous = http.get("/local-authorities/80450");
        assertThat(parts.renders()).as("other rights: rendered again, once for another LA's manager and nobody signed in, who see the same")
                .isEqualTo(renders + 1);
        assertThat(content(outsider.body())).isEqualTo(content(anonymous.body()));
        for (Http.Response other : List.of(outsider, anonymous)) {
            assertThat(other.status()).isEqualTo(200);
            assertThat(other.body()).doesNotContain("id=\"add-activity\"").doesNotContain("id=\"la-access-log\"")
                    .doesNotContain("id=\"la-plans\"");
        }
        assertThat(content(http.get("/local-authorities/80450").body())).isEqualTo(content(anonymous.body()));
    }

    @Test
    void aPartIsKeptByItsVariablesAndAFormThatPostsIsRefused() {
        MockHttpServletRequest request = new MockHttpServletRequest(new MockServletContext(), "GET", "/");
        MockHttpServletResponse response = new MockHttpServletResponse();
        long renders = parts.renders();
        String good = parts.render("test/parts", "plain", Map.of("label", "Good"), request, response);
        assertThat(parts.render("test/parts", "plain", Map.of("label", "Good"), request, response)).isEqualTo(good);
        assertThat(parts.renders()).as("same variables: kept").isEqualTo(renders + 1);
        assertThat(good).contains(">Good<").contains("href=\"/national\"");
        assertThat(parts.render("test/parts", "plain", Map.of("label", "Outstanding"), request, response)).contains(">Outstanding<");
        assertThat(parts.renders()).as("another value: rendered").isEqualTo(renders + 2);
        assertThatThrownBy(() -> parts.render("test/parts", "posting", Map.of("label", "Good"), request, response))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("form that posts");
    }

    /** The page's content (the main element), without the layout's per-session sign-out form. */
    private static String content(String page) {
        return page.substring(page.indexOf("<main"), page.indexOf("</main>"));
    }
}
