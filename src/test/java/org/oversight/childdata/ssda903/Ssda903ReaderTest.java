package org.oversight.childdata.ssda903;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.oversight.childdata.ssda903.Rows.Episode;
import org.oversight.childdata.ssda903.Rows.Header;

class Ssda903ReaderTest {

    static final String EPI_HEAD = "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\n";

    private static ReadResult read(String name, String text) {
        return Ssda903Reader.read(name, text.getBytes(StandardCharsets.UTF_8));
    }

    /** The DfE rules' errors on one file, validated alone as a 2026-27 return. */
    private static List<ValidationError> rules(ReadResult r) {
        return Ssda903Return.validate(List.of(r), CollectionYear.of(2026)).errors();
    }

    private static ValidationError only(ReadResult r) {
        assertThat(r.errors()).hasSize(1);
        return r.errors().getFirst();
    }

    private static void assertError(ValidationError e, String file, int row, String column, String value, String rule) {
        assertThat(e.file()).isEqualTo(file);
        assertThat(e.row()).isEqualTo(row);
        assertThat(e.column()).isEqualTo(column);
        assertThat(e.value()).isEqualTo(value);
        assertThat(e.ruleCode()).isEqualTo(rule);
        if (!rule.startsWith("OV-")) {
            assertThat(e.message()).isEqualTo(RuleMessages.message(rule)); // DfE message verbatim
        }
    }

    @Test
    void cleanEpisodesWithBomCrlfAndSpaces() {
        String text = "\uFEFF CHILD , DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\r\n"
                + "1001, 01/05/2026 ,S,C1,N1,U4,PR1,01/09/2026,X1,CARPL,AB1 2CD,AB2 3CD,\r\n"
                + "\r\n"
                + "1001,01/09/2026,P,C1,N1,U6,PR4,,,,AB1 2CD,EF1 2GH,\r\n";
        ReadResult r = read("my-episodes.csv", text);
        assertThat(r.table()).isEqualTo(Ssda903Table.EPISODES);
        assertThat(r.errors()).isEmpty();
        List<Episode> eps = r.rows(Episode.class);
        assertThat(eps).hasSize(2);
        assertThat(eps.get(0).row()).isEqualTo(2);
        assertThat(eps.get(1).row()).isEqualTo(4); // the blank line 3 still counts, as in a spreadsheet
        assertThat(eps.get(0).decom()).isEqualTo(java.time.LocalDate.of(2026, 5, 1));
    }

    @Test
    void wrongHeadersNameMissingAndUnexpectedColumns() {
        String text = "CHILD,DECOM,RNE,LS,CIN,PLACEMENT,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\n"
                + "1001,01/05/2026,S,C1,N1,U4,PR1,,,,,,\n";
        ReadResult r = read("episodes.csv", text);
        assertThat(r.table()).isEqualTo(Ssda903Table.EPISODES);
        assertThat(r.errors()).hasSize(2);
        assertError(r.errors().get(0), "episodes.csv", 1, "PLACEMENT", "PLACEMENT", "OV-HEADER");
        assertThat(r.errors().get(0).message()).contains("Unexpected column 'PLACEMENT'");
        assertError(r.errors().get(1), "episodes.csv", 1, "PLACE", "", "OV-HEADER");
        assertThat(r.errors().get(1).message()).contains("Missing column 'PLACE'");
        assertThat(r.rows()).isEmpty();
    }

    @Test
    void unrecognisedTable() {
        ReadResult r = read("x.csv", "FOO,BAR\n1,2\n");
        assertThat(r.table()).isNull();
        assertError(only(r), "x.csv", 1, "", "FOO,BAR", "OV-TABLE");
    }

    @Test
    void unknownCode() {
        ReadResult r = read("episodes.csv", EPI_HEAD + "1001,01/05/2026,S,C1,N1,H5,PR1,,,,,,\n");
        assertThat(r.errors()).isEmpty(); // the reader leaves codes to the rules
        assertThat(rules(r)).contains(new ValidationError("episodes.csv", 2, "PLACE", "H5", "146",
                "Placement type code is not a valid code."));
    }

    @Test
    void badDateFormat() {
        ReadResult r = read("episodes.csv", EPI_HEAD + "1001,2026-05-01,S,C1,N1,U4,PR1,,,,,,\n");
        assertThat(rules(r)).contains(new ValidationError("episodes.csv", 2, "DECOM", "2026-05-01", "141",
                "Date episode began is not a valid date."));
        // DfE reads a 1-digit day and month (Python's strptime), so 1/5/2026 is a date
        ReadResult ok = read("episodes.csv", EPI_HEAD + "1001,1/5/2026,S,C1,N1,U4,PR1,,,,,,\n");
        assertThat(rules(ok)).noneMatch(e -> e.ruleCode().equals("141"));
        assertThat(ok.rows(Episode.class).getFirst().decom()).isEqualTo(java.time.LocalDate.of(2026, 5, 1));
    }

    @Test
    void impossibleDate() {
        ReadResult r = read("header.csv", "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n1001,F,31/02/2024,WBRI,,0,\n");
        assertThat(rules(r)).contains(new ValidationError("header.csv", 2, "DOB", "31/02/2024", "102",
                "Date of birth is not a valid date."));
        assertThat(r.rows(Header.class).getFirst().dob()).isNull();
    }

    @Test
    void requiredFieldBlank() {
        ReadResult r = read("episodes.csv", EPI_HEAD + "1001,01/05/2026,S,,N1,U4,PR1,,,,,,\n");
        assertError(only(r), "episodes.csv", 2, "LS", "", "OV-REQUIRED");
    }

    @Test
    void duplicateEpisode() {
        String row = "1001,01/05/2026,S,C1,N1,U4,PR1,,,,,,\n";
        ReadResult r = read("episodes.csv", EPI_HEAD + row + row);
        ValidationError e = only(r);
        assertError(e, "episodes.csv", 3, "DECOM", "01/05/2026", "OV-DUPLICATE");
        assertThat(e.message()).contains("row 2");
    }

    @Test
    void overlappingEpisodes() {
        ReadResult r = read("episodes.csv", EPI_HEAD
                + "1001,01/05/2026,S,C1,N1,U4,PR1,01/09/2026,E4A,,,,\n"
                + "1001,15/08/2026,S,C1,N1,U4,PR1,,,,,,\n");
        assertThat(rules(r)).contains(new ValidationError("episodes.csv", 3, "DECOM", "15/08/2026", "501",
                "A new episode has started before the end date of the previous episode."));
    }

    @Test
    void decBeforeDecom() {
        ReadResult r = read("episodes.csv", EPI_HEAD + "1001,01/05/2026,S,C1,N1,U4,PR1,01/04/2026,E4A,,,,\n");
        assertThat(rules(r)).contains(ValidationError.of("episodes.csv", 2, "DECOM", "01/05/2026", "356"));
    }

    @Test
    void emptyFile() {
        assertError(only(read("episodes.csv", "")), "episodes.csv", 0, "", "", "OV-EMPTY");
        assertError(only(read("episodes.csv", "\uFEFF\r\n  \r\n")), "episodes.csv", 0, "", "", "OV-EMPTY");
    }

    @Test
    void headerWithNoRows() {
        ReadResult r = read("reviews.csv", "CHILD,DOB,REVIEW,REVIEW_CODE\r\n");
        assertThat(r.table()).isEqualTo(Ssda903Table.REVIEWS);
        assertError(only(r), "reviews.csv", 1, "", "", "OV-NO-ROWS");
    }

    @Test
    void detectsEachTable() {
        for (Ssda903Table t : Ssda903Table.values()) {
            ReadResult r = read("file.csv", String.join(",", t.columns()) + "\n");
            assertThat(r.table()).isEqualTo(t);
        }
    }

    @Test
    void neverThrowsOnGarbage() {
        for (String s : List.of("\"unterminated,quote\n", ",,,\n,,,", "CHILD\n1\n", "\0\0\0", "CHILD,DOB\n\"a\"b\n")) {
            ReadResult r = read("g.csv", s);
            assertThat(r).isNotNull();
            assertThat(r.errors()).isNotEmpty();
        }
    }

    @Test
    void reviewBeforeFirstDecomAndCrossTableChecks() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("header.csv", ("CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n"
                + "1001,F,01/01/2015,WBRI,A123456789012,0,\n").getBytes(StandardCharsets.UTF_8));
        files.put("episodes.csv", (EPI_HEAD + "1001,01/05/2026,S,C1,N1,U4,PR1,,,,,,\n").getBytes(StandardCharsets.UTF_8));
        files.put("reviews.csv", ("CHILD,DOB,REVIEW,REVIEW_CODE\n"
                + "1001,01/01/2015,20/04/2026,PN1\n"
                + "1001,02/01/2015,20/05/2026,PN1\n"
                + "2002,01/01/2015,20/05/2026,PN1\n").getBytes(StandardCharsets.UTF_8));
        Ssda903Return ret = Ssda903Return.read(files);
        assertThat(ret.errors()).contains(
                ValidationError.of("reviews.csv", 2, "REVIEW", "20/04/2026", "OV-REVIEW-BEFORE-CARE",
                        RuleMessages.message("OV-REVIEW-BEFORE-CARE") + " First DECOM: 01/05/2026."),
                ValidationError.of("reviews.csv", 3, "DOB", "02/01/2015", "INT17"),
                ValidationError.of("reviews.csv", 4, "CHILD", "2002", "INT08"),
                ValidationError.of("reviews.csv", 4, "CHILD", "2002", "1012"));
        Ssda903Return.Accepted ok = ret.acceptWithBadRows();
        assertThat(ok.rows(Rows.Review.class)).isEmpty();
        // every row named by an error (not a query) is dropped, and only those
        java.util.Set<String> bad = new java.util.HashSet<>();
        ret.errors().stream().filter(e -> !e.query()).forEach(e -> bad.add(e.file() + ":" + e.row()));
        assertThat(ok.droppedRows()).isEqualTo(bad.size());
    }
}
