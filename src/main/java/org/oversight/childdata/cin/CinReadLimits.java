package org.oversight.childdata.cin;

/**
 * Caps that keep a bad or hostile file from exhausting memory or time. A file over {@code maxBytes} is refused before it
 * is read (when its size is known) or as soon as that many bytes have been read.
 *
 * @param maxBytes      the largest file accepted, in bytes
 * @param maxElements   the most XML elements accepted in one file
 * @param maxTextLength the longest text accepted in one element, in characters
 * @param maxDepth      the deepest element nesting accepted (a CIN census is 7 deep)
 */
public record CinReadLimits(long maxBytes, long maxElements, int maxTextLength, int maxDepth) {

    /**
     * Defaults sized for the largest LA's return with room to spare: 256 MiB (an LA of 30,000 children in need writes
     * about 40 MiB), 10 million elements, 4,096 characters in a value, 32 levels.
     */
    public static final CinReadLimits DEFAULT = new CinReadLimits(256L * 1024 * 1024, 10_000_000L, 4096, 32);

    public CinReadLimits {
        if (maxBytes <= 0 || maxElements <= 0 || maxTextLength <= 0 || maxDepth <= 0) {
            throw new IllegalArgumentException("CIN read limits must be positive");
        }
    }

    /** The same limits with another byte cap. */
    public CinReadLimits withMaxBytes(long bytes) {
        return new CinReadLimits(bytes, maxElements, maxTextLength, maxDepth);
    }

    /** The same limits with another element cap. */
    public CinReadLimits withMaxElements(long elements) {
        return new CinReadLimits(maxBytes, elements, maxTextLength, maxDepth);
    }
}
