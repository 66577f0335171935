package org.oversight.childdata;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.oversight.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithUserDetails;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An upload runs as a job: its stage moves to done, the result keeps the errors, the files are not kept, other LAs see nothing. */
@SpringBootTest
class ChildImportJobsIT extends IntegrationTest {

    @Autowired
    ChildImportJobs jobs;
    @Autowired
    JdbcClient jdbc;

    @Test
    @WithUserDetails("col.manager")
    void aJobWithErrorsFinishesWithNothingStoredItsErrorsKeptAndItsFilesCleared() throws Exception {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (String t : new String[] {"header.csv", "episodes.csv", "reviews.csv"}) {
            files.put(t, Files.readAllBytes(Path.of("data/child-data/ssda903-fake", t)));
        }
        UUID la = jdbc.sql("SELECT id FROM local_authority WHERE urn = 80450").query(UUID.class).single();
        int snapshots = jdbc.sql("SELECT count(*) FROM import_snapshot").query(Integer.class).single();
        UUID id = jobs.start(80450, 2017, files, ChildDataImporter.Mode.REJECT_IF_ANY_ERROR);
        ChildImportJobs.Job job = waitFor(la, id);
        assertThat(job.stage()).isEqualTo("DONE");
        assertThat(job.stored()).isFalse();
        assertThat(job.errorCount()).isPositive();
        assertThat(job.errors()).isNotEmpty().allSatisfy(e -> assertThat(e.file()).isIn(files.keySet()));
        assertThat(job.requestedBy()).isEqualTo("col.manager");
        assertThat(jdbc.sql("SELECT count(*) FROM import_snapshot").query(Integer.class).single()).isEqualTo(snapshots);
        assertThat(jdbc.sql("SELECT count(*) FROM child_import_job_file WHERE job_id = ? AND content IS NOT NULL").param(id)
                .query(Integer.class).single()).as("children's data is not kept twice").isZero();
        UUID southwark = jdbc.sql("SELECT id FROM local_authority WHERE urn = 80514").query(UUID.class).single();
        assertThatThrownBy(() -> jobs.find(southwark, id)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    @WithUserDetails("southwark.manager")
    void aManagerOfAnotherLaCannotStartOrSeeAJob() {
        assertThatThrownBy(() -> jobs.start(80450, 2017, Map.of("header.csv", new byte[1]), ChildDataImporter.Mode.REJECT_IF_ANY_ERROR))
                .isInstanceOf(AccessDeniedException.class);
        UUID city = jdbc.sql("SELECT id FROM local_authority WHERE urn = 80450").query(UUID.class).single();
        assertThatThrownBy(() -> jobs.find(city, UUID.randomUUID())).isInstanceOf(AccessDeniedException.class);
    }

    private ChildImportJobs.Job waitFor(UUID la, UUID id) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        ChildImportJobs.Job job = jobs.find(la, id);
        while (!job.finished() && System.nanoTime() < deadline) {
            Thread.sleep(100);
            job = jobs.find(la, id);
        }
        assertThat(job.finished()).as("the job finished within a minute").isTrue();
        return job;
    }
}
