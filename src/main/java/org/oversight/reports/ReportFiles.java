package org.oversight.reports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** The report files named on a command line: files as given, folders searched recursively for .pdf and .txt. */
public final class ReportFiles {

    private ReportFiles() {
    }

    /** Files to read, in a stable order, and the arguments that name nothing. */
    public record Found(List<Path> files, List<String> missing) {
    }

    public static Found collect(List<String> args) {
        List<Path> files = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String arg : args) {
            Path path = Path.of(arg);
            if (Files.isRegularFile(path)) {
                files.add(path);
            } else if (Files.isDirectory(path)) {
                try (Stream<Path> walk = Files.walk(path)) {
                    walk.filter(Files::isRegularFile).filter(ReportFiles::isDocument).sorted().forEach(files::add);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            } else {
                missing.add(arg);
            }
        }
        return new Found(files, missing);
    }

    static boolean isDocument(Path p) {
        String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".pdf") || name.endsWith(".txt");
    }
}
