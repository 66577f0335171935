package org.oversight.childdata.cin;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.oversight.childdata.cin.CinCensus.Child;
import org.oversight.childdata.cin.CinCensus.CinDetails;

/**
 * Where the reference implementation (data-to-insight/csc-validator-be-cin) would report an Oversight error: it flattens
 * each module into a table and reports the row number in that table (from 0, in file order), the column, and the
 * child. Return-level findings and the header's have no row.
 */
final class ReferenceLocations {

    private static final Pattern STEP = Pattern.compile("([A-Za-z0-9]+)\\[(\\d+)]");

    private ReferenceLocations() {
    }

    /** "rule,child,table,column,row" as the reference's report would have it. */
    static String of(CinCensus census, CinError e) {
        if (e.childIndex() < 0) {
            return e.ruleCode() + ",,,,";
        }
        int[] at = new int[3];
        Matcher m = STEP.matcher(e.path());
        int n = 0;
        while (m.find()) {
            at[n++] = Integer.parseInt(m.group(2)) - 1;
        }
        return e.ruleCode() + "," + e.childId() + "," + e.table() + "," + e.field() + ","
                + row(census, e.childIndex(), e.table(), at[0], at[1], at[2]);
    }

    static int row(CinCensus census, int child, String table, int cin, int j, int k) {
        int row = 0;
        for (int c = 0; c <= child; c++) {
            Child ch = census.children().get(c);
            boolean here = c == child;
            switch (table) {
                case "ChildIdentifiers", "ChildCharacteristics" -> {
                    if (here) {
                        return child;
                    }
                }
                case "Disabilities" -> {
                    if (here) {
                        return row + cin;
                    }
                    row += ch.disabilities().size();
                }
                case "CINdetails" -> {
                    if (here) {
                        return row + cin;
                    }
                    row += ch.cinDetails().size();
                }
                default -> {
                    for (int i = 0; i < ch.cinDetails().size(); i++) {
                        CinDetails e = ch.cinDetails().get(i);
                        if (here && i == cin) {
                            if (table.equals("Reviews")) {
                                for (int p = 0; p < j; p++) {
                                    row += e.protectionPlans().get(p).reviewDates().size();
                                }
                                return row + k;
                            }
                            return row + j;
                        }
                        row += switch (table) {
                            case "Assessments" -> e.assessments().size();
                            case "CINplanDates" -> e.cinPlans().size();
                            case "Section47" -> e.section47s().size();
                            case "ChildProtectionPlans" -> e.protectionPlans().size();
                            case "Reviews" -> e.protectionPlans().stream().mapToInt(p -> p.reviewDates().size()).sum();
                            default -> throw new IllegalArgumentException(table);
                        };
                    }
                }
            }
        }
        throw new IllegalStateException("no row for " + table);
    }
}
