package org.oversight.shared.upload;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The XML reader the CIN census import will use: a document type (entity expansion, external entities) is refused,
 * so are nesting deeper than any return, a value longer than the limit and a file past its size; a real-shaped file
 * streams through. A text of tens of megabytes is refused in a JVM of 48 MB, so it is never held whole.
 */
class SafeXmlTest {

    private static final UploadLimits LIMITS = UploadLimits.defaults();

    static List<String> read(String name, InputStream in, UploadLimits limits) throws Exception {
        List<String> names = new ArrayList<>();
        XMLStreamReader xml = SafeXml.open(name, in, limits);
        while (xml.hasNext()) {
            if (xml.next() == XMLStreamConstants.START_ELEMENT) {
                names.add(xml.getLocalName());
            }
        }
        return names;
    }

    private static List<String> read(String xml) throws Exception {
        return read("cin.xml", new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), LIMITS);
    }

    @Test
    void aRealShapedReturnStreamsThrough() throws Exception {
        assertThat(read("<Message><Children><Child><ChildIdentifiers><LAchildID>C1</LAchildID></ChildIdentifiers></Child></Children></Message>"))
                .containsExactly("Message", "Children", "Child", "ChildIdentifiers", "LAchildID");
    }

    @Test
    void entityExpansionAndExternalEntitiesAreRefused() {
        String laughs = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">"
                + "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">]><lolz>&lol3;</lolz>";
        assertThatThrownBy(() -> read(laughs)).isInstanceOf(UploadLimitException.class)
                .hasMessage("cin.xml: the file declares a document type (DTD), which Oversight does not read");
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>";
        assertThatThrownBy(() -> read(xxe)).isInstanceOf(UploadLimitException.class).hasMessageContaining("document type");
    }

    @Test
    void deepNestingALongValueAndALargeFileAreRefusedNamingTheLimit() {
        String deep = "<a>".repeat(SafeXml.MAX_DEPTH + 1) + "</a>".repeat(SafeXml.MAX_DEPTH + 1);
        assertThatThrownBy(() -> read(deep)).isInstanceOf(UploadLimitException.class).hasMessageStartingWith("cin.xml: elements are nested more than 64 deep");
        String longValue = "<a>" + "x".repeat(LIMITS.maxCellChars() + 1) + "</a>";
        assertThatThrownBy(() -> read(longValue)).isInstanceOf(UploadLimitException.class)
                .hasMessage("cin.xml: a value at line 1 is longer than 32,767 characters");
        UploadLimits small = new UploadLimits(DataSize.ofKilobytes(1), DataSize.ofMegabytes(1), DataSize.ofMegabytes(1), 1, 10, 10, 32_767, 10,
                10, 1, DataSize.ofKilobytes(1));
        String big = "<a>" + "<b>1</b>".repeat(500) + "</a>";
        assertThatThrownBy(() -> read("cin.xml", new ByteArrayInputStream(big.getBytes(StandardCharsets.UTF_8)), small))
                .isInstanceOf(UploadLimitException.class).hasMessage("cin.xml: the file is larger than 1 KB");
    }

    /** Writes an XML file of one element whose text is {@code chars} long (for the memory probe). */
    static Path hugeText(Path file, long chars) throws IOException {
        try (var w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("<Message><Note>");
            char[] block = new char[64 * 1024];
            java.util.Arrays.fill(block, 'x');
            for (long left = chars; left > 0; left -= block.length) {
                w.write(block, 0, (int) Math.min(left, block.length));
            }
            w.write("</Note></Message>");
        }
        return file;
    }

    @Test
    void aValueOfFortyMegabytesIsRefusedInAJvmOfFortyEightMegabytes(@TempDir Path dir) throws Exception {
        Path file = hugeText(dir.resolve("cin.xml"), 40L * 1024 * 1024);
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process probe = new ProcessBuilder(java.toString(), "-Xmx48m", "-XX:+ExitOnOutOfMemoryError", "-cp", System.getProperty("java.class.path"),
                SafeXmlProbe.class.getName(), file.toString()).redirectErrorStream(true).start();
        String output = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(probe.waitFor()).as(output).isZero();
        assertThat(output).contains("refused: cin.xml: a value at line 1 is longer than 32,767 characters");
    }
}
