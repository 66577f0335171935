package org.oversight.shared.upload;

import org.springframework.stereotype.Component;

/**
 * How many imports run at once ({@code oversight.imports.max-concurrent}): a job queue takes a slot and waits for one;
 * an API call that cannot wait is refused with {@link ImportsBusyException} (503 with Retry-After).
 */
@Component
public class ImportSlots extends WorkSlots {

    /** Seconds an API client is told to wait before trying again. */
    public static final int RETRY_AFTER_SECONDS = 30;

    public ImportSlots(UploadLimits limits) {
        super(limits.maxConcurrent(), "An import is", "imports are", "oversight.imports.max-concurrent", RETRY_AFTER_SECONDS);
    }

    @Override
    protected BusyException busy() {
        return new ImportsBusyException(size());
    }

    /** Every slot is in use: try again later. */
    public static final class ImportsBusyException extends BusyException {
        public ImportsBusyException(int size) {
            super((size == 1 ? "An import is" : size + " imports are") + " running already; try again in "
                    + RETRY_AFTER_SECONDS + " seconds", RETRY_AFTER_SECONDS, "oversight.imports.max-concurrent");
        }
    }
}
