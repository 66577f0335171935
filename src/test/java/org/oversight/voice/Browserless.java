package org.oversight.voice;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.oversight.support.Http;

/**
 * A session of one person against the running app: cookies kept, CSRF token read from the last page, forms posted
 * like a browser without JavaScript. Optionally HTTP Basic as a staff user on every request.
 */
final class Browserless {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"|value=\"([^\"]+)\"\\s+name=\"_csrf\"");
    private final CookieManager cookies = new CookieManager();
    private final HttpClient client = HttpClient.newBuilder().cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final String base;
    private final String basicUser;
    private final String password;
    private String csrf;

    Browserless(int port) {
        this(port, null, null);
    }

    Browserless(int port, String basicUser, String password) {
        this.base = "http://localhost:" + port;
        this.basicUser = basicUser;
        this.password = password;
    }

    Http.Response get(String path) {
        return get(path, "text/html");
    }

    Http.Response get(String path, String accept) {
        Http.Response r = send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", accept).GET());
        Matcher m = CSRF.matcher(r.body());
        if (m.find()) {
            csrf = m.group(1) != null ? m.group(1) : m.group(2);
        }
        return r;
    }

    /** Posts a form (name, value pairs) with the CSRF token of the last page read (reads {@code tokenFrom} first if no token yet). */
    Http.Response post(String path, String... pairs) {
        if (csrf == null) {
            get("/my/sign-in");
        }
        StringBuilder body = new StringBuilder("_csrf=").append(enc(csrf));
        for (int i = 0; i < pairs.length; i += 2) {
            body.append('&').append(enc(pairs[i])).append('=').append(enc(pairs[i + 1]));
        }
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/html")
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    String csrf() {
        return csrf;
    }

    /** The value of a cookie this browser holds, or null. */
    String cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name)).map(java.net.HttpCookie::getValue)
                .findFirst().orElse(null);
    }

    private Http.Response send(HttpRequest.Builder builder) {
        if (basicUser != null) {
            builder.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (basicUser + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        try {
            HttpResponse<String> r = client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            return new Http.Response(r.statusCode(), r.body(), r.headers());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A JSON request with HTTP Basic as the given user (a young person's sign-in name, or staff). */
    static Http.Response json(int port, String method, String path, String json, String user, String password) {
        return json(port, method, path, json, user, password, null);
    }

    /** As above, sending a cookie header too (a device cookie, say). */
    static Http.Response json(int port, String method, String path, String json, String user, String password, String cookie) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Accept", "application/json")
                .header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        if (user != null) {
            b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        try {
            HttpResponse<String> r = HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Http.Response(r.statusCode(), r.body(), r.headers());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s == null ? "" : s, StandardCharsets.UTF_8);
    }
}
