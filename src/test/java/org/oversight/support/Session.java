package org.oversight.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A person using the pages as a browser without JavaScript would: cookies kept (the session and the device cookie),
 * signed in through the sign-in form, forms posted with the CSRF token of the last page read.
 */
public final class Session {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"|value=\"([^\"]+)\"\\s+name=\"_csrf\"");
    private final CookieManager cookies = new CookieManager();
    private final HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
    private final String base;
    private String csrf;

    public Session(int port) {
        this.base = "http://localhost:" + port;
    }

    public CookieManager cookies() {
        return cookies;
    }

    public Http.Response get(String path) {
        Http.Response r = send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/html").GET());
        Matcher m = CSRF.matcher(r.body());
        if (m.find()) {
            csrf = m.group(1) != null ? m.group(1) : m.group(2);
        }
        return r;
    }

    /** Signs in through the form; returns the response to the POST (302 to where it goes next). */
    public Http.Response signIn(String username, String password) {
        get("/login");
        return post("/login", "username", username, "password", password);
    }

    public Http.Response post(String path, String... pairs) {
        StringBuilder body = new StringBuilder("_csrf=").append(enc(csrf));
        for (int i = 0; i < pairs.length; i += 2) {
            body.append('&').append(enc(pairs[i])).append('=').append(enc(pairs[i + 1]));
        }
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/html")
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    /** Posts a form with files, as the upload pages do (the CSRF token as a field). */
    public Http.Response upload(String path, Map<String, String> fields, Map<String, byte[]> files) {
        return upload(path, fields, files, "files", "application/octet-stream");
    }

    /** As above, with the files in parts of the given name, each claiming the given content type. */
    public Http.Response upload(String path, Map<String, String> fields, Map<String, byte[]> files, String part, String claimedType) {
        String boundary = "oversight-" + java.util.UUID.randomUUID();
        Map<String, String> all = new java.util.LinkedHashMap<>(fields);
        all.put("_csrf", csrf);
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/html")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(Http.multipartBody(boundary, all, files, part, claimedType))));
    }

    public Http.Response send(HttpRequest.Builder builder) {
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

    private static String enc(String s) {
        return URLEncoder.encode(s == null ? "" : s, StandardCharsets.UTF_8);
    }
}
