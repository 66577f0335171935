package org.oversight.shared.upload;

import java.io.IOException;
import java.net.URI;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Request bodies under the {@link UploadLimits}, checked before anything else reads them (Spring Security's CSRF
 * check reads a form's parameters, which for an upload means its parts):
 * <ul>
 *   <li>an upload (multipart) larger than {@code max-upload-size}, or with a file larger than {@code max-file-size},
 *       is answered 413 at once: a page for a form, a problem detail for the API; the parts of an accepted upload are
 *       on disk (Tomcat writes them there), never in memory;</li>
 *   <li>a JSON body is read through a {@link LimitedInputStream} of {@code max-json-body} bytes, so a huge body stops
 *       at the limit with 413 however it is sent (with a Content-Length or chunked), after authentication.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class RequestSizeLimits {

    /** Request attribute read by the error page: what was too large, in words. */
    static final String DETAIL = "oversight.error.detail";

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> requestSizeFilter(UploadLimits limits, JsonMapper json) {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new Filter(limits, json));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 100);
        registration.setName("requestSizeFilter");
        return registration;
    }

    static final class Filter extends OncePerRequestFilter {
        private final UploadLimits limits;
        private final JsonMapper json;

        Filter(UploadLimits limits, JsonMapper json) {
            this.limits = limits;
            this.json = json;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String type = request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
            if (type.startsWith("multipart/")) {
                String tooLarge = null;
                if (request.getContentLengthLong() > limits.maxUploadSize().toBytes()) {
                    tooLarge = uploadTooLarge();
                } else {
                    try {
                        request.getParts(); // parsed now (to disk), within the limits, before anything else reads a parameter
                    } catch (IllegalStateException | IOException | ServletException e) {
                        if (sizeLimit(e)) {
                            tooLarge = uploadTooLarge();
                        }
                    }
                }
                if (tooLarge != null) {
                    refuse(request, response, tooLarge, "oversight.imports.max-upload-size");
                    return;
                }
                chain.doFilter(request, response);
                return;
            }
            if (type.contains("json") || request.getRequestURI().startsWith("/api/") && !type.startsWith("application/x-www-form-urlencoded")) {
                // A body declared larger than the limit is refused like one sent in chunks: when it is read, at the limit. By
                // then the sender is known (and may be refused first), and an endpoint that keeps a record of what it was
                // sent (the LA's payload history) can record it.
                long max = limits.maxJsonBody().toBytes();
                chain.doFilter(new LimitedBody(request, max, jsonTooLarge(max)), response);
                return;
            }
            chain.doFilter(request, response);
        }

        private String uploadTooLarge() {
            return "The upload is too large: each file can be up to " + UploadLimits.words(limits.maxFileSize()) + " and all the files together up to "
                    + UploadLimits.words(limits.maxUploadSize()) + ". Nothing was stored.";
        }

        private static String jsonTooLarge(long max) {
            return "The request body is larger than " + UploadLimits.words(max) + ", the most a JSON body can be";
        }

        private static boolean sizeLimit(Throwable e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                String name = t.getClass().getSimpleName();
                if (name.contains("SizeLimitExceeded") || name.contains("SizeException") || name.contains("FileCountLimitExceeded")) {
                    return true;
                }
            }
            return false;
        }

        private void refuse(HttpServletRequest request, HttpServletResponse response, String detail, String setting) throws IOException {
            // Tomcat reads and drops the rest of the body (up to server.tomcat.max-swallow-size), so the client sees this answer.
            if (request.getRequestURI().startsWith("/api/")) {
                ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE, detail);
                problem.setTitle("Too large");
                problem.setInstance(URI.create(request.getRequestURI()));
                problem.setProperty("limit", setting);
                response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
                response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                json.writeValue(response.getOutputStream(), problem);
                return;
            }
            request.setAttribute(DETAIL, detail);
            response.sendError(HttpStatus.CONTENT_TOO_LARGE.value(), detail);
        }
    }

    /** The request with its body read through a {@link LimitedInputStream}. */
    private static final class LimitedBody extends HttpServletRequestWrapper {
        private final long max;
        private final String message;
        private ServletInputStream body;

        LimitedBody(HttpServletRequest request, long max, String message) {
            super(request);
            this.max = max;
            this.message = message;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (body == null) {
                ServletInputStream raw = super.getInputStream();
                LimitedInputStream limited = new LimitedInputStream(raw, max, () -> new UploadLimitException(message, "oversight.imports.max-json-body"));
                body = new ServletInputStream() {
                    @Override
                    public int read() throws IOException {
                        return limited.read();
                    }

                    @Override
                    public int read(byte[] b, int off, int len) throws IOException {
                        return limited.read(b, off, len);
                    }

                    @Override
                    public boolean isFinished() {
                        return raw.isFinished();
                    }

                    @Override
                    public boolean isReady() {
                        return raw.isReady();
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        raw.setReadListener(listener);
                    }
                };
            }
            return body;
        }

        @Override
        public java.io.BufferedReader getReader() throws IOException {
            String encoding = getCharacterEncoding() == null ? "UTF-8" : getCharacterEncoding();
            return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(), encoding));
        }
    }
}
