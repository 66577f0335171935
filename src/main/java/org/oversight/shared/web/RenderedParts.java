package org.oversight.shared.web;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

/**
 * The part of a page that is the same for everyone who may see it, rendered once for each distinct content and kept
 * (issue 15: rendering the templates is most of what a page costs). The key is the content itself — the template, the
 * fragment, the locale and every variable the fragment is given, compared by value (records, lists, strings, enums:
 * never arrays) — so a part is never out of date and never another page's: any change of the data gives another key.
 * The fragment must use only the variables it is given (no signed-in person, no request attribute), and hold no form
 * that posts: such a form needs the reader's own CSRF field, which a part shared by many readers cannot have, so
 * rendering one is refused.
 */
@Component
public class RenderedParts {

    /** Distinct parts kept (the least recently used goes first): a national table is about 100 KB of HTML. */
    static final int KEPT = 32;

    private static final java.util.regex.Pattern POSTING_FORM = java.util.regex.Pattern.compile("<form[^>]*method=\"post\"",
            java.util.regex.Pattern.CASE_INSENSITIVE);

    private final ITemplateEngine engine;
    private final Map<List<Object>, String> kept = new LinkedHashMap<>(KEPT * 2, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<List<Object>, String> eldest) {
            return size() > KEPT;
        }
    };
    private final AtomicLong rendered = new AtomicLong();
    private volatile JakartaServletWebApplication application;

    RenderedParts(ITemplateEngine engine) {
        this.engine = engine;
    }

    /** The fragment {@code fragment} of {@code template} rendered with these variables, or as kept from an earlier page. */
    public String render(String template, String fragment, Map<String, Object> variables, HttpServletRequest request,
                         HttpServletResponse response) {
        Locale locale = LocaleContextHolder.getLocale();
        Map<String, Object> copy = new HashMap<>(variables);
        List<Object> key = List.of(template, fragment, locale, copy);
        String html;
        synchronized (kept) {
            html = kept.get(key);
        }
        if (html != null) {
            return html;
        }
        JakartaServletWebApplication app = application;
        if (app == null) {
            app = JakartaServletWebApplication.buildApplication(request.getServletContext());
            application = app;
        }
        html = engine.process(template, Set.of(fragment), new WebContext(app.buildExchange(request, response), locale, copy));
        rendered.incrementAndGet();
        if (POSTING_FORM.matcher(html).find()) {
            throw new IllegalStateException(template + " :: " + fragment + " has a form that posts: it needs the reader's CSRF field, "
                    + "so it belongs in the page, not in a part rendered once for everyone");
        }
        synchronized (kept) {
            kept.put(key, html);
        }
        return html;
    }

    /** How many times a part was rendered rather than taken as kept (for tests). */
    long renders() {
        return rendered.get();
    }
}
