package org.oversight.improvement.report;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Renders the generated HTML to PDF with openhtmltopdf (PDFBox 3).
 *
 * <p>When a TrueType sans-serif font is found on the machine (Liberation Sans, metric-compatible with
 * Arial, from Debian's fonts-liberation; else DejaVu Sans from fonts-dejavu-core) it is embedded and
 * the PDF is produced as tagged PDF/UA, which needs every glyph in an embedded font. With no such font
 * the renderer falls back to an untagged PDF using the built-in Helvetica. {@link #fontsDirectory()}
 * can be pointed elsewhere with the system property {@value #FONT_DIR_PROPERTY}; the files are looked
 * for in that directory and in its {@code liberation} and {@code dejavu} subdirectories.
 *
 * <p>The renderer is not allowed to load any external resource: the page is self-contained.
 */
final class PdfRenderer {

    static final String FONT_DIR_PROPERTY = "oversight.report.fontDir";

    /** Candidate font families: CSS family name and the regular/bold/italic/bold-italic files. */
    private record FontFamily(String family, Path regular, Path bold, Path italic, Path boldItalic) {
        boolean usable() {
            return Files.isReadable(regular) && Files.isReadable(bold);
        }
    }

    private PdfRenderer() {
    }

    /** Whether tagged PDF/UA output is possible here (an embeddable font was found). */
    static boolean accessibleOutputAvailable() {
        return !fonts().isEmpty();
    }

    static void write(String xhtml, OutputStream out) throws IOException {
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFastMode();
        builder.useUnicodeLineBreaker(new LineBreaker());
        builder.useExternalResourceAccessControl((uri, type) -> false,
                com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI);
        builder.useExternalResourceAccessControl((uri, type) -> false,
                com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority.RUN_AFTER_RESOLVING_URI);
        List<FontFamily> fonts = fonts();
        for (FontFamily f : fonts) {
            // Each found family is embedded under its own name; the CSS font stack lists Liberation Sans
            // then DejaVu Sans, so DejaVu also supplies glyphs Liberation lacks (arrows, ticks, ...).
            register(builder, f.regular(), f.family(), 400, FontStyle.NORMAL);
            register(builder, f.bold(), f.family(), 700, FontStyle.NORMAL);
            register(builder, f.italic(), f.family(), 400, FontStyle.ITALIC);
            register(builder, f.boldItalic(), f.family(), 700, FontStyle.ITALIC);
        }
        if (!fonts.isEmpty()) {
            builder.usePdfUaAccessibility(true);
        }
        builder.withProducer("Oversight");
        builder.withHtmlContent(xhtml, null);
        builder.toStream(out);
        builder.run();
    }

    private static void register(PdfRendererBuilder builder, Path file, String family, int weight, FontStyle style) {
        if (Files.isReadable(file)) {
            File f = file.toFile();
            builder.useFont(f, family, weight, style, true);
        }
    }

    /** The usable candidate families, one per family name, in preference order. */
    private static List<FontFamily> fonts() {
        Map<String, FontFamily> found = new LinkedHashMap<>();
        for (FontFamily f : candidates()) {
            if (f.usable()) {
                found.putIfAbsent(f.family(), f);
            }
        }
        return List.copyOf(found.values());
    }

    private static List<FontFamily> candidates() {
        Path dir = fontsDirectory();
        return List.of(liberation(dir), liberation(dir.resolve("liberation")), liberation(dir.resolve("liberation2")),
                dejavu(dir), dejavu(dir.resolve("dejavu")));
    }

    /**
     * Where fonts are looked for: the directory named by the system property {@value #FONT_DIR_PROPERTY}
     * if set, else Debian's {@code /usr/share/fonts/truetype}.
     */
    static Path fontsDirectory() {
        String custom = System.getProperty(FONT_DIR_PROPERTY);
        return Path.of(custom == null || custom.isBlank() ? "/usr/share/fonts/truetype" : custom);
    }

    private static FontFamily liberation(Path dir) {
        return new FontFamily("Liberation Sans", dir.resolve("LiberationSans-Regular.ttf"),
                dir.resolve("LiberationSans-Bold.ttf"), dir.resolve("LiberationSans-Italic.ttf"),
                dir.resolve("LiberationSans-BoldItalic.ttf"));
    }

    private static FontFamily dejavu(Path dir) {
        return new FontFamily("DejaVu Sans", dir.resolve("DejaVuSans.ttf"), dir.resolve("DejaVuSans-Bold.ttf"),
                dir.resolve("DejaVuSans-Oblique.ttf"), dir.resolve("DejaVuSans-BoldOblique.ttf"));
    }
}
