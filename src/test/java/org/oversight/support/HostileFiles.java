package org.oversight.support;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Crafted files for the hostile-input tests, made at run time (nothing large is committed): an Annex A workbook whose
 * sheets expand to far more than they weigh while passing POI's own per-entry size and compression-ratio checks, CSV
 * tables with a million rows, a huge value or thousands of columns, and valid returns exactly at the row limit.
 */
public final class HostileFiles {

    private HostileFiles() {
    }

    /** What a crafted workbook is: its size on disk, the bytes its parts expand to, and its worst compression ratio. */
    public record Workbook(Path file, long bytes, long expanded, double smallestRatio) {
    }

    /**
     * An Annex A workbook with {@code sheets} sheets ("List 8", "List 9", then "Sheet 3"...), each a valid list whose
     * rows are padded to {@code sheetBytes} of XML. Each sheet is compressed once and its bytes written for every
     * sheet, so a workbook that expands to more than a gigabyte is written in seconds.
     */
    public static Workbook annexABomb(Path file, int sheets, long sheetBytes, long seed) throws IOException {
        Map<String, byte[]> parts = skeleton(sheets);
        byte[] sheet = paddedSheet(sheetBytes, seed);
        Deflated deflated = deflate(sheet);
        List<ZipPart> entries = new ArrayList<>();
        for (Map.Entry<String, byte[]> p : parts.entrySet()) {
            if (p.getKey().startsWith("xl/worksheets/sheet")) {
                entries.add(new ZipPart(p.getKey(), deflated.data(), deflated.crc(), sheet.length));
            } else {
                Deflated small = deflate(p.getValue());
                entries.add(new ZipPart(p.getKey(), small.data(), small.crc(), p.getValue().length));
            }
        }
        writeZip(file, entries);
        long expanded = entries.stream().mapToLong(ZipPart::size).sum();
        double ratio = entries.stream().filter(e -> e.size() > 100_000).mapToDouble(e -> (double) e.data().length / e.size()).min().orElse(1);
        return new Workbook(file, Files.size(file), expanded, ratio);
    }

    /** A real workbook's parts (POI writes them), with the worksheets to be replaced. */
    private static Map<String, byte[]> skeleton(int sheets) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            for (int i = 1; i <= sheets; i++) {
                wb.createSheet(i == 1 ? "List 8" : i == 2 ? "List 9" : "Sheet " + i).createRow(0).createCell(0).setCellValue("x");
            }
            wb.write(bytes);
        }
        Map<String, byte[]> parts = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                parts.put(e.getName(), zip.readAllBytes());
            }
        }
        return parts;
    }

    /** A list 8 (and 9) sheet: the headings, then rows of a child, a team, a worker and dates, padded with filler cells. */
    private static byte[] paddedSheet(long target, long seed) {
        Random random = new Random(seed);
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(Integer.MAX_VALUE - 16, target + 64_000));
        StringBuilder sb = new StringBuilder();
        sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
        String[] headings = {"Child Unique ID", "Allocated Team", "Allocated Worker", "Date of Last Social Work Visit", "Date of Last Health Assessment"};
        sb.append("<row r=\"1\">");
        for (int c = 0; c < headings.length; c++) {
            sb.append("<c r=\"").append((char) ('A' + c)).append("1\" t=\"inlineStr\"><is><t>").append(headings[c]).append("</t></is></c>");
        }
        sb.append("</row>");
        String filler = "x".repeat(300);
        int row = 2;
        byte[] end = "</sheetData></worksheet>".getBytes(StandardCharsets.UTF_8);
        while (out.size() + sb.length() + end.length < target) {
            sb.append("<row r=\"").append(row).append("\">");
            cell(sb, "A", row, String.format("%010d", Math.floorMod(random.nextLong(), 10_000_000_000L)));
            cell(sb, "B", row, "Team A");
            cell(sb, "C", row, "Worker 1");
            cell(sb, "D", row, "01/02/2026");
            cell(sb, "E", row, "01/01/2026");
            for (int c = 0; c < 30; c++) {
                cell(sb, c < 21 ? String.valueOf((char) ('F' + c)) : "A" + (char) ('A' + c - 21), row, filler);
            }
            sb.append("</row>");
            row++;
            if (sb.length() > 1_000_000) {
                out.writeBytes(sb.toString().getBytes(StandardCharsets.UTF_8));
                sb.setLength(0);
            }
        }
        out.writeBytes(sb.toString().getBytes(StandardCharsets.UTF_8));
        out.writeBytes(end);
        return out.toByteArray();
    }

    private static void cell(StringBuilder sb, String column, int row, String text) {
        sb.append("<c r=\"").append(column).append(row).append("\" t=\"inlineStr\"><is><t>").append(text).append("</t></is></c>");
    }

    private record Deflated(byte[] data, long crc) {
    }

    private record ZipPart(String name, byte[] data, long crc, long size) {
    }

    private static Deflated deflate(byte[] data) {
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        deflater.setInput(data);
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(1024, data.length / 20));
        byte[] buffer = new byte[1 << 16];
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        CRC32 crc = new CRC32();
        crc.update(data);
        return new Deflated(out.toByteArray(), crc.getValue());
    }

    /** A zip of already-deflated entries (method 8), with its central directory: what ZipOutputStream writes, minus compressing again. */
    private static void writeZip(Path file, List<ZipPart> parts) throws IOException {
        try (OutputStream raw = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            CountingOut out = new CountingOut(raw);
            List<long[]> offsets = new ArrayList<>();
            for (ZipPart p : parts) {
                offsets.add(new long[] {out.count});
                byte[] name = p.name().getBytes(StandardCharsets.UTF_8);
                int32(out, 0x04034b50); int16(out, 20); int16(out, 0x0800); int16(out, 8); int16(out, 0); int16(out, 0x21);
                int32(out, (int) p.crc()); int32(out, p.data().length); int32(out, (int) p.size()); int16(out, name.length); int16(out, 0);
                out.write(name);
                out.write(p.data());
            }
            long directory = out.count;
            for (int i = 0; i < parts.size(); i++) {
                ZipPart p = parts.get(i);
                byte[] name = p.name().getBytes(StandardCharsets.UTF_8);
                int32(out, 0x02014b50); int16(out, 20); int16(out, 20); int16(out, 0x0800); int16(out, 8); int16(out, 0); int16(out, 0x21);
                int32(out, (int) p.crc()); int32(out, p.data().length); int32(out, (int) p.size()); int16(out, name.length); int16(out, 0);
                int16(out, 0); int16(out, 0); int16(out, 0); int32(out, 0); int32(out, (int) offsets.get(i)[0]);
                out.write(name);
            }
            long size = out.count - directory;
            int32(out, 0x06054b50); int16(out, 0); int16(out, 0); int16(out, parts.size()); int16(out, parts.size());
            int32(out, (int) size); int32(out, (int) directory); int16(out, 0);
        }
    }

    private static final class CountingOut extends java.io.FilterOutputStream {
        long count;

        CountingOut(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }
    }

    private static void int16(OutputStream out, int v) throws IOException {
        out.write(v & 0xff);
        out.write((v >>> 8) & 0xff);
    }

    private static void int32(OutputStream out, int v) throws IOException {
        int16(out, v & 0xffff);
        int16(out, (v >>> 16) & 0xffff);
    }

    /** header.csv with {@code rows} children that pass every DfE rule (about 30 bytes a row). */
    public static Path header(Path file, int rows) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n");
            for (int i = 0; i < rows; i++) {
                w.write("C" + (1_000_000 + i) + ",M,01/01/2012,WBRI,UN2,,\n");
            }
        }
        return file;
    }

    /** episodes.csv: one episode from May 2026 for each of the header's children, placed in the City of London from a home there. */
    public static Path episodes(Path file, int rows) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\n");
            for (int i = 0; i < rows; i++) {
                w.write("C" + (1_000_000 + i) + ",01/05/2026,S,C2,N1,U1,PR1,,,,EC2Y 8DS,EC1A 7BE,SC123456\n");
            }
        }
        return file;
    }

    /** reviews.csv: one review in June 2026 for each of the header's children. */
    public static Path reviews(Path file, int rows) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("CHILD,DOB,REVIEW,REVIEW_CODE\n");
            for (int i = 0; i < rows; i++) {
                w.write("C" + (1_000_000 + i) + ",01/01/2012,01/06/2026,PN1\n");
            }
        }
        return file;
    }

    /** header.csv whose second row has one value of {@code chars} characters. */
    public static Path hugeValue(Path file, int chars) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\nC1,M,01/01/2012,WBRI,\"");
            char[] block = new char[64 * 1024];
            java.util.Arrays.fill(block, 'a');
            for (int left = chars; left > 0; left -= block.length) {
                w.write(block, 0, Math.min(left, block.length));
            }
            w.write("\",,\n");
        }
        return file;
    }

    /** header.csv whose header row has {@code columns} columns. */
    public static Path manyColumns(Path file, int columns) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB");
            for (int i = 0; i < columns; i++) {
                w.write(",X" + i);
            }
            w.write("\nC1,M,01/01/2012,WBRI,UN1,,\n");
        }
        return file;
    }
}
