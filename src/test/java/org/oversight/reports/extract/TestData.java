package org.oversight.reports.extract;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the real Ofsted documents: {@code data/} under the working directory,. */
final class TestData {

    private TestData() {
    }

    static Path dir(String name) {
        String property = System.getProperty("oversight.data");
        Path[] candidates = {
                property == null ? null : Path.of(property, name),
                Path.of("data", name),
                };
        for (Path p : candidates) {
            if (p != null && Files.isDirectory(p)) {
                return p;
            }
        }
        throw new IllegalStateException("test data folder '" + name + "' not found under data/");
    }
}
