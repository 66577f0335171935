package org.oversight.childdata.cin;

/**
 * A child seen earlier in a validation, for rules that flag children only once the whole return has been seen.
 *
 * @param index the child's position in the file, from 0
 * @param id    its LAchildID as written (may be null)
 * @param line  the line of its {@code <Child>} element, or 0
 */
public record ChildRef(int index, String id, int line) {
}
