package org.oversight.inspection.web;

import java.util.List;

import org.oversight.inspection.domain.Finding;
import org.oversight.inspection.domain.FindingKind;

/** Add or change one finding. */
public class FindingForm {

    static final List<String> FIELD_ORDER = List.of("kind", "text", "frameworkReference");

    private String kind;
    private String text;
    private String frameworkReference;

    static FindingForm of(Finding f) {
        FindingForm form = new FindingForm();
        form.kind = f.kind().name();
        form.text = f.text();
        form.frameworkReference = f.frameworkReference();
        return form;
    }

    /** The kind, or null when none or an unknown one was sent (the rules then say "Select the kind of finding"). */
    FindingKind kind() {
        try {
            return kind == null || kind.isBlank() ? null : FindingKind.valueOf(kind);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    public String getKind() { return kind; }
    public void setKind(String kind) { this.kind = kind; }
    public String getText() { return text; }
    public void setText(String text) { this.text = text; }
    public String getFrameworkReference() { return frameworkReference; }
    public void setFrameworkReference(String frameworkReference) { this.frameworkReference = frameworkReference; }
}
