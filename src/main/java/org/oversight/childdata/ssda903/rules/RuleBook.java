package org.oversight.childdata.ssda903.rules;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.oversight.childdata.ssda903.CollectionYear;
import org.oversight.childdata.ssda903.Severity;
import org.oversight.childdata.ssda903.Ssda903Table;
import org.oversight.childdata.ssda903.ValidationError;

/**
 * The DfE SSDA903 rules of one collection year. {@link #forYear} gives 2026-27's rules for 2026-27 and later, and
 * 2025-26's (the same less the DoLO table's rules 700-710) for 2025-26, so a late 2025-26 return is checked as DfE
 * checks it.
 */
public final class RuleBook {

    /** The collection years (start years) with a rule set: the current one and the one before, for late returns. */
    public static final List<Integer> YEARS = List.of(2025, 2026);

    private static final List<Rule903> ALL = build();

    private final int startYear;
    private final List<Rule903> rules;

    private RuleBook(int startYear, List<Rule903> rules) {
        this.startYear = startYear;
        this.rules = rules;
    }

    /** The rule set for a collection year; years before 2025-26 get 2025-26's rules, the oldest Oversight has. */
    public static RuleBook forYear(CollectionYear year) {
        int y = Math.max(YEARS.getFirst(), Math.min(year.start().getYear(), YEARS.getLast()));
        return new RuleBook(y, ALL.stream().filter(r -> r.firstYear() <= y).toList());
    }

    /** Whether Oversight has this collection year's own rule set (else the nearest is used). */
    public static boolean hasRulesFor(CollectionYear year) {
        return YEARS.contains(year.start().getYear());
    }

    /** The start year of the rule set (2026 = 2026-27). */
    public int startYear() {
        return startYear;
    }

    public List<Rule903> rules() {
        return rules;
    }

    public Rule903 rule(String code) {
        return rules.stream().filter(r -> r.code().equals(code)).findFirst().orElse(null);
    }

    /** What running every rule on a return found. */
    public record Result(List<RuleOutcome> outcomes, List<ValidationError> errors) {
    }

    /** Runs every rule on the return. A rule that cannot run is reported as not checked, with the reason. */
    public Result run(ReturnData d) {
        List<ValidationError> errors = new ArrayList<>();
        return new Result(run(d, errors::add), errors);
    }

    /**
     * Runs every rule on the return, giving each error to {@code sink} as it is found (so a caller can keep a bounded
     * number). Rows of a table {@linkplain Table#stored() rebuilt from stored data} are not reported nor counted; a
     * rule that reads a column such a table did not keep is reported as not checked.
     */
    public List<RuleOutcome> run(ReturnData d, java.util.function.Consumer<ValidationError> sink) {
        List<RuleOutcome> outcomes = new ArrayList<>(rules.size());
        List<Table> tables = d.tables();
        for (Rule903 r : rules) {
            String reason = r.notCheckedReason(d);
            if (reason != null) {
                outcomes.add(new RuleOutcome(r.code(), r.severity(), r.message(), false, reason, 0));
                continue;
            }
            tables.forEach(Table::takeReadNotKept);
            Flags f = run(r, d);
            String notKept = null;
            for (Table t : tables) {
                String c = t.takeReadNotKept();
                if (c != null && notKept == null) {
                    notKept = "reads the " + c + " column of the current data's " + t.kind().dfeName()
                            + " table, which it does not have (it was imported before Oversight kept every column): import that table too to check it";
                }
            }
            if (notKept != null) {
                outcomes.add(new RuleOutcome(r.code(), r.severity(), r.message(), false, notKept, 0));
                continue;
            }
            int n = 0;
            for (Map.Entry<Table, Map<Integer, String>> e : f.all().entrySet()) {
                Table t = e.getKey();
                if (t.stored()) {
                    continue;
                }
                for (Map.Entry<Integer, String> row : e.getValue().entrySet()) {
                    int i = row.getKey();
                    String column = row.getValue();
                    String value = column.isEmpty() ? "" : t.get(i, column);
                    sink.accept(new ValidationError(t.file(i), t.rowNumber(i), column, value, r.code(), r.message(),
                            r.severity()));
                    n++;
                }
            }
            outcomes.add(new RuleOutcome(r.code(), r.severity(), r.message(), true, null, n));
        }
        return outcomes;
    }

    /** Runs one rule and returns the rows it flags (for tests and comparisons). */
    public static Flags run(Rule903 r, ReturnData d) {
        Map<Table, String> defaults = new IdentityHashMap<>();
        for (Ssda903Table t : Ssda903Table.values()) {
            String col = r.columns().get(t);
            if (col != null) {
                if (d.table(t) != null) {
                    defaults.put(d.table(t), col);
                }
                if (d.last(t) != null) {
                    defaults.put(d.last(t), col);
                }
            }
        }
        Flags f = new Flags(defaults);
        r.check().run(d, f);
        return f;
    }

    // -----------------------------------------------------------------------------------------------------------------

    private static List<Rule903> build() {
        Builder b = new Builder();
        HeaderRules.register(b);
        EpisodeRules.register(b);
        EpisodeSequenceRules.register(b);
        PlacementRules.register(b);
        ReviewRules.register(b);
        Oc2Rules.register(b);
        CareLeaverRules.register(b);
        AdoptionRules.register(b);
        MissingRules.register(b);
        UascRules.register(b);
        PreviousPermanenceRules.register(b);
        SocialWorkerRules.register(b);
        DoloRules.register(b);
        LastYearRules.register(b);
        IntegrityRules.register(b);
        List<Rule903> all = new ArrayList<>(b.rules.values());
        all.sort(Comparator.comparing(Rule903::code));
        return List.copyOf(all);
    }

    /** Collects rule definitions: {@code b.rule("101").on(HEADER, "SEX").check(HeaderRules::r101)}. */
    static final class Builder {
        private final Map<String, Rule903> rules = new LinkedHashMap<>();

        Spec rule(String code) {
            return new Spec(this, code);
        }

        void add(Rule903 r) {
            if (rules.putIfAbsent(r.code(), r) != null) {
                throw new IllegalStateException("Rule " + r.code() + " defined twice");
            }
        }
    }

    /** One rule being defined. */
    static final class Spec {
        private final Builder builder;
        private final String code;
        private Severity severity = Severity.ERROR;
        private final Set<Ssda903Table> needs = EnumSet.noneOf(Ssda903Table.class);
        private final Set<Ssda903Table> needsLast = EnumSet.noneOf(Ssda903Table.class);
        private final Map<Ssda903Table, String> columns = new EnumMap<>(Ssda903Table.class);
        private boolean providers;
        private boolean la;
        private int firstYear = 2025;
        private java.util.function.Predicate<ReturnData> onlyIf;
        private String onlyIfReason;

        Spec(Builder builder, String code) {
            this.builder = builder;
            this.code = code;
        }

        /** DfE only queries this rule. */
        Spec query() {
            severity = Severity.QUERY;
            return this;
        }

        /** The rule needs this table and names this column in its errors there. */
        Spec on(Ssda903Table t, String column) {
            needs.add(t);
            columns.putIfAbsent(t, column);
            return this;
        }

        /** The rule needs this table (its errors are not about it). */
        Spec needs(Ssda903Table t) {
            needs.add(t);
            return this;
        }

        /** The rule may flag this table, naming this column, but runs without it. */
        Spec flags(Ssda903Table t, String column) {
            columns.putIfAbsent(t, column);
            return this;
        }

        /** The rule needs last year's table. */
        Spec last(Ssda903Table t) {
            needsLast.add(t);
            return this;
        }

        Spec providers() {
            providers = true;
            return this;
        }

        Spec la() {
            la = true;
            return this;
        }

        /** The first collection year (start year) the rule applies to. */
        Spec since(int year) {
            firstYear = year;
            return this;
        }

        /** The rule runs only when this holds; otherwise it is reported as not checked, with the reason. */
        Spec onlyIf(java.util.function.Predicate<ReturnData> condition, String reason) {
            onlyIf = condition;
            onlyIfReason = reason;
            return this;
        }

        void check(Rule903.Check check) {
            builder.add(new Rule903(code, severity, needs, needsLast, providers, la, columns, firstYear, onlyIf,
                    onlyIfReason, check));
        }
    }
}
