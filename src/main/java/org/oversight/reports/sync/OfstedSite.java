package org.oversight.reports.sync;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Ofsted's reports site as the data-to-insight scrape tool reads it: the search for local authority children's
 * services ({@code search?...&level_1_types=3&level_2_types[]=12&start=N&rows=100}) lists every LA as a link to
 * {@code /provider/<n>/<urn>}; each provider page lists its publications as {@code a.publication-link} whose
 * {@code span.nonvisual} names the document and its date ("Children's services inspection, PDF - 27 October 2023").
 * Any base address can be given, so tests use a stand-in server.
 */
public final class OfstedSite {

    static final String SEARCH = "search?q=&location=&lat=&lon=&radius=&level_1_types=3&level_2_types%5B%5D=12";
    public static final int ROWS = 100;
    private static final Pattern URN = Pattern.compile("/provider/(?:[^/]+/)*(\\d{5,8})/?$");
    private static final Pattern DATED = Pattern.compile("(?i)^(.*?),?\\s*(?:pdf)?\\s*-\\s*(\\d{1,2} [a-z]+ \\d{4})\\s*$");
    private static final DateTimeFormatter DATE = new DateTimeFormatterBuilder().parseCaseInsensitive()
            .appendPattern("d MMMM uuuu").toFormatter(Locale.UK);
    private static final long MAX_DOCUMENT_BYTES = 50L * 1024 * 1024;

    private final URI base;
    private final HttpClient http;
    private final Duration timeout;

    public OfstedSite(String baseUrl, Duration timeout) {
        this.base = URI.create(baseUrl.endsWith("/") ? baseUrl : baseUrl + "/");
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    public URI base() {
        return base;
    }

    /** An LA's page on the site. */
    public record Provider(int urn, String name, URI page) {
    }

    /** A document listed on a provider page. */
    public record Publication(int urn, String title, LocalDate published, URI url, Kind kind) {
    }

    /** The publications sync-reports reads; everything else on a provider page (SEND, schools, ...) is left alone. */
    public enum Kind { INSPECTION_REPORT, FOCUSED_VISIT, MONITORING_VISIT, JTAI }

    /** A page that was fetched but did not look as expected. */
    public static final class UnreadablePage extends Exception {
        public UnreadablePage(String message) {
            super(message);
        }
    }

    /** One search page: the providers on it, in page order (empty past the last page). */
    public List<Provider> searchPage(int start) throws IOException, InterruptedException, UnreadablePage {
        URI page = base.resolve(SEARCH + "&start=" + start + "&rows=" + ROWS);
        Document doc = html(page);
        Map<Integer, Provider> providers = new LinkedHashMap<>();
        for (Element a : doc.select("a[href*=/provider/]")) {
            Matcher m = URN.matcher(a.attr("href").replaceAll("[?#].*$", ""));
            if (m.find()) {
                int urn = Integer.parseInt(m.group(1));
                providers.putIfAbsent(urn, new Provider(urn, a.text().strip(), page.resolve(a.attr("href"))));
            }
        }
        if (providers.isEmpty() && doc.select("body").text().isBlank()) {
            throw new UnreadablePage(page + ": the search page is empty");
        }
        return List.copyOf(providers.values());
    }

    /** The publications of one LA that sync-reports reads. */
    public List<Publication> publications(Provider provider) throws IOException, InterruptedException, UnreadablePage {
        Document doc = html(provider.page());
        List<Element> links = doc.select("a.publication-link");
        if (links.isEmpty()) {
            throw new UnreadablePage(provider.page() + " (" + provider.name() + "): no publication links (a.publication-link) on the page");
        }
        List<Publication> out = new ArrayList<>();
        List<String> unreadable = new ArrayList<>();
        for (Element a : links) {
            Element hidden = a.selectFirst("span.nonvisual");
            String text = (hidden == null ? a.text() : hidden.text()).replace('\u2019', '\'').strip();
            Kind kind = kind(text);
            if (kind == null) {
                continue;
            }
            Matcher m = DATED.matcher(text);
            LocalDate published = null;
            if (m.matches()) {
                try {
                    published = LocalDate.parse(m.group(2), DATE);
                } catch (DateTimeParseException e) {
                    published = null;
                }
            }
            String href = a.attr("href").strip();
            if (href.isEmpty() || published == null) {
                unreadable.add("'" + text + "'" + (href.isEmpty() ? " has no address" : " has no date"));
                continue;
            }
            out.add(new Publication(provider.urn(), m.group(1).strip(), published, provider.page().resolve(href), kind));
        }
        if (out.isEmpty() && !unreadable.isEmpty()) {
            throw new UnreadablePage(provider.page() + " (" + provider.name() + "): " + String.join("; ", unreadable));
        }
        return out;
    }

    static Kind kind(String text) {
        String t = text.toLowerCase(Locale.ROOT);
        if (t.contains("children's services inspection") || t.contains("single inspection of la children's services")) {
            return Kind.INSPECTION_REPORT;
        }
        if (t.contains("focused visit")) {
            return Kind.FOCUSED_VISIT;
        }
        if (t.contains("monitoring visit") && t.contains("children")) {
            return Kind.MONITORING_VISIT;
        }
        if (t.contains("joint area child protection inspection") || t.contains("joint targeted area inspection")) {
            return Kind.JTAI;
        }
        return null;
    }

    /** The document's bytes. */
    public byte[] download(URI url) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = http.send(request(url), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IOException(url + ": HTTP " + response.statusCode());
        }
        if (response.body().length > MAX_DOCUMENT_BYTES) {
            throw new IOException(url + ": larger than " + MAX_DOCUMENT_BYTES / (1024 * 1024) + " MB");
        }
        return response.body();
    }

    private Document html(URI page) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request(page), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException(page + ": HTTP " + response.statusCode());
        }
        return Jsoup.parse(response.body(), page.toString());
    }

    private HttpRequest request(URI url) {
        return HttpRequest.newBuilder(url).timeout(timeout).header("User-Agent", "Oversight sync-reports").GET().build();
    }
}
