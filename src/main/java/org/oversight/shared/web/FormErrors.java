package org.oversight.shared.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import jakarta.servlet.http.HttpServletResponse;
import org.oversight.shared.problem.FieldProblem;
import org.oversight.shared.problem.InvalidInputException;
import org.springframework.ui.Model;

/**
 * The errors of one form submission, in the order of the fields on the page, for the GOV.UK error summary
 * (links to {@code #<fieldId>}) and the messages above each field. A page handler that catches an
 * {@link InvalidInputException} shows it with {@code FormErrors.of(e).show(model, response, fieldOrder)}.
 */
public class FormErrors {

    private final Map<String, String> byField = new LinkedHashMap<>();

    /** The problems of a refused command, each under its field's name. */
    public static FormErrors of(InvalidInputException e) {
        return of(e, UnaryOperator.identity());
    }

    /** The problems of a refused command, each under the page's id for its field (e.g. a date's day box). */
    public static FormErrors of(InvalidInputException e, UnaryOperator<String> fieldId) {
        return new FormErrors().addAll(e, fieldId);
    }

    /** Adds the problems of a refused command, each under its field's name. */
    public FormErrors addAll(InvalidInputException e) {
        return addAll(e, UnaryOperator.identity());
    }

    /** Adds the problems of a refused command, each under the page's id for its field. */
    public FormErrors addAll(InvalidInputException e, UnaryOperator<String> fieldId) {
        for (FieldProblem p : e.problems()) {
            add(fieldId.apply(p.field()), p.message());
        }
        return this;
    }

    /** The errors a handler has already put on the page (re-showing a form after a POST), or none. */
    public static FormErrors in(Model model) {
        return model.getAttribute("errors") instanceof FormErrors errors ? errors : new FormErrors();
    }

    /** One error under that field, or none when the message is null (for pages whose handler names a single error). */
    public static FormErrors one(String fieldId, String message) {
        FormErrors errors = new FormErrors();
        if (message != null) {
            errors.add(fieldId, message);
        }
        return errors;
    }

    /** No errors: the form as first shown. */
    public static FormErrors none() {
        return new FormErrors();
    }

    /**
     * Puts the errors on the page: {@code errors} (the message above each field) and {@code errorList} (the summary, in
     * the order of the fields); with any error, the response is 400.
     */
    public FormErrors show(Model model, HttpServletResponse response, List<String> fieldOrder) {
        if (any() && response != null) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        }
        model.addAttribute("errors", this);
        model.addAttribute("errorList", ordered(fieldOrder));
        return this;
    }

    /** As {@link #show(Model, HttpServletResponse, List)}, leaving the response's status to the caller. */
    public FormErrors show(Model model, List<String> fieldOrder) {
        return show(model, null, fieldOrder);
    }

    public void add(String fieldId, String message) {
        byField.putIfAbsent(fieldId, message);
    }

    public boolean any() {
        return !byField.isEmpty();
    }

    public boolean has(String fieldId) {
        return byField.containsKey(fieldId);
    }

    public String message(String fieldId) {
        return byField.get(fieldId);
    }

    /** Entries in the order given by {@code fieldOrder}, then any others. */
    public List<Map.Entry<String, String>> ordered(List<String> fieldOrder) {
        List<Map.Entry<String, String>> result = new ArrayList<>();
        for (String id : fieldOrder) {
            if (byField.containsKey(id)) {
                result.add(Map.entry(id, byField.get(id)));
            }
        }
        byField.forEach((id, message) -> {
            if (!fieldOrder.contains(id)) {
                result.add(Map.entry(id, message));
            }
        });
        return result;
    }
}
