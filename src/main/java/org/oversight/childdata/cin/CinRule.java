package org.oversight.childdata.cin;

import java.util.function.Supplier;

import org.oversight.childdata.cin.CinCensus.Child;

/**
 * One DfE CIN census rule: its definition from {@link CinRuleCatalog} and its check. Most rules look at one child at a
 * time ({@link ChildCheck}); a few look at the whole return ({@link ReturnCheck}: LA-level counts, and values that must
 * be unique across children).
 */
public final class CinRule {

    /** Checks one child; flags the locations that break the rule. */
    @FunctionalInterface
    public interface ChildCheck {
        void check(Child child, CensusContext census, Flags flags);
    }

    /** Checks the whole return: sees every child in turn, then flags what it found. A new one is made per validation. */
    public interface ReturnCheck {

        void child(Child child, ChildRef ref, CensusContext census);

        void finish(CensusContext census, Flags flags);
    }

    private final CinRuleCatalog.Entry entry;
    private final ChildCheck childCheck;
    private final Supplier<ReturnCheck> returnCheck;

    private CinRule(CinRuleCatalog.Entry entry, ChildCheck childCheck, Supplier<ReturnCheck> returnCheck) {
        this.entry = entry;
        this.childCheck = childCheck;
        this.returnCheck = returnCheck;
    }

    static CinRule child(String code, ChildCheck check) {
        return new CinRule(CinRuleCatalog.get(code), check, null);
    }

    /** An Oversight check that is not a DfE rule. */
    static CinRule own(CinRuleCatalog.Entry entry, ChildCheck check) {
        return new CinRule(entry, check, null);
    }

    static CinRule whole(String code, Supplier<ReturnCheck> check) {
        return new CinRule(CinRuleCatalog.get(code), null, check);
    }

    public String code() {
        return entry.code();
    }

    public CinSeverity severity() {
        return entry.severity();
    }

    public String table() {
        return entry.table();
    }

    public String message() {
        return entry.message();
    }

    ChildCheck childCheck() {
        return childCheck;
    }

    ReturnCheck newReturnCheck() {
        return returnCheck == null ? null : returnCheck.get();
    }

    @Override
    public String toString() {
        return code() + " " + message().strip();
    }
}
