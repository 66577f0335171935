package org.oversight.shared;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Every literal message key a template or the code uses exists in messages.properties. */
class MessagesTest {

    private static final Pattern KEY = Pattern.compile("#\\{([a-zA-Z0-9_.]+)[}(]");
    /** The column keys of a table head: tableHead(${ {'a', '-b'} }, ...) or choices.columns({'a'}, ..., {'b'}). */
    private static final Pattern COLUMNS = Pattern.compile("(?:tableHead\\(\\$\\{ \\{|choices\\.columns\\(\\{)([^}]*)\\}");
    private static final Pattern QUOTED = Pattern.compile("'-?([a-zA-Z0-9_.]+)'");
    /** Keys the code names: FieldProblem.of(field, key, ...), ProblemText.of(key, ...), choices.message(key, ...). */
    private static final Pattern CODE_KEY = Pattern.compile("(?:FieldProblem\\.of\\(\"[^\"]*\", |ProblemText\\.of\\(|choices\\.message\\()\"([a-zA-Z0-9_.]+)\"(?=[,)])");

    @Test
    void templatesOnlyUseKeysThatExist() throws IOException {
        Properties messages = new Properties();
        try (InputStream in = Files.newInputStream(Path.of("src/main/resources/messages.properties"))) {
            messages.load(in);
        }
        List<String> missing = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".html")).toList()) {
                String text = Files.readString(file);
                Matcher m = KEY.matcher(text);
                while (m.find()) {
                    if (!messages.containsKey(m.group(1))) {
                        missing.add(file.getFileName() + ": " + m.group(1));
                    }
                }
                Matcher columns = COLUMNS.matcher(text);
                while (columns.find()) {
                    Matcher key = QUOTED.matcher(columns.group(1));
                    while (key.find()) {
                        if (!messages.containsKey(key.group(1))) {
                            missing.add(file.getFileName() + ": column " + key.group(1));
                        }
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void theCodeOnlyNamesKeysThatExist() throws IOException {
        Properties messages = new Properties();
        try (InputStream in = Files.newInputStream(Path.of("src/main/resources/messages.properties"))) {
            messages.load(in);
        }
        List<String> missing = new ArrayList<>();
        int named = 0;
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = CODE_KEY.matcher(Files.readString(file));
                while (m.find()) {
                    named++;
                    if (!messages.containsKey(m.group(1))) {
                        missing.add(file.getFileName() + ": " + m.group(1));
                    }
                }
            }
        }
        assertThat(named).as("keys named by the code").isPositive();
        assertThat(missing).isEmpty();
    }
}
