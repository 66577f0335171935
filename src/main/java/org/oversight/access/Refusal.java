package org.oversight.access;

import java.util.List;

/** Why a page was refused, as a message key and its arguments: what the 403 page says instead of a bare "no". */
public record Refusal(String key, List<Object> args) {

    /** The argument at that place, or "" (the page always passes three, so every message is formatted the same way). */
    public Object arg(int i) {
        return i < args.size() ? args.get(i) : "";
    }
}
