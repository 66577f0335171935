package org.oversight.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every page needs: the signed-in person's name and the current path for the layout's navigation, and
 * {@link Choices} for the options of the GOV.UK choice fragments.
 */
@ControllerAdvice(annotations = org.springframework.stereotype.Controller.class)
public class GlobalModel implements LayoutModel {

    private final Choices choices;

    GlobalModel(Choices choices) {
        this.choices = choices;
    }

    @ModelAttribute("choices")
    Choices choices() {
        return choices;
    }

    @ModelAttribute("currentPath")
    String currentPath(HttpServletRequest request) {
        return request.getRequestURI();
    }

    @Override
    public void addTo(java.util.Map<String, Object> model, HttpServletRequest request, String path, int status) {
        model.putIfAbsent("choices", choices);
        model.putIfAbsent("currentPath", path);
        String who = signedInAs();
        if (who != null) {
            model.putIfAbsent("signedInAs", who);
        }
    }

    @ModelAttribute("signedInAs")
    String signedInAs() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || auth.getPrincipal() instanceof String) {
            return null;
        }
        return auth.getName();
    }
}
