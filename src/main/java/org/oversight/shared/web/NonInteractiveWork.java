package org.oversight.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.oversight.shared.upload.WorkSlots;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * The slots of non-interactive work done inside a request: exports ({@code oversight.work.max-exports}) and generated
 * reports ({@code oversight.work.max-reports}), each N at a time. Imports have their own ({@code ImportSlots},
 * {@code oversight.imports.max-concurrent}). A request for such work when every slot is taken is answered at once with
 * 503 and Retry-After, never queued behind the others.
 */
@Component
public class NonInteractiveWork implements HandlerInterceptor {

    /** Seconds a client is told to wait before asking again. */
    public static final int RETRY_AFTER_SECONDS = 10;
    private static final String HELD = NonInteractiveWork.class.getName() + ".slot";

    private final WorkSlots exports;
    private final WorkSlots reports;

    NonInteractiveWork(@Value("${oversight.work.max-exports:2}") int maxExports, @Value("${oversight.work.max-reports:2}") int maxReports) {
        this.exports = new WorkSlots(maxExports, "An export is", "exports are", "oversight.work.max-exports", RETRY_AFTER_SECONDS);
        this.reports = new WorkSlots(maxReports, "A report is being generated", "reports are being generated", "oversight.work.max-reports",
                RETRY_AFTER_SECONDS);
    }

    public WorkSlots slots(NonInteractive.Kind kind) {
        return kind == NonInteractive.Kind.EXPORT ? exports : reports;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (handler instanceof HandlerMethod method) {
            NonInteractive work = method.getMethodAnnotation(NonInteractive.class);
            if (work != null) {
                request.setAttribute(HELD, slots(work.value()).takeOrRefuse());
            }
        }
        return true;
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
        if (request.getAttribute(HELD) instanceof WorkSlots.Slot slot) {
            request.removeAttribute(HELD);
            slot.close();
        }
    }
}
