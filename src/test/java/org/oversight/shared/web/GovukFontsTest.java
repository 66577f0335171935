package org.oversight.shared.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/** GOV.UK Frontend's real stylesheet, as Oversight serves it, asks for no font file and names no GDS Transport. */
class GovukFontsTest {

    @Test
    void theServedStylesheetHasNoFontFacesAndArialFirst() throws IOException {
        String css = new ClassPathResource(WebConfiguration.GOVUK.substring("classpath:".length()) + "govuk-frontend.min.css")
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(css).as("the webjar's stylesheet as published").contains("/assets/fonts/").contains("GDS Transport");
        String served = GovukFonts.withoutGdsTransport(css);
        assertThat(served).doesNotContain("/assets/fonts/").doesNotContain("GDS Transport").doesNotContain("@font-face");
        assertThat(served).contains("font-family:arial,sans-serif");
        assertThat(served.length()).as("nothing else removed").isGreaterThan(css.length() - 2_000);
    }
}
