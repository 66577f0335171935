package org.oversight.shared.web;

import java.nio.charset.StandardCharsets;

/**
 * The Content-Disposition of every file Oversight sends (RFC 6266): an ASCII {@code filename} for old clients and,
 * when the name has other characters, {@code filename*} with the name in UTF-8 (RFC 8187), so "Plan d’action – été.pdf"
 * arrives with its accents. Line breaks and quotes in a name cannot break out of the header.
 */
public final class Downloads {

    private Downloads() {
    }

    /** {@code attachment; filename="..."[; filename*=UTF-8''...]}: saved as a file. */
    public static String attachment(String fileName) {
        return disposition("attachment", fileName);
    }

    /** {@code inline; ...}: shown in the browser when it can. */
    public static String inline(String fileName) {
        return disposition("inline", fileName);
    }

    static String disposition(String type, String fileName) {
        String name = fileName == null || fileName.isBlank() ? "download" : fileName.replaceAll("[\\r\\n\\u0000-\\u001f\\u007f]", " ").strip();
        StringBuilder ascii = new StringBuilder();
        boolean plain = true;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                ascii.append('_');
                plain = false;
                if (Character.isHighSurrogate(c) && i + 1 < name.length()) {
                    i++;
                }
            } else if (c == '"' || c == '\\') {
                ascii.append('\\').append(c);
            } else {
                ascii.append(c);
            }
        }
        String header = type + "; filename=\"" + ascii + "\"";
        return plain ? header : header + "; filename*=UTF-8''" + rfc8187(name);
    }

    /** Percent-encoding of RFC 8187 (attr-char kept; spaces as %20, not +). */
    private static String rfc8187(String name) {
        StringBuilder out = new StringBuilder();
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            boolean attrChar = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "!#$&+-.^_`|~".indexOf(c) >= 0;
            if (attrChar) {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16))).append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
            }
        }
        return out.toString();
    }
}
