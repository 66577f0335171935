package org.oversight.shared.upload;

import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.springframework.stereotype.Component;

/**
 * How many imports run at once ({@code oversight.imports.max-concurrent}): a job queue takes a slot and waits for one;
 * an API call that cannot wait is refused with {@link ImportsBusyException} (503 with Retry-After).
 */
@Component
public class ImportSlots {

    /** Seconds an API client is told to wait before trying again. */
    public static final int RETRY_AFTER_SECONDS = 30;

    private final Semaphore slots;
    private final int size;

    public ImportSlots(UploadLimits limits) {
        this.size = Math.max(1, limits.maxConcurrent());
        this.slots = new Semaphore(size, true);
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

    /** A slot now, or {@link ImportsBusyException}. */
    public Slot takeOrRefuse() {
        return tryTake().orElseThrow(() -> new ImportsBusyException(size));
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

    /** Every slot is in use: try again later. */
    public static final class ImportsBusyException extends RuntimeException {
        public ImportsBusyException(int size) {
            super((size == 1 ? "An import is" : size + " imports are") + " running already; try again in "
                    + RETRY_AFTER_SECONDS + " seconds", null, false, false);
        }
    }
}
