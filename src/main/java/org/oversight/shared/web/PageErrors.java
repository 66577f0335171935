package org.oversight.shared.web;

import jakarta.servlet.http.HttpServletResponse;
import org.oversight.shared.problem.InvalidInputException;
import org.oversight.shared.problem.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/** Errors on pages: GOV.UK-style 404, 403 and 500 pages with the right status. */
@ControllerAdvice(annotations = Controller.class)
@org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE + 10)
public class PageErrors {

    private static final Logger log = LoggerFactory.getLogger(PageErrors.class);

    private final java.util.List<LayoutModel> layout;

    PageErrors(java.util.List<LayoutModel> layout) {
        this.layout = layout;
    }

    @ExceptionHandler(NotFoundException.class)
    String notFound(NotFoundException e, Model model, HttpServletResponse response, jakarta.servlet.http.HttpServletRequest request) {
        response.setStatus(HttpStatus.NOT_FOUND.value());
        return page(model, request, "404", e.getMessage(), 404);
    }

    /** Input a page's handler did not show on its own form (a download's filters, say): a 400 page naming each field. */
    @ExceptionHandler(InvalidInputException.class)
    String invalid(InvalidInputException e, Model model, HttpServletResponse response, jakarta.servlet.http.HttpServletRequest request) {
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return page(model, request, "400", e.getMessage(), 400);
    }

    @ExceptionHandler(AccessDeniedException.class)
    String forbidden(AccessDeniedException e, Model model, HttpServletResponse response, jakarta.servlet.http.HttpServletRequest request) {
        response.setStatus(HttpStatus.FORBIDDEN.value());
        return page(model, request, "403", e.getMessage(), 403);
    }

    private String page(Model model, jakarta.servlet.http.HttpServletRequest request, String code, String detail, int status) {
        java.util.Map<String, Object> extra = new java.util.HashMap<>(model.asMap());
        for (LayoutModel part : layout) {
            part.addTo(extra, request, request.getRequestURI(), status);
        }
        model.addAllAttributes(extra);
        model.addAttribute("titleKey", "error." + code + ".title");
        model.addAttribute("bodyKey", "error." + code + ".body");
        model.addAttribute("detail", detail);
        return "error/page";
    }

    @ExceptionHandler(InsufficientAuthenticationException.class)
    String signIn() {
        return "redirect:/login";
    }
}
