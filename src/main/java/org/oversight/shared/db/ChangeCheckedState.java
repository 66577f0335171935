package org.oversight.shared.db;

import java.time.Duration;
import java.util.function.Supplier;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The state of some tables (their rows and newest row version, from a query that scans them) asked for only when it may
 * have changed: every statement writing those tables moves {@code reference_change_seq} ({@code V50_15}), so while the
 * counter stands still and less than {@link #recheck} has passed since the last full query, its answer still holds.
 *
 * <p>Why the full query still runs at least once a {@link #recheck}: the counter moves when a writing statement runs,
 * before its transaction commits, so a full query made in between sees the tables as they were and the counter as it
 * will stay. Reads of the tables while a change to them is being committed may so see the state before it for up to
 * {@link #recheck}; a reader that comes after the commit and after the counter moved always sees the change, whichever
 * instance or session (or hand) made it.
 */
public final class ChangeCheckedState {

    private static final String COUNTER = "SELECT last_value FROM reference_change_seq";
    public static final Duration DEFAULT_RECHECK = Duration.ofSeconds(1);

    private final JdbcClient jdbc;
    private final Supplier<String> fullState;
    private final long recheck;
    private volatile Checked checked;

    private record Checked(long counter, long at, String state) {
    }

    public ChangeCheckedState(JdbcClient jdbc, Supplier<String> fullState, Duration recheck) {
        this.jdbc = jdbc;
        this.fullState = fullState;
        this.recheck = recheck.toNanos();
    }

    /** The tables' state: from the last full query while nothing wrote them and it is recent, else asked again. */
    public String current() {
        long counter = jdbc.sql(COUNTER).query(Long.class).single();
        long now = System.nanoTime();
        Checked last = checked;
        if (last != null && last.counter() == counter && now - last.at() < recheck) {
            return last.state();
        }
        String state = fullState.get();
        checked = new Checked(counter, now, state);
        return state;
    }
}
