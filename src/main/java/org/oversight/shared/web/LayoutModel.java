package org.oversight.shared.web;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

/**
 * What the layout needs on every page, error pages too: an exception handler's model does not get the
 * {@code @ModelAttribute}s of controller advice, so {@link PageErrors} and {@link ErrorPages} ask every bean of this kind
 * to add its part (the signed-in person and their navigation, and on a refusal why and what to do).
 */
public interface LayoutModel {

    /**
     * @param status the HTTP status of an error page, or 0 on an ordinary page
     * @param path   the path that was asked for (on an error dispatch, the original one)
     */
    void addTo(Map<String, Object> model, HttpServletRequest request, String path, int status);
}
