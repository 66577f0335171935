package org.oversight.compliance.web;

import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.oversight.access.Purpose;
import org.oversight.shared.web.FormErrors;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * Why a child's record is opened: asked before it opens (the answer goes to the access log and is kept for the
 * session), shared by the children-in-care record and the help-and-protection journey.
 */
@Component
class PurposeQuestion {

    static final String PAGE = "compliance/purpose";
    private static final String SESSION = "oversight.childRecordPurpose";

    private final MessageSource messages;

    PurposeQuestion(MessageSource messages) {
        this.messages = messages;
    }

    /**
     * The purpose given now or earlier in the session; or null, with the question put in the model for {@link #PAGE}
     * (with an error when an answer was sent and is not one of the purposes).
     *
     * @param action where the form goes (null: the children-in-care record); {@code back} the page to go back to
     */
    Purpose answer(String purpose, String asked, String childRef, String action, String back, HttpSession session, Model model,
                   HttpServletResponse response) {
        Purpose why = Purpose.parse(purpose);
        if (why == null && purpose == null) {
            why = (Purpose) session.getAttribute(SESSION);
        }
        if (why != null) {
            session.setAttribute(SESSION, why);
            return why;
        }
        model.addAttribute("childRef", childRef);
        model.addAttribute("purposes", Purpose.values());
        model.addAttribute("action", action);
        model.addAttribute("back", back);
        FormErrors errors = FormErrors.none();
        if (purpose != null || asked != null) {
            errors.add("purpose", messages.getMessage("purpose.error", null, LocaleContextHolder.getLocale()));
        }
        errors.show(model, response, List.of("purpose"));
        return null;
    }
}
