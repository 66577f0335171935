package org.oversight.shared.upload;

/**
 * An upload went over one of the {@link UploadLimits}: its message says what, in words ("the workbook expands to more
 * than 200 MB"), and {@link #setting()} names the setting that holds the limit. Nothing is stored from it. Pages show
 * it and the API answers 413 with a problem detail.
 */
public class UploadLimitException extends RuntimeException {

    private final String setting;

    public UploadLimitException(String message, String setting) {
        super(message, null, false, false);
        this.setting = setting;
    }

    /** The configuration property of the limit, e.g. {@code oversight.imports.max-expanded-size}; null for a fixed limit. */
    public String setting() {
        return setting;
    }

    /** The same limit, said about a named file ("annex-a.xlsx: the workbook expands to ..."). */
    public UploadLimitException in(String fileName) {
        String message = getMessage();
        return fileName == null || fileName.isBlank() || message.startsWith(fileName + ": ") ? this
                : new UploadLimitException(fileName + ": " + message, setting);
    }
}
