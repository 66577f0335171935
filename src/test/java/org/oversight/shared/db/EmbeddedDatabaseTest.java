package org.oversight.shared.db;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class EmbeddedDatabaseTest {

    @TempDir
    Path parent;

    @Test
    void aBenchmarksTemporaryDataDirectoryIsDeletedWithEverythingInIt() throws Exception {
        Path data = Files.createDirectories(parent.resolve("oversight-bench-db1/pgdata/base/5"));
        Files.writeString(data.resolve("16529"), "rows");
        Files.writeString(parent.resolve("oversight-bench-db1/pgdata/postgresql.conf"), "port = 5432");
        EmbeddedDatabase.deleteTree(parent.resolve("oversight-bench-db1"));
        assertThat(parent.resolve("oversight-bench-db1")).doesNotExist();
        assertThat(parent).exists();
        EmbeddedDatabase.deleteTree(parent.resolve("not-there")); // nothing to do, no failure
    }
}
