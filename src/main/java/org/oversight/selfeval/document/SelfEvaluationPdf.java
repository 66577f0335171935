package org.oversight.selfeval.document;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.oversight.selfeval.SelfEvaluationViews.SelfEvaluation;

/**
 * The self-evaluation as PDF, rendered from {@link SelfEvaluationHtml} by openhtmltopdf (PDFBox): tagged PDF/UA when
 * an embeddable sans-serif font is on the machine (Debian's Liberation Sans or DejaVu Sans, as the committee report),
 * else untagged with Helvetica. Nothing outside the document is loaded.
 */
public final class SelfEvaluationPdf {

    private record Font(String family, Path regular, Path bold, Path italic, Path boldItalic) {
    }

    private SelfEvaluationPdf() {
    }

    public static void write(SelfEvaluation se, OutputStream out) throws IOException {
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFastMode();
        builder.useExternalResourceAccessControl((uri, type) -> false, ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI);
        builder.useExternalResourceAccessControl((uri, type) -> false, ExternalResourceControlPriority.RUN_AFTER_RESOLVING_URI);
        Font font = font();
        if (font != null) {
            register(builder, font.regular(), font.family(), 400, FontStyle.NORMAL);
            register(builder, font.bold(), font.family(), 700, FontStyle.NORMAL);
            register(builder, font.italic(), font.family(), 400, FontStyle.ITALIC);
            register(builder, font.boldItalic(), font.family(), 700, FontStyle.ITALIC);
            builder.usePdfUaAccessibility(true);
        }
        builder.withProducer("Oversight");
        builder.withHtmlContent(SelfEvaluationHtml.render(se, true), null);
        builder.toStream(out);
        builder.run();
    }

    /** Whether the PDF is tagged here (an embeddable font was found). */
    public static boolean tagged() {
        return font() != null;
    }

    private static void register(PdfRendererBuilder builder, Path file, String family, int weight, FontStyle style) {
        if (Files.isReadable(file)) {
            File f = file.toFile();
            builder.useFont(f, family, weight, style, true);
        }
    }

    private static Font font() {
        Path dir = Path.of(System.getProperty("oversight.report.fontDir", "/usr/share/fonts/truetype"));
        for (Font f : List.of(liberation(dir.resolve("liberation")), liberation(dir.resolve("liberation2")), liberation(dir),
                new Font("DejaVu Sans", dir.resolve("dejavu/DejaVuSans.ttf"), dir.resolve("dejavu/DejaVuSans-Bold.ttf"),
                        dir.resolve("dejavu/DejaVuSans-Oblique.ttf"), dir.resolve("dejavu/DejaVuSans-BoldOblique.ttf")))) {
            if (Files.isReadable(f.regular()) && Files.isReadable(f.bold())) {
                return f;
            }
        }
        return null;
    }

    private static Font liberation(Path dir) {
        return new Font("Liberation Sans", dir.resolve("LiberationSans-Regular.ttf"), dir.resolve("LiberationSans-Bold.ttf"),
                dir.resolve("LiberationSans-Italic.ttf"), dir.resolve("LiberationSans-BoldItalic.ttf"));
    }
}
