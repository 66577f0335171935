package org.oversight.shared.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.io.Resource;
import org.springframework.web.servlet.resource.ResourceTransformer;
import org.springframework.web.servlet.resource.ResourceTransformerChain;
import org.springframework.web.servlet.resource.TransformedResource;

/**
 * GOV.UK Frontend's stylesheet as a service outside GOV.UK must use it: the GDS Transport typeface is licensed for
 * GOV.UK only, so the stylesheet is served without its {@code @font-face} rules and with Arial in its place — what
 * compiling GOV.UK Frontend with {@code $govuk-font-family: arial, sans-serif} and
 * {@code $govuk-include-default-font-face: false} gives. Browsers then never ask for {@code /assets/fonts/…} (which
 * Oversight does not serve), so no page has a failed font request.
 */
final class GovukFonts implements ResourceTransformer {

    private static final Pattern FONT_FACE = Pattern.compile("@font-face\\{font-family:\"?GDS Transport\"?;[^}]*\\}");
    private static final Pattern FAMILY = Pattern.compile("\"?GDS Transport\"?,");

    /** The stylesheet without GDS Transport: no font faces, Arial first in every font stack. */
    static String withoutGdsTransport(String css) {
        return FAMILY.matcher(FONT_FACE.matcher(css).replaceAll("")).replaceAll("");
    }

    @Override
    public Resource transform(HttpServletRequest request, Resource resource, ResourceTransformerChain chain) throws IOException {
        Resource resolved = chain.transform(request, resource);
        String name = resolved.getFilename();
        if (name == null || !name.endsWith(".css")) {
            return resolved;
        }
        String css = new String(resolved.getContentAsByteArray(), StandardCharsets.UTF_8);
        return new TransformedResource(resolved, withoutGdsTransport(css).getBytes(StandardCharsets.UTF_8));
    }
}
