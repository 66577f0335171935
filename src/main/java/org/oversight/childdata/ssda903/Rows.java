package org.oversight.childdata.ssda903;

import java.time.LocalDate;
import java.util.List;

/**
 * Typed rows of the six SSDA903 tables. Field names follow the 903 CSV columns (CHILD → child, DECOM → decom, ...).
 * Every row keeps {@code row}, its row number in the file (header = 1). Dates that could not be read are null;
 * the reader reports them.
 */
public final class Rows {

    private Rows() {
    }

    /** Any row of a 903 table. */
    public sealed interface Ssda903Row permits Header, Episode, Review, Oc3, Missing, Uasc, Other {
        int row();

        String child();
    }

    /** Header: CHILD, SEX, DOB, ETHNIC, UPN, MOTHER, MC_DOB. */
    public record Header(int row, String child, String sex, LocalDate dob, String ethnic, String upn, String mother,
                         LocalDate mcDob) implements Ssda903Row {
    }

    /**
     * Episodes: CHILD, DECOM, RNE, LS, CIN, PLACE, PLACE_PROVIDER, DEC, REC, REASON_PLACE_CHANGE, HOME_POST, PL_POST,
     * URN.
     */
    public record Episode(int row, String child, LocalDate decom, String rne, String ls, String cin, String place,
                          String placeProvider, LocalDate dec, String rec, String reasonPlaceChange, String homePost,
                          String plPost, String urn) implements Ssda903Row {
    }

    /** Reviews: CHILD, DOB, REVIEW, REVIEW_CODE. */
    public record Review(int row, String child, LocalDate dob, LocalDate review, String reviewCode)
            implements Ssda903Row {
    }

    /** OC3 (care leavers): CHILD, DOB, IN_TOUCH, ACTIV, ACCOM. */
    public record Oc3(int row, String child, LocalDate dob, String inTouch, String activ, String accom)
            implements Ssda903Row {
    }

    /** Missing: CHILD, DOB, MISSING, MIS_START, MIS_END. */
    public record Missing(int row, String child, LocalDate dob, String missing, LocalDate misStart,
                          LocalDate misEnd) implements Ssda903Row {
    }

    /** UASC: CHILD, SEX, DOB, DUC. */
    public record Uasc(int row, String child, String sex, LocalDate dob, LocalDate duc) implements Ssda903Row {
    }

    /**
     * A row of a table with no typed row (OC2, AD1, PlacedAdoption, PrevPerm, SWEpisodes, DoLo), with its values in the
     * table's column order (trimmed, null for a blank; empty when not kept).
     */
    public record Other(int row, String child, Ssda903Table table, List<String> values) implements Ssda903Row {

        public Other {
            values = values == null ? List.of() : values;
        }

        public Other(int row, String child, Ssda903Table table) {
            this(row, child, table, List.of());
        }
    }
}
