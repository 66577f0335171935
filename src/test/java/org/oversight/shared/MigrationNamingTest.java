package org.oversight.shared;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Flyway migrations: V&lt;n&gt;__&lt;words&gt;.sql (or V&lt;n&gt;_&lt;m&gt;__ for a branch's further steps), each version once; R__ for
 * repeatable ones and afterMigrate__&lt;words&gt;.sql for the callbacks that run after every migration.
 */
class MigrationNamingTest {

    private static final Pattern NAME = Pattern.compile("(?:V(\\d+(?:_\\d+)?)|R|afterMigrate)__[a-z0-9_]+\\.sql");

    @Test
    void migrationsAreWellNamedAndUnique() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(Path.of("src/main/resources/db/migration"))) {
            files = s.toList();
        }
        assertThat(files).isNotEmpty();
        Set<String> versions = new HashSet<>();
        for (Path f : files) {
            Matcher m = NAME.matcher(f.getFileName().toString());
            assertThat(m.matches()).as("migration name %s", f.getFileName()).isTrue();
            if (m.group(1) != null) {
                assertThat(versions.add(m.group(1))).as("version %s used once", m.group(1)).isTrue();
            }
        }
    }
}
