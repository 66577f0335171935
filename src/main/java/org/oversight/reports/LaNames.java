package org.oversight.reports;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Matches an authority's name as a document prints it ("London Borough of Harrow", "Slough Borough Council",
 * "Sandwell Children's Trust", "City of Doncaster Council", "East Riding", "Kingston-upon-Thames") to the register,
 * with one rule for every LA: words that only say what kind of body it is (council, borough, city of, trust,
 * children's services, …) are dropped on both sides, then the names must be equal, or the register's name must
 * appear whole in the printed one (the longest wins), or the printed one must begin exactly one register name.
 */
final class LaNames {

    private static final Pattern KIND_WORDS = Pattern.compile(
            "\\b(the|council|councils|borough|metropolitan|royal|city|county|district|unitary|authority|local|of|london"
                    + "|corporation|childrens|children|s|services|service|trust|first|department|and partners)\\b");

    private LaNames() {
    }

    /** Lower case, accents, punctuation and hyphens gone, "&" as "and", single spaces. */
    static String plain(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFKD).replaceAll("\\p{M}", "").toLowerCase(Locale.UK)
                .replace('\u2019', '\'').replaceAll("'s\\b", "").replace("'", "").replace("&", " and ").replaceAll("[^a-z0-9 ]", " ")
                .replaceAll("\\s+", " ").trim();
    }

    /** The distinctive part of a name: {@link #plain} without the words that only say what kind of body it is. */
    static String key(String s) {
        String k = KIND_WORDS.matcher(plain(s)).replaceAll(" ").replaceAll("\\s+", " ").trim();
        return k.isEmpty() ? plain(s) : k;
    }

    /**
     * The one candidate the printed name refers to.
     *
     * @param names every name a candidate is known by (register name and also-known-as names)
     */
    static <T> Optional<T> match(String printed, List<T> candidates, Function<T, List<String>> names) {
        if (printed == null || printed.isBlank()) {
            return Optional.empty();
        }
        String wanted = key(printed);
        String padded = " " + wanted + " ";
        T contained = null;
        int containedLength = 0;
        List<T> prefixed = new ArrayList<>();
        for (T candidate : candidates) {
            for (String name : names.apply(candidate)) {
                String k = key(name);
                if (k.equals(wanted)) {
                    return Optional.of(candidate);
                }
                if (k.length() >= 4 && padded.contains(" " + k + " ") && k.length() > containedLength) {
                    contained = candidate;
                    containedLength = k.length();
                }
                if (wanted.length() >= 4 && (k + " ").startsWith(wanted + " ") && !prefixed.contains(candidate)) {
                    prefixed.add(candidate);
                }
            }
        }
        if (contained != null) {
            return Optional.of(contained);
        }
        return prefixed.size() == 1 ? Optional.of(prefixed.getFirst()) : Optional.empty();
    }
}
