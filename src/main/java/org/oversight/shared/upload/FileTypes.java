package org.oversight.shared.upload;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What a file is, from its first bytes (its "magic bytes"), never from the type the browser claimed: the kinds of
 * evidence Oversight keeps. A file is accepted only when its content is what its name says it is.
 */
public final class FileTypes {

    /** A kind of file, its media type and the name endings it may have. */
    public enum Kind {
        PDF("application/pdf", "a PDF", "pdf"),
        PNG("image/png", "a PNG image", "png"),
        JPEG("image/jpeg", "a JPEG image", "jpg", "jpeg"),
        DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "a Word document", "docx"),
        XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "an Excel workbook", "xlsx"),
        CSV("text/csv", "a CSV file", "csv"),
        TEXT("text/plain", "a text file", "txt");

        private final String mediaType;
        private final String words;
        private final String[] endings;

        Kind(String mediaType, String words, String... endings) {
            this.mediaType = mediaType;
            this.words = words;
            this.endings = endings;
        }

        public String mediaType() {
            return mediaType;
        }

        public String words() {
            return words;
        }
    }

    /** What a check found: the kind, or why the file is refused (in words, naming the file). */
    public record Verdict(Kind kind, String problem) {
        public boolean ok() {
            return kind != null;
        }
    }

    private static final byte[] PDF = "%PDF-".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final byte[] JPEG = {(byte) 0xff, (byte) 0xd8, (byte) 0xff};
    private static final byte[] ZIP = {'P', 'K', 3, 4};
    private static final byte[] OLE2 = {(byte) 0xd0, (byte) 0xcf, 0x11, (byte) 0xe0, (byte) 0xa1, (byte) 0xb1, 0x1a, (byte) 0xe1};

    private FileTypes() {
    }

    /** The kind a name's ending says, if it is one Oversight keeps. */
    public static Optional<Kind> byName(String fileName) {
        if (fileName == null) {
            return Optional.empty();
        }
        String name = fileName.toLowerCase(Locale.ROOT).strip();
        int dot = name.lastIndexOf('.');
        String ending = dot < 0 ? "" : name.substring(dot + 1);
        return Arrays.stream(Kind.values()).filter(k -> Arrays.asList(k.endings).contains(ending)).findFirst();
    }

    /** The kind the content is, from its first bytes; text (CSV or plain) when it has no binary bytes at all. */
    public static Optional<Kind> byContent(byte[] content) {
        if (content == null || content.length == 0) {
            return Optional.empty();
        }
        if (startsWith(content, PDF)) {
            return Optional.of(Kind.PDF);
        }
        if (startsWith(content, PNG)) {
            return Optional.of(Kind.PNG);
        }
        if (startsWith(content, JPEG)) {
            return Optional.of(Kind.JPEG);
        }
        if (startsWith(content, ZIP)) {
            // An Office Open XML file is a zip whose part names are stored as plain text in its headers.
            if (contains(content, "word/document.xml")) {
                return Optional.of(Kind.DOCX);
            }
            if (contains(content, "xl/workbook.xml")) {
                return Optional.of(Kind.XLSX);
            }
            return Optional.empty();
        }
        if (startsWith(content, OLE2)) {
            return Optional.empty(); // an old .doc or .xls, or anything else in a compound file
        }
        return text(content) ? Optional.of(Kind.TEXT) : Optional.empty();
    }

    /** Whether the content is what the name says, as a kind Oversight keeps; otherwise why not, in words. */
    public static Verdict check(String fileName, byte[] content) {
        Optional<Kind> named = byName(fileName);
        if (named.isEmpty()) {
            return new Verdict(null, "The file " + fileName + " must be a PDF, Word (.docx), Excel (.xlsx), CSV, text, PNG or JPEG file");
        }
        Optional<Kind> found = byContent(content);
        Kind expected = named.get();
        boolean textual = expected == Kind.CSV || expected == Kind.TEXT;
        if (found.isPresent() && (found.get() == expected || textual && found.get() == Kind.TEXT)) {
            return new Verdict(expected, null);
        }
        String is = found.map(k -> "it is " + k.words()).orElse("its content is not " + expected.words() + " (it may be damaged, or another kind of file renamed)");
        return new Verdict(null, "The file " + fileName + " is named as " + expected.words() + " but " + is);
    }

    private static boolean startsWith(byte[] content, byte[] magic) {
        if (content.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (content[i] != magic[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean contains(byte[] content, String ascii) {
        byte[] needle = ascii.getBytes(StandardCharsets.US_ASCII);
        outer:
        for (int i = 0; i + needle.length <= content.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (content[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    /** Text: no control bytes other than tab, line breaks and form feed (UTF-8 or a Windows code page alike). */
    private static boolean text(byte[] content) {
        int n = Math.min(content.length, 64 * 1024);
        for (int i = 0; i < n; i++) {
            int b = content[i] & 0xff;
            if (b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f' || b == 0x7f) {
                return false;
            }
        }
        return true;
    }
}
