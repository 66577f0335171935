package org.oversight.shared.web;

import java.io.IOException;
import java.net.URI;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Locale;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Oversight's own address ({@code OVERSIGHT_BASE_URL}) is the only source of absolute links and redirects: every
 * request is seen by the rest of the application as addressed to it (scheme, host, port, request URL), whatever its
 * Host or X-Forwarded-Host header says, and every redirect to a path of Oversight is sent as that address plus the
 * path. A forged Host header cannot point a redirect, a sign-in return address or a link anywhere else. When the
 * configured port is 0 (tests on a random port) the port the request arrived on is used.
 */
@Configuration(proxyBeanMethods = false)
public class BaseUrl {

    private static final Set<String> HIDDEN = Set.of("host", "x-forwarded-host", "x-forwarded-port", "x-forwarded-proto",
            "x-forwarded-prefix", "forwarded");

    private static final java.util.regex.Pattern SCHEME = java.util.regex.Pattern.compile("[a-zA-Z][a-zA-Z0-9+.-]*:");

    private final URI base;

    public BaseUrl(@Value("${oversight.base-url:http://localhost:8080}") String configured) {
        String trimmed = configured.endsWith("/") ? configured.substring(0, configured.length() - 1) : configured;
        this.base = URI.create(trimmed);
        if (base.getScheme() == null || base.getHost() == null) {
            throw new IllegalArgumentException("OVERSIGHT_BASE_URL must be an absolute address such as https://oversight.example.gov.uk, not "
                    + configured);
        }
    }

    /** The scheme, host and port of Oversight as configured, for the request (its local port when the configured one is 0). */
    public String origin(HttpServletRequest request) {
        return base.getScheme() + "://" + base.getHost() + portPart(port(request));
    }

    /** An absolute link to a path of Oversight. */
    public String absolute(HttpServletRequest request, String path) {
        return origin(request) + path;
    }

    private int port(HttpServletRequest request) {
        int port = base.getPort();
        if (port == 0) {
            return request.getLocalPort();
        }
        return port < 0 ? ("https".equalsIgnoreCase(base.getScheme()) ? 443 : 80) : port;
    }

    private String portPart(int port) {
        boolean standard = port == 80 && "http".equalsIgnoreCase(base.getScheme()) || port == 443 && "https".equalsIgnoreCase(base.getScheme());
        return standard ? "" : ":" + port;
    }

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> baseUrlFilter() {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                chain.doFilter(new AsConfigured(request), new RedirectsAsConfigured(response, request));
            }
        });
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.setName("baseUrlFilter");
        return registration;
    }

    /** The request as addressed to the configured base URL. */
    private final class AsConfigured extends HttpServletRequestWrapper {
        private final int port;

        AsConfigured(HttpServletRequest request) {
            super(request);
            this.port = BaseUrl.this.port(request);
        }

        @Override
        public String getScheme() {
            return base.getScheme();
        }

        @Override
        public String getServerName() {
            return base.getHost();
        }

        @Override
        public int getServerPort() {
            return port;
        }

        @Override
        public boolean isSecure() {
            return "https".equalsIgnoreCase(base.getScheme());
        }

        @Override
        public StringBuffer getRequestURL() {
            return new StringBuffer(base.getScheme()).append("://").append(base.getHost()).append(portPart(port)).append(getRequestURI());
        }

        @Override
        public String getHeader(String name) {
            if (name != null && name.toLowerCase(Locale.ROOT).equals("host")) {
                return base.getHost() + portPart(port);
            }
            return name != null && HIDDEN.contains(name.toLowerCase(Locale.ROOT)) ? null : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            String value = getHeader(name);
            if (name != null && HIDDEN.contains(name.toLowerCase(Locale.ROOT))) {
                return value == null ? Collections.emptyEnumeration() : Collections.enumeration(java.util.List.of(value));
            }
            return super.getHeaders(name);
        }
    }

    /** Redirects to a path of Oversight go to the configured address; others (a provider's sign-in page) as given. */
    private final class RedirectsAsConfigured extends HttpServletResponseWrapper {
        private final HttpServletRequest request;

        RedirectsAsConfigured(HttpServletResponse response, HttpServletRequest request) {
            super(response);
            this.request = request;
        }

        @Override
        public void sendRedirect(String location) throws IOException {
            super.sendRedirect(resolve(location));
        }

        @Override
        public void sendRedirect(String location, int sc, boolean clearBuffer) throws IOException {
            super.sendRedirect(resolve(location), sc, clearBuffer);
        }

        @Override
        public void setHeader(String name, String value) {
            super.setHeader(name, "location".equalsIgnoreCase(name) ? resolve(value) : value);
        }

        @Override
        public void addHeader(String name, String value) {
            super.addHeader(name, "location".equalsIgnoreCase(name) ? resolve(value) : value);
        }

        private String resolve(String location) {
            if (location == null || SCHEME.matcher(location).lookingAt()) {
                return location;
            }
            if (location.startsWith("/")) {
                return origin(request) + location.replaceFirst("^/+", "/"); // "//elsewhere" stays on Oversight
            }
            // Relative to the current path, as a browser would resolve it.
            String uri = request.getRequestURI();
            return origin(request) + uri.substring(0, uri.lastIndexOf('/') + 1) + location;
        }
    }
}
