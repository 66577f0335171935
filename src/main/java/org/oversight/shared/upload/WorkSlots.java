package org.oversight.shared.upload;

import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * At most N pieces of one kind of non-interactive work at once (imports, exports, report generation): a queue takes a
 * slot and waits for one; a request that cannot wait is refused with {@link BusyException} (503 with Retry-After), so
 * such work cannot take the threads and connections that people's pages need.
 */
public class WorkSlots {

    private final Semaphore slots;
    private final int size;
    private final String setting;
    private final String one;
    private final String many;
    private final int retryAfterSeconds;

    /**
     * @param one     what one piece of this work is called in a refusal ("An import is")
     * @param many    the same for several ("imports are")
     * @param setting the setting that sizes it, named in the refusal
     */
    public WorkSlots(int size, String one, String many, String setting, int retryAfterSeconds) {
        this.size = Math.max(1, size);
        this.slots = new Semaphore(this.size, true);
        this.one = one;
        this.many = many;
        this.setting = setting;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** A slot held until closed. */
    public final class Slot implements AutoCloseable {
        private boolean open = true;

        @Override
        public void close() {
            if (open) {
                open = false;
                slots.release();
            }
        }
    }

    /** A slot if one is free now. */
    public Optional<Slot> tryTake() {
        return slots.tryAcquire() ? Optional.of(new Slot()) : Optional.empty();
    }

    /** A slot now, or {@link BusyException}. */
    public Slot takeOrRefuse() {
        return tryTake().orElseThrow(this::busy);
    }

    /** Waits for a slot (a job in the queue). */
    public Slot take() throws InterruptedException {
        slots.acquire();
        return new Slot();
    }

    /** Waits at most the given time for a slot. */
    public Optional<Slot> take(long timeout, TimeUnit unit) throws InterruptedException {
        return slots.tryAcquire(timeout, unit) ? Optional.of(new Slot()) : Optional.empty();
    }

    public int size() {
        return size;
    }

    /** Slots free now. */
    public int free() {
        return slots.availablePermits();
    }

    protected BusyException busy() {
        return new BusyException((size == 1 ? one : size + " " + many) + " running already; try again in " + retryAfterSeconds + " seconds",
                retryAfterSeconds, setting);
    }

    /** Every slot is in use: try again later (503, Retry-After). */
    public static class BusyException extends RuntimeException {
        private final int retryAfterSeconds;
        private final String setting;

        public BusyException(String message, int retryAfterSeconds, String setting) {
            super(message, null, false, false);
            this.retryAfterSeconds = retryAfterSeconds;
            this.setting = setting;
        }

        public int retryAfterSeconds() {
            return retryAfterSeconds;
        }

        /** The setting that sizes this work, e.g. {@code oversight.imports.max-concurrent}. */
        public String setting() {
            return setting;
        }
    }
}
