package org.oversight.reports;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.annotation.PreDestroy;
import org.oversight.access.CurrentUser;
import org.oversight.access.OversightUser;
import org.oversight.access.Role;
import org.oversight.shared.problem.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Uploads of several documents: the files are stored with the job, then processed one by one in the background, each
 * in its own transaction, so the page can show progress and a failed file leaves nothing behind.
 */
@Service
public class ImportJobs {

    private static final Logger log = LoggerFactory.getLogger(ImportJobs.class);

    private final JdbcClient jdbc;
    private final ReportImporter importer;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "report-import");
        t.setDaemon(true);
        return t;
    });

    ImportJobs(JdbcClient jdbc, ReportImporter importer, CurrentUser currentUser, Clock clock) {
        this.jdbc = jdbc;
        this.importer = importer;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    public record Upload(String fileName, byte[] content) {
    }

    /** A file of an upload whose bytes are read only when it is stored, one file at a time. */
    public record Incoming(String fileName, Content content) {
        /** The file's bytes (from the upload's part on disk). */
        @FunctionalInterface
        public interface Content {
            byte[] read() throws java.io.IOException;
        }

        public static Incoming of(Upload upload) {
            return new Incoming(upload.fileName(), upload::content);
        }
    }

    public record FileRow(int ordinal, String fileName, String outcome, String detail, UUID activityId, String laName) {
        public boolean done() {
            return !outcome.equals("WAITING");
        }
    }

    public record Job(UUID id, String requestedBy, Instant createdAt, Instant finishedAt, List<FileRow> files) {
        public long processed() {
            return files.stream().filter(FileRow::done).count();
        }

        public long failed() {
            return files.stream().filter(f -> f.outcome().equals("FAILED")).count();
        }

        public boolean finished() {
            return finishedAt != null;
        }

        public int percent() {
            return files.isEmpty() ? 100 : (int) (processed() * 100 / files.size());
        }
    }

    /** Stores the uploaded files as a job and starts processing them. */
    @Transactional
    public UUID start(List<Upload> uploads) {
        return receive(uploads.stream().map(Incoming::of).toList());
    }

    /**
     * Stores the uploaded files as a job and starts processing them; each file's bytes are read and stored in turn,
     * so an upload of many files never sits in memory at once.
     */
    @Transactional
    public UUID receive(List<Incoming> uploads) {
        OversightUser user = currentUser.get().orElseThrow(() -> new AccessDeniedException("Sign in to import documents"));
        UUID id = jdbc.sql("INSERT INTO import_job (kind, la_id, requested_by, created_at) VALUES ('OFSTED_REPORTS', ?, ?, ?) RETURNING id")
                .params(user.role().laScoped() ? user.laId() : null, user.username(), Timestamp.from(clock.instant()))
                .query(UUID.class).single();
        for (int i = 0; i < uploads.size(); i++) {
            byte[] content;
            try {
                content = uploads.get(i).content().read();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            jdbc.sql("INSERT INTO import_job_file (job_id, ordinal, file_name, content) VALUES (?, ?, ?, ?)")
                    .params(id, i, uploads.get(i).fileName(), content).update();
        }
        ReportImporter.Scope scope = new ReportImporter.Scope(user.role().laScoped() ? user.laId() : null, user.username());
        org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
                new org.springframework.transaction.support.TransactionSynchronization() {
                    @Override
                    public void afterCommit() {
                        worker.submit(() -> process(id, scope));
                    }
                });
        return id;
    }

    void process(UUID jobId, ReportImporter.Scope scope) {
        List<Integer> ordinals = jdbc.sql("SELECT ordinal FROM import_job_file WHERE job_id = ? AND outcome = 'WAITING' ORDER BY ordinal")
                .param(jobId).query(Integer.class).list();
        for (int ordinal : ordinals) {
            var row = jdbc.sql("SELECT file_name, content FROM import_job_file WHERE job_id = ? AND ordinal = ?")
                    .params(jobId, ordinal).query((rs, i) -> new Upload(rs.getString(1), rs.getBytes(2))).single();
            ReportImporter.FileResult result;
            try {
                result = importer.importDocument(row.fileName(), row.content(), scope);
            } catch (RuntimeException e) {
                log.error("Import job {} file {} failed", jobId, row.fileName(), e);
                result = ReportImporter.FileResult.failed(row.fileName(), "could not be processed because of a fault on our side; nothing of it was stored");
            }
            String detail = result.detail() + (result.warnings().isEmpty() ? "" : " (warnings: " + String.join("; ", result.warnings()) + ")");
            jdbc.sql("""
                    UPDATE import_job_file SET outcome = ?, detail = ?, activity_id = ?, la_name = ?, content = NULL
                     WHERE job_id = ? AND ordinal = ?
                    """).params(result.outcome().name(), detail, result.activityId(), result.laName(), jobId, ordinal).update();
        }
        jdbc.sql("UPDATE import_job SET finished_at = ? WHERE id = ?").params(Timestamp.from(clock.instant()), jobId).update();
    }

    /** A job, for the person who started it (or an administrator). */
    @Transactional(readOnly = true)
    public Job find(UUID id) {
        Optional<Job> job = jdbc.sql("SELECT id, requested_by, created_at, finished_at FROM import_job WHERE id = ?").param(id)
                .query((rs, i) -> new Job(rs.getObject(1, UUID.class), rs.getString(2), rs.getTimestamp(3).toInstant(),
                        rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toInstant(), List.of())).optional();
        Job found = job.orElseThrow(() -> new NotFoundException("No import has the id " + id));
        OversightUser user = currentUser.get().orElseThrow(() -> new AccessDeniedException("Sign in"));
        if (!user.username().equals(found.requestedBy()) && user.role() != Role.ADMIN) {
            throw new AccessDeniedException("This import was started by someone else");
        }
        List<FileRow> files = jdbc.sql("""
                SELECT ordinal, file_name, outcome, detail, activity_id, la_name FROM import_job_file WHERE job_id = ? ORDER BY ordinal
                """).param(id).query((rs, i) -> new FileRow(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getObject(5, UUID.class), rs.getString(6))).list();
        return new Job(found.id(), found.requestedBy(), found.createdAt(), found.finishedAt(), files);
    }

    /** Jobs left unfinished by a stop carry on when Oversight starts again, with the scope of whoever started them. */
    @org.springframework.context.event.EventListener(org.springframework.boot.context.event.ApplicationReadyEvent.class)
    public void resumeUnfinished() {
        jdbc.sql("SELECT id, la_id, requested_by FROM import_job WHERE finished_at IS NULL ORDER BY created_at")
                .query((rs, i) -> new Object[] {rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3)}).list()
                .forEach(row -> worker.submit(() -> process((UUID) row[0], new ReportImporter.Scope((UUID) row[1], (String) row[2]))));
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }
}
