package org.oversight.shared.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Builds the options of the GOV.UK choice fragments from values and message keys; on every page as {@code ${choices}}
 * (see {@link GlobalModel}), e.g. {@code ${choices.of(grades, 'grade.short.')}}.
 */
@Component
public class Choices {

    private final MessageSource messages;

    public Choices(MessageSource messages) {
        this.messages = messages;
    }

    /** One option per value (an enum or anything whose text is its value), its text the message {@code prefix + value}. */
    public List<Choice> of(Collection<?> values, String prefix) {
        return values.stream().map(v -> new Choice(v.toString(), message(prefix + v))).toList();
    }

    /** As {@link #of(Collection, String)}, each with the hint {@code prefix + value + ".hint"}. */
    public List<Choice> withHints(Collection<?> values, String prefix) {
        return values.stream().map(v -> new Choice(v.toString(), message(prefix + v), message(prefix + v + ".hint"))).toList();
    }

    /** As {@link #of(Collection, String)}, for an array (an enum's values()). */
    public List<Choice> of(Object[] values, String prefix) {
        return of(Arrays.asList(values), prefix);
    }

    /** As {@link #withHints(Collection, String)}, for an array (an enum's values()). */
    public List<Choice> withHints(Object[] values, String prefix) {
        return withHints(Arrays.asList(values), prefix);
    }

    /** The options after a first one with no value, whose text is the message {@code key} ("Not graded"). */
    public List<Choice> noneFirst(String key, List<Choice> options) {
        List<Choice> all = new ArrayList<>();
        all.add(new Choice("", message(key)));
        all.addAll(options);
        return List.copyOf(all);
    }

    /**
     * The message keys of a table's header row with a column per value in the middle (a column per grade, per area):
     * {@code before}, then {@code prefix + value} for each value, then {@code after}.
     */
    public List<String> columns(List<String> before, Object values, String prefix, List<String> after) {
        List<String> keys = new ArrayList<>(before);
        List<?> middle = values instanceof Object[] array ? Arrays.asList(array) : List.copyOf((Collection<?>) values);
        middle.forEach(v -> keys.add(prefix + v));
        keys.addAll(after);
        return keys;
    }

    /** One option per value whose text is the value itself (names, numbers). */
    public List<Choice> plain(Collection<?> values) {
        return values.stream().map(v -> new Choice(v.toString(), v.toString())).toList();
    }

    /** The message of that key with those arguments, for options built in a controller. */
    public String message(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}
