package org.oversight.shared.web;

import java.util.HashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;

/** Errors that reach the servlet container (no handler, filters) get the same GOV.UK error page as the rest. */
@Component
class ErrorPages implements ErrorViewResolver {

    @Override
    public ModelAndView resolveErrorView(HttpServletRequest request, HttpStatus status, Map<String, Object> model) {
        String code = status == HttpStatus.NOT_FOUND ? "404" : status == HttpStatus.FORBIDDEN ? "403" : "generic";
        Map<String, Object> view = new HashMap<>();
        view.put("titleKey", "error." + code + ".title");
        view.put("bodyKey", "error." + code + ".body");
        view.put("detail", null);
        return new ModelAndView("error/page", view, status);
    }
}
