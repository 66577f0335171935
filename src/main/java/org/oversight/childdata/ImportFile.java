package org.oversight.childdata;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.oversight.childdata.annexa.AnnexAWorkbook;

/** One file of an import: its name and how to read its bytes as a stream (read once, never held whole). */
public record ImportFile(String name, Opener opener) {

    /** Opens the file's bytes. */
    @FunctionalInterface
    public interface Opener {
        InputStream open() throws IOException;
    }

    public static ImportFile of(String name, byte[] bytes) {
        byte[] content = bytes == null ? new byte[0] : bytes;
        return new ImportFile(name, () -> new ByteArrayInputStream(content));
    }

    public static ImportFile of(Path path) {
        return new ImportFile(path.getFileName().toString(), () -> Files.newInputStream(path));
    }

    public InputStream open() throws IOException {
        return opener.open();
    }

    /** An Annex A workbook (.xlsx), as opposed to a CSV table of the SSDA903 return. */
    public boolean workbook() {
        return AnnexAWorkbook.isWorkbook(name);
    }
}
