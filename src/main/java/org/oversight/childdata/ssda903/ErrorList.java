package org.oversight.childdata.ssda903;

import java.util.ArrayList;
import java.util.Collection;

/**
 * The errors of one import, kept up to a limit ({@code oversight.imports.max-errors}) and counted beyond it, so a file
 * with an error in every cell of a million rows cannot fill the memory. {@link #total()} is every error found;
 * {@link #size()} those kept.
 */
public final class ErrorList extends ArrayList<ValidationError> {

    private final int limit;
    private long total;
    private long queries;

    public ErrorList(int limit) {
        this.limit = limit;
    }

    @Override
    public boolean add(ValidationError e) {
        count(e);
        return size() < limit && super.add(e);
    }

    @Override
    public void add(int index, ValidationError e) {
        count(e);
        if (size() < limit) {
            super.add(index, e);
        }
    }

    @Override
    public boolean addAll(Collection<? extends ValidationError> errors) {
        boolean changed = false;
        for (ValidationError e : errors) {
            changed |= add(e);
        }
        if (errors instanceof ErrorList other) {
            total += other.total - other.size(); // the ones the other list counted without keeping
            queries += other.queries - other.stream().filter(ValidationError::query).count();
        }
        return changed;
    }

    /** Counts errors found elsewhere and not kept there. */
    public void countWithoutKeeping(long n) {
        total += Math.max(0, n);
    }

    private void count(ValidationError e) {
        total++;
        if (e.query()) {
            queries++;
        }
    }

    /** Every error and query found, kept or not. */
    public long total() {
        return total;
    }

    /** The queries among them (DfE asks the LA to check these; they do not stop an import). */
    public long queries() {
        return queries;
    }

    /** Whether some errors were counted but not kept. */
    public boolean truncated() {
        return total > size();
    }

    public int limit() {
        return limit;
    }
}
