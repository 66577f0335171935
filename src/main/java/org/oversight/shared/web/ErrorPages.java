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

    private final java.util.List<LayoutModel> layout;

    ErrorPages(java.util.List<LayoutModel> layout) {
        this.layout = layout;
    }

    @Override
    public ModelAndView resolveErrorView(HttpServletRequest request, HttpStatus status, Map<String, Object> model) {
        String code = switch (status) {
            case NOT_FOUND -> "404";
            case FORBIDDEN -> "403";
            case CONTENT_TOO_LARGE -> "413";
            case METHOD_NOT_ALLOWED -> "405";
            case SERVICE_UNAVAILABLE -> "503";
            case TOO_MANY_REQUESTS -> "429";
            case BAD_REQUEST, UNSUPPORTED_MEDIA_TYPE, NOT_ACCEPTABLE -> "400";
            default -> "generic";
        };
        Map<String, Object> view = new HashMap<>();
        view.put("titleKey", "error." + code + ".title");
        view.put("bodyKey", "error." + code + ".body");
        Object detail = request.getAttribute("oversight.error.detail");
        view.put("detail", detail instanceof String text ? text : null);
        Object original = request.getAttribute(jakarta.servlet.RequestDispatcher.ERROR_REQUEST_URI);
        String path = original instanceof String p ? p : request.getRequestURI();
        for (LayoutModel part : layout) {
            part.addTo(view, request, path, status.value());
        }
        return new ModelAndView("error/page", view, status);
    }
}
