package org.oversight.shared.upload;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads one XML file through {@link SafeXml} in a JVM of its own (started with a small heap by the tests). */
public final class SafeXmlProbe {

    private SafeXmlProbe() {
    }

    public static void main(String[] args) throws Exception {
        try (InputStream in = Files.newInputStream(Path.of(args[0]))) {
            System.out.println("read " + SafeXmlTest.read("cin.xml", in, UploadLimits.defaults()).size() + " elements");
        } catch (UploadLimitException e) {
            System.out.println("refused: " + e.getMessage());
        }
    }
}
