package org.oversight.childdata.ssda903;

import java.util.Map;
import java.util.Set;

/**
 * SSDA903 code lists for the 2026-27 collection, as data.
 *
 * <p>Sources (see docs/ssda903.md): the valid lists are read from data-to-insight/csc-validator-be-903 @10ad07c,
 * using the newest year folder that defines each rule (lac2022_23 unless stated), cross-checked against
 * /work/shared/domain/care-data.md section 3.2.
 */
public final class Codes {

    private Codes() {
    }

    /** Rule 101 (lac2024_25/rule_101.py): M, F, U. Legacy 1/2 are no longer valid. */
    public static final Set<String> SEX = Set.of("M", "F", "U");

    /** Rule 103 (lac2022_23/rule_103.py). */
    public static final Set<String> ETHNIC = Set.of("WBRI", "WIRI", "WOTH", "WIRT", "WROM", "MWBC", "MWBA", "MWAS",
            "MOTH", "AIND", "APKN", "ABAN", "AOTH", "BCRB", "BAFR", "BOTH", "CHNE", "OOTH", "REFU", "NOBT");

    /** MOTHER: 0/1 (rule 165, lac2022_23/rule_165.py valid_values). */
    public static final Set<String> MOTHER = Set.of("0", "1");

    /** Rule 143 (lac2022_23/rule_143.py). */
    public static final Set<String> RNE = Set.of("S", "P", "L", "T", "U", "B");

    /** Rule 144 (lac2022_23/rule_144.py). */
    public static final Set<String> LS = Set.of("C1", "C2", "D1", "E1", "V2", "V3", "V4", "J1", "J2", "J3", "L1",
            "L2", "L3");

    /** Rule 145 (lac2022_23/rule_145.py). */
    public static final Set<String> CIN = Set.of("N1", "N2", "N3", "N4", "N5", "N6", "N7", "N8");

    /** Rule 146 (lac2025_26/rule_146.py): H5, P2 and Z1 were removed; Z11-Z14 replace Z1. */
    public static final Set<String> PLACE = Set.of("A3", "A4", "A5", "A6", "K1", "K2", "K3", "P1", "P3", "R1", "R2",
            "R3", "R5", "S1", "T0", "T1", "T2", "T3", "T4", "U1", "U2", "U3", "U4", "U5", "U6", "Z11", "Z12", "Z13",
            "Z14");

    /** Temporary placements (rules 225, 226 lac2025_26). */
    public static final Set<String> PLACE_TEMPORARY = Set.of("T0", "T1", "T2", "T3", "T4");

    /** Placement types that take no provider from 2025-26 (rules 178, 213, 526 lac2025_26). */
    public static final Set<String> PLACE_NO_PROVIDER = Set.of("T0", "T1", "T2", "T3", "T4", "Z11", "Z12", "Z13",
            "Z14");

    /** Rule 178 (lac2025_26/rule_178.py). */
    public static final Set<String> PLACE_PROVIDER = Set.of("PR0", "PR1", "PR2", "PR3", "PR4", "PR5");

    /** Rule 149 (lac2022_23/rule_149.py). */
    public static final Set<String> REC = Set.of("E11", "E12", "E2", "E3", "E4A", "E4B", "E13", "E41", "E45", "E46",
            "E47", "E48", "E5", "E6", "E7", "E8", "E9", "E14", "E15", "E16", "E17", "X1");

    /** Rule 1009 (lac2022_23/rule_1009.py). */
    public static final Set<String> REASON_PLACE_CHANGE = Set.of("CARPL", "CLOSE", "ALLEG", "STAND", "APPRR",
            "CREQB", "CREQO", "CHILD", "LAREQ", "PLACE", "CUSTOD", "OTHER");

    /** Rule 167 (lac2022_23/rule_167.py). */
    public static final Set<String> REVIEW_CODE = Set.of("PN0", "PN1", "PN2", "PN3", "PN4", "PN5", "PN6", "PN7");

    /** Rule 131 (lac2022_23/rule_131.py). */
    public static final Set<String> IN_TOUCH = Set.of("YES", "NO", "DIED", "REFU", "NREQ", "RHOM");

    /** Rule 132 (lac2022_23/rule_132.py): F3/P3 are no longer valid. */
    public static final Set<String> ACTIV = Set.of("F1", "P1", "F2", "P2", "F4", "P4", "F5", "P5", "G4", "G5", "G6",
            "0");

    /** Rule 133 (lac2022_23/rule_133.py): letter + suitability (1 suitable, 2 unsuitable), or 0. */
    public static final Set<String> ACCOM = Set.of("B1", "B2", "C1", "C2", "D1", "D2", "E1", "E2", "G1", "G2", "H1",
            "H2", "K1", "K2", "R1", "R2", "S2", "T1", "T2", "U1", "U2", "V1", "V2", "W1", "W2", "X2", "Y1", "Y2", "Z1",
            "Z2", "0");

    /** Rule 1006 (lac2022_23/rule_1006.py): M missing, A away without authorisation. */
    public static final Set<String> MISSING = Set.of("M", "A");

    /** UPN format, rule 168 (lac2022_23/rule_168.py). */
    public static final String UPN_PATTERN = "^(((?![IOS])[A-Z])(\\d{12}|\\d{11}[A-Z]))$|^(UN[1-5])$";

    /** Code lists by 903 column name; used by the reader. */
    public static final Map<String, Set<String>> BY_COLUMN = Map.ofEntries(
            Map.entry("SEX", SEX), Map.entry("ETHNIC", ETHNIC), Map.entry("MOTHER", MOTHER),
            Map.entry("RNE", RNE), Map.entry("LS", LS), Map.entry("CIN", CIN), Map.entry("PLACE", PLACE),
            Map.entry("PLACE_PROVIDER", PLACE_PROVIDER), Map.entry("REC", REC),
            Map.entry("REASON_PLACE_CHANGE", REASON_PLACE_CHANGE), Map.entry("REVIEW_CODE", REVIEW_CODE),
            Map.entry("IN_TOUCH", IN_TOUCH), Map.entry("ACTIV", ACTIV), Map.entry("ACCOM", ACCOM),
            Map.entry("MISSING", MISSING));
}
