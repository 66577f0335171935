package org.oversight.shared.web;

import org.junit.jupiter.api.Test;
import org.springframework.http.ContentDisposition;

import static org.assertj.core.api.Assertions.assertThat;

/** RFC 6266: an ASCII filename for every client, and filename* in UTF-8 when the name has other characters. */
class DownloadsTest {

    @Test
    void aUnicodeNameKeepsItsCharactersInFilenameStar() {
        String header = Downloads.attachment("Plan d’action – été.pdf");
        assertThat(header).isEqualTo("attachment; filename=\"Plan d_action _ _t_.pdf\"; filename*=UTF-8''Plan%20d%E2%80%99action%20%E2%80%93%20%C3%A9t%C3%A9.pdf");
        // Spring (an independent parser) reads the UTF-8 name back whole.
        assertThat(ContentDisposition.parse(header).getFilename()).isEqualTo("Plan d’action – été.pdf");
        assertThat(Downloads.inline("report.pdf")).isEqualTo("inline; filename=\"report.pdf\"");
    }

    @Test
    void quotesAndLineBreaksCannotBreakOutOfTheHeader() {
        String header = Downloads.attachment("a\"b\\c\r\nSet-Cookie: x=1.csv");
        assertThat(header).doesNotContain("\r").doesNotContain("\n").startsWith("attachment; filename=\"a\\\"b\\\\c  Set-Cookie: x=1.csv\"");
        assertThat(ContentDisposition.parse(header).getFilename()).isEqualTo("a\"b\\c  Set-Cookie: x=1.csv");
        assertThat(Downloads.attachment("  ")).isEqualTo("attachment; filename=\"download\"");
    }
}
