package org.oversight.support;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.oversight.shared.web.Choices;
import org.oversight.shared.web.FormErrors;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockServletContext;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fast view tests: renders a page's real Thymeleaf template with the real messages.properties and a model built in the
 * test, without a server, a database or a browser, and checks the markup as parsed HTML (Jsoup) against the rules every
 * page keeps: one h1, a title that repeats it (with "Error: " when the form has errors), an error summary whose every
 * link lands on a field, labels that point at fields, and no id used twice.
 */
public final class Views {

    private static final ResourceBundleMessageSource MESSAGES = new ResourceBundleMessageSource();
    private static final SpringTemplateEngine ENGINE = new SpringTemplateEngine();
    private static final MockServletContext SERVLET = new MockServletContext();
    private static final JakartaServletWebApplication APPLICATION = JakartaServletWebApplication.buildApplication(SERVLET);

    static {
        MESSAGES.setBasename("messages");
        MESSAGES.setDefaultEncoding("UTF-8");
        MESSAGES.setFallbackToSystemLocale(false);
        ClassLoaderTemplateResolver templates = new ClassLoaderTemplateResolver();
        templates.setPrefix("templates/");
        templates.setSuffix(".html");
        templates.setTemplateMode(TemplateMode.HTML);
        templates.setCharacterEncoding("UTF-8");
        ENGINE.setTemplateResolver(templates);
        ENGINE.setTemplateEngineMessageSource(MESSAGES);
    }

    private Views() {
    }

    /** The message of that key, as the pages show it. */
    public static String message(String key, Object... args) {
        return MESSAGES.getMessage(key, args, Locale.UK);
    }

    /** A model with what every page has (the Choices helper, a signed-in LA manager, no errors), to add the page's own to. */
    public static Map<String, Object> model(String path) {
        Map<String, Object> model = new HashMap<>();
        model.put("choices", new Choices(MESSAGES));
        model.put("currentPath", path);
        model.put("signedInAs", "col.manager");
        model.put("errors", FormErrors.none());
        model.put("errorList", List.of());
        return model;
    }

    /** The page rendered from that template and model. */
    public static Document render(String template, Map<String, Object> model) {
        return render(template, model, Map.of());
    }

    /** The page rendered from that template and model, for a request with those parameters. */
    public static Document render(String template, Map<String, Object> model, Map<String, String> parameters) {
        MockHttpServletRequest request = new MockHttpServletRequest(SERVLET, "GET", String.valueOf(model.getOrDefault("currentPath", "/")));
        parameters.forEach(request::addParameter);
        WebContext context = new WebContext(APPLICATION.buildExchange(request, new MockHttpServletResponse()), Locale.UK, model);
        return Jsoup.parse(ENGINE.process(template, context));
    }

    /** A fragment of a template rendered alone, as {@code shared.web.RenderedParts} renders a page's content. */
    public static String part(String template, String fragment, Map<String, Object> model) {
        MockHttpServletRequest request = new MockHttpServletRequest(SERVLET, "GET", String.valueOf(model.getOrDefault("currentPath", "/")));
        WebContext context = new WebContext(APPLICATION.buildExchange(request, new MockHttpServletResponse()), Locale.UK, model);
        return ENGINE.process(template, java.util.Set.of(fragment), context);
    }

    /**
     * Renders the page and checks the rules every page keeps; returns it for the page's own checks.
     *
     * @param withErrors whether the form on the page has errors (the title then starts "Error: ")
     */
    public static Document check(String template, Map<String, Object> model, boolean withErrors) {
        return check(template, model, Map.of(), withErrors);
    }

    /** As {@link #check(String, Map, boolean)}, for a request with those parameters. */
    public static Document check(String template, Map<String, Object> model, Map<String, String> parameters, boolean withErrors) {
        Document page = render(template, model, parameters);
        assertWellFormed(template, page, withErrors);
        return page;
    }

    /** The rules every page keeps. */
    public static void assertWellFormed(String template, Document page, boolean withErrors) {
        List<Element> h1 = page.select("h1");
        assertThat(h1).as(template + ": one h1").hasSize(1);
        String service = page.select("header .govuk-header__logotype-text").text();
        String heading = (withErrors ? message("error.titlePrefix") : "") + h1.getFirst().text();
        String expected = heading.equals(service) ? service : heading + " - " + service;
        assertThat(page.title()).as(template + ": the title repeats the h1").isEqualTo(expected);

        Set<String> ids = new HashSet<>();
        List<String> twice = new ArrayList<>();
        for (Element e : page.select("[id]")) {
            if (!ids.add(e.id())) {
                twice.add(e.id());
            }
        }
        assertThat(twice).as(template + ": ids used twice").isEmpty();

        for (Element label : page.select("label[for]")) {
            assertThat(page.getElementById(label.attr("for"))).as(template + ": the field of label '" + label.text() + "'").isNotNull();
        }
        for (Element described : page.select("[aria-describedby]")) {
            for (String id : described.attr("aria-describedby").trim().split("\\s+")) {
                assertThat(page.getElementById(id)).as(template + ": aria-describedby " + id).isNotNull();
            }
        }

        Element summary = page.selectFirst(".govuk-error-summary");
        if (withErrors) {
            assertThat(summary).as(template + ": an error summary").isNotNull();
            List<Element> links = summary.select("a");
            assertThat(links).as(template + ": the error summary lists the errors").isNotEmpty();
            for (Element link : links) {
                String href = link.attr("href");
                assertThat(href).as(template + ": error summary link").startsWith("#");
                Element target = page.getElementById(href.substring(1));
                assertThat(target).as(template + ": the field of error '" + link.text() + "'").isNotNull();
                assertThat(target.tagName()).as(template + ": '" + link.text() + "' links to a field").isIn("input", "select", "textarea");
                String field = href.substring(1).replaceFirst("-day$", "");
                assertThat(page.getElementById(field + "-error")).as(template + ": the message above " + href).isNotNull();
            }
        } else if (!page.select("main form").isEmpty()) {
            assertThat(summary).as(template + ": no error summary on a form without errors").isNull();
        }
    }
}
