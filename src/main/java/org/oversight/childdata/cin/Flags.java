package org.oversight.childdata.cin;

import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;

import org.oversight.childdata.cin.CinCensus.Assessment;
import org.oversight.childdata.cin.CinCensus.Child;
import org.oversight.childdata.cin.CinCensus.CinDetails;
import org.oversight.childdata.cin.CinCensus.CinPlan;
import org.oversight.childdata.cin.CinCensus.ProtectionPlan;
import org.oversight.childdata.cin.CinCensus.Section47;

/**
 * Where a rule records what it found: each call names one location (a field of a module of the child being checked)
 * and becomes one {@link CinError} with the field's value. The same location flagged twice by one rule gives one error.
 * Indexes are positions in the model's lists, from 0 ({@code cin} is the CINdetails module, {@code j} the module inside
 * it, {@code k} the item inside that).
 */
public final class Flags {

    private final String file;
    private final Consumer<CinError> sink;
    private final Set<String> seen = new HashSet<>();
    private CinRule rule;
    private Child child;
    private ChildRef ref;
    private int count;

    Flags(String file, Consumer<CinError> sink) {
        this.file = file;
        this.sink = sink;
    }

    void begin(CinRule rule, Child child, ChildRef ref) {
        this.rule = rule;
        this.child = child;
        this.ref = ref;
        seen.clear();
    }

    /** How many errors have been recorded so far. */
    int count() {
        return count;
    }

    /** A field of {@code ChildIdentifiers}. */
    public void identifiers(String... fields) {
        for (String f : fields) {
            add(T_IDENTIFIERS, 0, 0, 0, f);
        }
    }

    /** A field of {@code ChildIdentifiers} of a child seen earlier (rules that check the whole return). */
    public void identifiersAt(ChildRef at, String field, String value) {
        emit(new CinError(file, at.line(), 0, at.index(), at.id(), TABLES[T_IDENTIFIERS], "", field, value, rule.code(),
                rule.severity(), rule.message()));
    }

    /** {@code ChildCharacteristics/Ethnicity}. */
    public void characteristics(String field) {
        add(T_CHARACTERISTICS, 0, 0, 0, field);
    }

    /** The child's {@code k}-th {@code Disability}. */
    public void disability(int k) {
        add(T_DISABILITIES, 0, 0, k, "Disability");
    }

    /** Fields of the {@code cin}-th {@code CINdetails}. */
    public void cin(int cin, String... fields) {
        for (String f : fields) {
            add(T_CIN, cin, 0, 0, f);
        }
    }

    /** Fields of an {@code Assessments} module. */
    public void assessment(int cin, int j, String... fields) {
        for (String f : fields) {
            add(T_ASSESSMENTS, cin, j, 0, f);
        }
    }

    /** Fields of a {@code CINPlanDates} module. */
    public void plan(int cin, int j, String... fields) {
        for (String f : fields) {
            add(T_PLANS, cin, j, 0, f);
        }
    }

    /** Fields of a {@code Section47} module. */
    public void section47(int cin, int j, String... fields) {
        for (String f : fields) {
            add(T_S47, cin, j, 0, f);
        }
    }

    /** Fields of a {@code ChildProtectionPlans} module. */
    public void protectionPlan(int cin, int j, String... fields) {
        for (String f : fields) {
            add(T_CPP, cin, j, 0, f);
        }
    }

    /** The {@code k}-th {@code CPPreviewDate} of a child protection plan. */
    public void review(int cin, int j, int k) {
        add(T_REVIEWS, cin, j, k, "CPPreviewDate");
    }

    /** A field of the header. */
    public void header(String field, String value) {
        emit(new CinError(file, 0, 0, -1, "", "Header", "", field, value, rule.code(), rule.severity(), rule.message()));
    }

    /** A finding about the whole return (an LA-level rule), with what was counted. */
    public void wholeReturn(String field, String value) {
        emit(new CinError(file, 0, 0, -1, "", rule.table(), "", field, value, rule.code(), rule.severity(), rule.message()));
    }

    static final int T_IDENTIFIERS = 0;
    static final int T_CHARACTERISTICS = 1;
    static final int T_DISABILITIES = 2;
    static final int T_CIN = 3;
    static final int T_ASSESSMENTS = 4;
    static final int T_PLANS = 5;
    static final int T_S47 = 6;
    static final int T_CPP = 7;
    static final int T_REVIEWS = 8;

    static final String[] TABLES = {"ChildIdentifiers", "ChildCharacteristics", "Disabilities", "CINdetails",
            "Assessments", "CINplanDates", "Section47", "ChildProtectionPlans", "Reviews"};

    private void add(int table, int cin, int j, int k, String field) {
        if (!seen.add(table + "/" + cin + "/" + j + "/" + k + "/" + field)) {
            return;
        }
        emit(new CinError(file, ref.line(), 0, ref.index(), child.laChildId(), TABLES[table], path(table, cin, j, k),
                field, value(child, table, cin, j, k, field), rule.code(), rule.severity(), rule.message()));
    }

    private void emit(CinError e) {
        count++;
        sink.accept(e);
    }

    static String path(int table, int cin, int j, int k) {
        return switch (table) {
            case T_DISABILITIES -> "Disabilities[" + (k + 1) + "]";
            case T_CIN -> "CINdetails[" + (cin + 1) + "]";
            case T_ASSESSMENTS -> "CINdetails[" + (cin + 1) + "]/Assessments[" + (j + 1) + "]";
            case T_PLANS -> "CINdetails[" + (cin + 1) + "]/CINPlanDates[" + (j + 1) + "]";
            case T_S47 -> "CINdetails[" + (cin + 1) + "]/Section47[" + (j + 1) + "]";
            case T_CPP -> "CINdetails[" + (cin + 1) + "]/ChildProtectionPlans[" + (j + 1) + "]";
            case T_REVIEWS -> "CINdetails[" + (cin + 1) + "]/ChildProtectionPlans[" + (j + 1) + "]/Reviews[" + (k + 1) + "]";
            default -> "";
        };
    }

    /** The value of a field as written, "" when absent. */
    static String value(Child c, int table, int cin, int j, int k, String field) {
        if (field.equals("LAchildID")) {
            return s(c.laChildId());
        }
        return switch (table) {
            case T_IDENTIFIERS -> switch (field) {
                case "UPN" -> s(c.upn());
                case "FormerUPN" -> s(c.formerUpn());
                case "UPNunknown" -> s(c.upnUnknown());
                case "PersonBirthDate" -> s(c.personBirthDate());
                case "ExpectedPersonBirthDate" -> s(c.expectedPersonBirthDate());
                case "GenderCurrent" -> s(c.genderCurrent());
                case "Sex" -> s(c.sex());
                case "PersonDeathDate" -> s(c.personDeathDate());
                default -> "";
            };
            case T_CHARACTERISTICS -> field.equals("Ethnicity") ? s(c.ethnicity()) : "";
            case T_DISABILITIES -> s(c.disabilities().get(k));
            case T_CIN -> {
                CinDetails d = c.cinDetails().get(cin);
                yield switch (field) {
                    case "CINreferralDate" -> s(d.referralDate());
                    case "ReferralSource" -> s(d.referralSource());
                    case "PrimaryNeedCode" -> s(d.primaryNeedCode());
                    case "CINclosureDate" -> s(d.closureDate());
                    case "ReasonForClosure" -> s(d.reasonForClosure());
                    case "DateOfInitialCPC" -> s(d.dateOfInitialCpc());
                    case "ReferralNFA" -> s(d.referralNfa());
                    default -> "";
                };
            }
            case T_ASSESSMENTS -> {
                Assessment a = c.cinDetails().get(cin).assessments().get(j);
                yield switch (field) {
                    case "AssessmentActualStartDate" -> s(a.actualStartDate());
                    case "AssessmentInternalReviewDate" -> s(a.internalReviewDate());
                    case "AssessmentAuthorisationDate" -> s(a.authorisationDate());
                    case "AssessmentFactors" -> String.join(", ", a.factors());
                    default -> "";
                };
            }
            case T_PLANS -> {
                CinPlan p = c.cinDetails().get(cin).cinPlans().get(j);
                yield switch (field) {
                    case "CINPlanStartDate" -> s(p.startDate());
                    case "CINPlanEndDate" -> s(p.endDate());
                    default -> "";
                };
            }
            case T_S47 -> {
                Section47 s47 = c.cinDetails().get(cin).section47s().get(j);
                yield switch (field) {
                    case "S47ActualStartDate" -> s(s47.actualStartDate());
                    case "InitialCPCtarget" -> s(s47.initialCpcTarget());
                    case "DateOfInitialCPC" -> s(s47.dateOfInitialCpc());
                    case "ICPCnotRequired" -> s(s47.icpcNotRequired());
                    default -> "";
                };
            }
            case T_CPP -> {
                ProtectionPlan p = c.cinDetails().get(cin).protectionPlans().get(j);
                yield switch (field) {
                    case "CPPstartDate" -> s(p.startDate());
                    case "CPPendDate" -> s(p.endDate());
                    case "InitialCategoryOfAbuse" -> s(p.initialCategoryOfAbuse());
                    case "LatestCategoryOfAbuse" -> s(p.latestCategoryOfAbuse());
                    case "NumberOfPreviousCPP" -> s(p.numberOfPreviousCpp());
                    default -> "";
                };
            }
            case T_REVIEWS -> s(c.cinDetails().get(cin).protectionPlans().get(j).reviewDates().get(k));
            default -> "";
        };
    }

    private static String s(Object o) {
        return o == null ? "" : o.toString();
    }
}
