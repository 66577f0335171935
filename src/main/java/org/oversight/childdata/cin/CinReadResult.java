package org.oversight.childdata.cin;

import java.util.List;

/**
 * What {@link CinCensusReader#read} found in one file.
 *
 * @param file       the file name given to the reader
 * @param census     the census read, or null when the file could not be read as a CIN census (see {@link #problems})
 * @param childLines the line of each child's {@code <Child>} element, in the order of {@code census.children()}
 * @param problems   problems found while reading, in file order: fatal ones (the file is not well formed, not a CIN
 *                   census, has a DOCTYPE, or is over a limit) and warnings (elements Oversight does not know, repeated
 *                   fields, text outside any field)
 */
public record CinReadResult(String file, CinCensus census, int[] childLines, List<CinError> problems) {

    public CinReadResult {
        problems = List.copyOf(problems);
    }

    /** True when the file could not be read as a CIN census at all. */
    public boolean failed() {
        return census == null;
    }

    /** The line of a child's {@code <Child>} element, or 0 if unknown. */
    public int lineOf(int childIndex) {
        return childIndex >= 0 && childIndex < childLines.length ? childLines[childIndex] : 0;
    }
}
