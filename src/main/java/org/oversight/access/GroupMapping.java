package org.oversight.access;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the groups an identity provider sends into one Oversight role and, for LA roles, one LA.
 * <p>
 * Two kinds of rule: an explicit map (group name or id → role and LA URN, for providers such as Entra ID that send
 * group ids) is tried first; then a pattern with the named parts {@code role} (e.g. {@code la-manager}) and, for LA
 * roles, {@code la} (the LA's URN), e.g. {@code oversight-la-manager-80450}. A group that maps to an LA role without an
 * LA, or to a national role with one, grants nothing. When several groups map, the most powerful role wins (in the
 * order of {@link Role}); two different LAs at that role are ambiguous and grant nothing.
 */
final class GroupMapping {

    /** What one or more groups grant. */
    record Grant(Role role, Integer laUrn) {
        Grant {
            if (role.laScoped() != (laUrn != null)) {
                throw new IllegalArgumentException(role + (role.laScoped() ? " needs an LA URN" : " must not name an LA"));
            }
        }
    }

    static final String DEFAULT_PATTERN =
            "oversight-(?<role>admin|la-manager|la-staff|councillor|inspector|national-analyst)(?:-(?<la>\\d+))?";

    private final Pattern pattern;
    private final Map<String, Grant> explicit;

    GroupMapping(String pattern, Map<String, Grant> explicit) {
        this.pattern = pattern == null || pattern.isBlank() ? null : Pattern.compile(pattern);
        if (this.pattern != null && !this.pattern.pattern().contains("(?<role>")) {
            throw new IllegalArgumentException("The group pattern needs a named part (?<role>...): " + pattern);
        }
        this.explicit = Map.copyOf(explicit);
    }

    /**
     * Parses the explicit map, e.g. {@code "a1b2=LA_MANAGER:80450, analysts=NATIONAL_ANALYST"}: comma-separated
     * entries of group, '=', role and, for LA roles, ':' and the LA's URN.
     */
    static Map<String, Grant> parseMap(String text) {
        Map<String, Grant> map = new LinkedHashMap<>();
        if (text == null || text.isBlank()) {
            return map;
        }
        for (String entry : text.split(",")) {
            if (entry.isBlank()) {
                continue;
            }
            int eq = entry.lastIndexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("Group map entry '" + entry.strip() + "' needs the form group=ROLE or group=ROLE:URN");
            }
            String group = entry.substring(0, eq).strip();
            String[] grant = entry.substring(eq + 1).strip().split(":", 2);
            Role role;
            try {
                role = Role.valueOf(grant[0].strip().toUpperCase(Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Group map entry '" + entry.strip() + "': unknown role '" + grant[0].strip() + "'");
            }
            Integer urn;
            try {
                urn = grant.length > 1 ? Integer.valueOf(grant[1].strip()) : null;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("Group map entry '" + entry.strip() + "': '" + grant[1].strip() + "' is not an LA URN");
            }
            try {
                map.put(group, new Grant(role, urn));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Group map entry '" + entry.strip() + "': " + e.getMessage());
            }
        }
        return map;
    }

    /** The one grant these groups give, or empty when none (or an ambiguous choice of LA) maps. */
    Optional<Grant> grant(Collection<String> groups) {
        List<Grant> grants = new ArrayList<>();
        for (String group : groups) {
            one(group).ifPresent(grants::add);
        }
        if (grants.isEmpty()) {
            return Optional.empty();
        }
        Role top = grants.stream().map(Grant::role).min(Comparator.naturalOrder()).orElseThrow();
        List<Grant> best = grants.stream().filter(g -> g.role() == top).distinct().toList();
        return best.size() == 1 ? Optional.of(best.getFirst()) : Optional.empty();
    }

    private Optional<Grant> one(String group) {
        if (group == null) {
            return Optional.empty();
        }
        Grant mapped = explicit.get(group);
        if (mapped != null) {
            return Optional.of(mapped);
        }
        if (pattern == null) {
            return Optional.empty();
        }
        Matcher m = pattern.matcher(group);
        if (!m.matches()) {
            return Optional.empty();
        }
        Role role;
        try {
            role = Role.valueOf(m.group("role").toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        String la = hasLa() ? m.group("la") : null;
        if (role.laScoped() != (la != null)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Grant(role, la == null ? null : Integer.valueOf(la)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private boolean hasLa() {
        return pattern.pattern().contains("(?<la>");
    }
}
