package org.oversight.shared.web;

import java.util.Collection;
import java.util.Objects;

/**
 * One option of a GOV.UK radios, checkboxes or select fragment: the value sent, the text shown and an optional hint.
 *
 * @param hint shown under the option, or null
 * @param slug what the option's element ids end with ({@code field-slug}, {@code field-slug-hint}); the value unless given
 */
public record Choice(String value, String text, String hint, String slug) {

    public Choice {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(text, "text");
        slug = slug == null ? value : slug;
    }

    public Choice(String value, String text, String hint) {
        this(value, text, hint, null);
    }

    public Choice(String value, String text) {
        this(value, text, null, null);
    }

    /** Whether this option is the one selected (compared as text, so an enum, a UUID or a string will do). */
    public boolean is(Object selected) {
        return selected != null && value.equals(selected.toString());
    }

    /** Whether this option is among those selected. */
    public boolean in(Collection<?> selected) {
        return selected != null && selected.stream().anyMatch(this::is);
    }
}
