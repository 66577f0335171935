package org.oversight.shared.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The errors of one form submission, in the order of the fields on the page, for the GOV.UK error summary
 * (links to {@code #<fieldId>}) and the messages above each field.
 */
public class FormErrors {

    private final Map<String, String> byField = new LinkedHashMap<>();

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
