package org.oversight.access;

import java.util.HashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * People's names for pages that record who did something by username (an audit's auditor and moderator, a history's
 * actor): pages show {@code peopleNames.name(username)}, the account's display name, or the text itself when no account has
 * that username (a name already, or "system"). Names are looked up once per request.
 */
@Component
@ControllerAdvice(annotations = Controller.class)
public class PeopleNames {

    private static final String CACHE = PeopleNames.class.getName();

    private final JdbcClient jdbc;

    PeopleNames(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @ModelAttribute("peopleNames")
    PeopleNames people() {
        return this;
    }

    /** The person's name for that username, or the text as given when it names no account. */
    public String name(String username) {
        if (username == null || username.isBlank()) {
            return username;
        }
        Map<String, String> cache = cache();
        String key = username.toLowerCase(java.util.Locale.ROOT);
        String cached = cache.get(key);
        if (cached != null) {
            return cached;
        }
        String name = jdbc.sql("SELECT display_name FROM app_user WHERE lower(username) = ?").param(key).query(String.class).optional()
                .filter(n -> !n.isBlank()).orElse(username);
        cache.put(key, name);
        return name;
    }

    /** The people's names, joined with commas, in the order given. */
    public String names(java.util.Collection<String> usernames) {
        return String.join(", ", usernames.stream().map(this::name).toList());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> cache() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request == null) {
            return new HashMap<>();
        }
        Object cache = request.getAttribute(CACHE, RequestAttributes.SCOPE_REQUEST);
        if (cache == null) {
            cache = new HashMap<String, String>();
            request.setAttribute(CACHE, cache, RequestAttributes.SCOPE_REQUEST);
        }
        return (Map<String, String>) cache;
    }
}
