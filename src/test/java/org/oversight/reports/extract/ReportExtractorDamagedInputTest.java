package org.oversight.reports.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.junit.jupiter.api.Test;

/**
 * Damaged and hostile inputs generated from the real PDFs: the extractor must return a failure with a
 * reason, or (for harmless damage) a success, and never throw.
 */
class ReportExtractorDamagedInputTest {

    private final ReportExtractor extractor = new ReportExtractor();

    private record Case(String name, byte[] bytes) {
    }

    @Test
    void neverThrowsAndAlwaysExplainsFailures() throws IOException {
        List<Case> cases = new ArrayList<>();
        byte[][] originals = {
                Files.readAllBytes(TestData.dir("ofsted-letters").resolve("peterborough-focused-visit-2023-03-01.pdf")),
                Files.readAllBytes(TestData.dir("ofsted-letters").resolve("wakefield-focused-visit-2018-02-27.pdf")),
                Files.readAllBytes(TestData.dir("ofsted-reports").resolve("80490-bromley-2024-01-12.pdf"))};
        Random random = new Random(20260427L);
        for (int f = 0; f < originals.length; f++) {
            byte[] pdf = originals[f];
            for (int i = 0; i < 45; i++) { // truncations spread over the whole file, plus a few near the start
                int length = i < 5 ? i * 7 + 1 : (int) ((long) pdf.length * i / 45);
                cases.add(new Case("truncated " + f + " at " + length, Arrays.copyOf(pdf, length)));
            }
            for (int i = 0; i < 30; i++) {
                byte[] copy = pdf.clone();
                int flips = 1 + random.nextInt(i < 20 ? 8 : 400);
                for (int k = 0; k < flips; k++) {
                    int pos = random.nextInt(copy.length);
                    copy[pos] ^= (byte) (1 << random.nextInt(8));
                }
                cases.add(new Case("bit flips " + f + " #" + i + " (" + flips + ")", copy));
            }
            byte[] zeroedMiddle = pdf.clone();
            Arrays.fill(zeroedMiddle, pdf.length / 3, 2 * pdf.length / 3, (byte) 0);
            cases.add(new Case("zeroed middle " + f, zeroedMiddle));
            byte[] noXref = pdf.clone();
            Arrays.fill(noXref, Math.max(0, pdf.length - 2048), pdf.length, (byte) ' ');
            cases.add(new Case("blanked trailer " + f, noXref));
        }
        cases.add(new Case("empty", new byte[0]));
        cases.add(new Case("zeros 1k", new byte[1024]));
        cases.add(new Case("zeros 100k", new byte[100_000]));
        for (int i = 0; i < 5; i++) {
            byte[] noise = new byte[1000 + random.nextInt(50_000)];
            random.nextBytes(noise);
            cases.add(new Case("random bytes " + i, noise));
            byte[] headed = noise.clone();
            System.arraycopy("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII), 0, headed, 0, 9);
            cases.add(new Case("pdf header + random bytes " + i, headed));
        }
        cases.add(new Case("header only", "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII)));
        cases.add(new Case("html", "<!DOCTYPE html><html><body>Report not found</body></html>".getBytes(StandardCharsets.UTF_8)));
        cases.add(new Case("encrypted", encrypted(originals[0])));
        cases.add(new Case("image only", imageOnly()));
        cases.add(new Case("not Ofsted", textPdf(List.of("Minutes of the parish council allotments committee",
                "The committee met on 3 March 2024 to discuss the annual rent review and water supply.",
                "Members agreed that plot holders should be notified of the new charges by letter.",
                "The secretary reported that the waiting list now holds forty names and that two",
                "plots had been left uncultivated for more than a year. Notices will be served."))));
        cases.add(new Case("Ofsted title but no table", textPdf(List.of(
                "Inspection of Nowhere local authority children's services",
                "Inspection dates: 1 to 5 July 2024",
                "Lead inspector: A Person, His Majesty's Inspector",
                "This document has the header of an inspection report but none of its judgements, so the",
                "extractor must not invent any grades for it and should explain what is missing instead."))));

        assertThat(cases.size()).isGreaterThanOrEqualTo(200);
        int failures = 0;
        for (Case c : cases) {
            ExtractionResult result = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
                    Duration.ofSeconds(20), () -> extractor.extract(c.name() + ".pdf", c.bytes()), c.name());
            assertThat(result).as(c.name()).isNotNull();
            if (result instanceof ExtractionResult.Failure f) {
                failures++;
                assertThat(f.reason()).as(c.name()).isNotBlank();
            }
        }
        System.out.printf("damaged inputs: %d cases, %d failures with reasons, %d still readable%n",
                cases.size(), failures, cases.size() - failures);

        assertThat(reason("empty", new byte[0])).isEqualTo("empty file");
        assertThat(reason("random.pdf", cases.stream().filter(c -> c.name().equals("random bytes 0")).findFirst()
                .orElseThrow().bytes())).startsWith("not a PDF");
        assertThat(reason("enc.pdf", encrypted(originals[0]))).contains("encrypted");
        assertThat(reason("scan.pdf", imageOnly())).isEqualTo("no text layer (scanned images only)");
        assertThat(reason("x.pdf", Arrays.copyOf(originals[2], 200))).startsWith("PDF is damaged");
        assertThat(reason("other.pdf", cases.stream().filter(c -> c.name().equals("not Ofsted")).findFirst()
                .orElseThrow().bytes())).isEqualTo("not an Ofsted children's services report or letter");
        assertThat(reason("notable.pdf", cases.getLast().bytes())).isEqualTo("no judgement table found");
    }

    private String reason(String name, byte[] bytes) {
        ExtractionResult r = extractor.extract(name, bytes);
        assertThat(r).as(name).isInstanceOf(ExtractionResult.Failure.class);
        return ((ExtractionResult.Failure) r).reason();
    }

    private static byte[] encrypted(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-secret", "user-secret",
                    new AccessPermission());
            policy.setEncryptionKeyLength(128);
            doc.protect(policy);
            return save(doc);
        }
    }

    private static byte[] imageOnly() throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            BufferedImage image = new BufferedImage(400, 300, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = image.createGraphics();
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, 400, 300);
            g.setColor(Color.BLACK);
            g.drawString("Inspection of a local authority children's services (scanned)", 10, 50);
            g.dispose();
            PDImageXObject xobject = LosslessFactory.createFromImage(doc, image);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                cs.drawImage(xobject, 50, 400, 400, 300);
            }
            return save(doc);
        }
    }

    static byte[] textPdf(List<String> lines) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                cs.beginText();
                cs.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 11);
                cs.setLeading(15);
                cs.newLineAtOffset(50, 780);
                for (String line : lines) {
                    cs.showText(line);
                    cs.newLine();
                }
                cs.endText();
            }
            return save(doc);
        }
    }

    private static byte[] save(PDDocument doc) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        doc.save(out);
        return out.toByteArray();
    }
}
