package org.oversight.childdata;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import jakarta.annotation.PreDestroy;
import org.oversight.access.CurrentUser;
import org.oversight.access.UserAccounts;
import org.oversight.childdata.ssd.JourneyImporter;
import org.oversight.childdata.ssda903.ValidationError;
import org.oversight.childdata.ssda903.rules.RuleOutcome;
import org.oversight.register.LocalAuthorities;
import org.oversight.register.LocalAuthority;
import org.oversight.shared.problem.NotFoundException;
import org.oversight.shared.upload.ImportSlots;
import org.oversight.shared.upload.LimitedInputStream;
import org.oversight.shared.upload.UploadLimitException;
import org.oversight.shared.upload.UploadLimits;
import org.oversight.shared.web.CsvResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Uploads of child-level data as jobs: the files are kept (in parts of 1 MB, read back as streams) until the job has
 * run, the page follows its stage (received, checking, storing, done), and the result keeps the number of errors, the
 * first {@code oversight.imports.errors-shown} of them and every error kept as a CSV to download. At most
 * {@code oversight.imports.max-concurrent} imports run at once: jobs wait in the queue, an API import that finds no
 * free slot is refused (503). A job that would drop many children waits for a person to confirm it or cancel it.
 * The import runs as the person who uploaded, with their access checked, in one transaction.
 */
@Service
public class ChildImportJobs {

    private static final Logger log = LoggerFactory.getLogger(ChildImportJobs.class);
    private static final int PART = 1024 * 1024;
    private static final List<String> STAGES = List.of("RECEIVED", "CHECKING", "STORING", "DONE");
    /** How long a job waits for its confirmation before it is cancelled and its files removed. */
    static final Duration CONFIRMATION_KEPT = Duration.ofDays(7);
    public static final List<String> ERROR_COLUMNS = List.of("file", "row", "column", "value", "rule", "message", "type");

    /** A file of an upload, read once as a stream. */
    public record Upload(String fileName, ImportFile.Opener content) {
    }

    /** A job as the page shows it. */
    public record Job(UUID id, UUID laId, String requestedBy, Instant createdAt, String stage, Instant finishedAt, Boolean stored,
                      Integer accepted, Integer rejected, Long errorCount, List<ValidationError> errors, String failure,
                      String confirmation, boolean errorsCsv, boolean partial, UUID snapshotId, UUID annexSnapshotId,
                      List<RuleOutcome> rules, String kind) {
        public boolean finished() {
            return finishedAt != null;
        }

        public boolean waitingForConfirmation() {
            return stage.equals("NEEDS_CONFIRMATION");
        }

        public int step() {
            return stage.equals("FAILED") || stage.equals("NEEDS_CONFIRMATION") || stage.equals("CANCELLED") ? STAGES.size() - 1
                    : STAGES.indexOf(stage);
        }

        public int steps() {
            return STAGES.size() - 1;
        }

        /** The rules that flagged rows, in rule order. */
        public List<RuleOutcome> failedRules() {
            return rules.stream().filter(r -> r.checked() && r.flagged() > 0).toList();
        }

        /** The rules that could not be checked on this return, with the reason. */
        public List<RuleOutcome> notCheckedRules() {
            return rules.stream().filter(r -> !r.checked()).toList();
        }

        public long passedRules() {
            return rules.stream().filter(r -> r.checked() && r.flagged() == 0).count();
        }
    }

    private final JdbcClient jdbc;
    private final ChildDataImporter importer;
    private final JourneyImporter journey;
    private final LocalAuthorities localAuthorities;
    private final CurrentUser currentUser;
    private final UserAccounts accounts;
    private final Clock clock;
    private final ImportSlots slots;
    private final UploadLimits limits;
    private final TransactionTemplate ownTransaction;
    private final JsonMapper json = JsonMapper.builder().build();
    private final ExecutorService workers;

    ChildImportJobs(JdbcClient jdbc, ChildDataImporter importer, JourneyImporter journey, LocalAuthorities localAuthorities, CurrentUser currentUser,
                    UserAccounts accounts, Clock clock, PlatformTransactionManager transactions, ImportSlots slots, UploadLimits limits) {
        this.jdbc = jdbc;
        this.importer = importer;
        this.journey = journey;
        this.localAuthorities = localAuthorities;
        this.currentUser = currentUser;
        this.accounts = accounts;
        this.clock = clock;
        this.slots = slots;
        this.limits = limits;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.workers = Executors.newFixedThreadPool(slots.size(), r -> {
            Thread t = new Thread(r, "child-data-import");
            t.setDaemon(true);
            return t;
        });
    }

    /** Keeps the files as a job of the LA and starts it once they are safely stored. */
    @Transactional
    public UUID start(int laUrn, int collectionStartYear, Map<String, byte[]> files, ChildDataImporter.Mode mode) {
        return start(laUrn, collectionStartYear, files.entrySet().stream()
                .map(e -> new Upload(e.getKey(), () -> new ByteArrayInputStream(e.getValue()))).toList(), ChildDataImporter.Options.of(mode));
    }

    /** Keeps the uploaded files (streamed, in parts) as a job of the LA and queues it once they are safely stored. */
    @Transactional
    public UUID start(int laUrn, int collectionStartYear, List<Upload> files, ChildDataImporter.Options options) {
        return start(laUrn, collectionStartYear, files, options, Kind.SSDA903);
    }

    /**
     * What a job imports: an SSDA903 return and/or Annex A workbook (lists 8 and 9), an SSD extract, a CIN census, or an
     * Annex A workbook's lists 1 to 7 (into the whole-journey store).
     */
    public enum Kind { SSDA903, SSD, CIN_CENSUS, ANNEX_A_JOURNEY }

    /** As above, for an upload of the given kind. */
    @Transactional
    public UUID start(int laUrn, int collectionStartYear, List<Upload> files, ChildDataImporter.Options options, Kind kind) {
        UUID id = create(laUrn, collectionStartYear, files, options, kind);
        Authentication who = SecurityContextHolder.getContext().getAuthentication();
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                queue(id, laUrn, who);
            }
        });
        return id;
    }

    /**
     * For the API: takes a free import slot (or refuses with 503), keeps the files as a job and runs it now, in the
     * caller's thread, returning the finished job (its errors, or why it waits for a confirmation).
     */
    public Job runNow(int laUrn, int collectionStartYear, List<Upload> files, ChildDataImporter.Options options) {
        return runNow(laUrn, collectionStartYear, files, options, Kind.SSDA903);
    }

    /** As above, for an import of the given kind. */
    public Job runNow(int laUrn, int collectionStartYear, List<Upload> files, ChildDataImporter.Options options, Kind kind) {
        LocalAuthority la = la(laUrn);
        requireEditor(la);
        try (ImportSlots.Slot slot = slots.takeOrRefuse()) {
            UUID id = ownTransaction.execute(s -> create(laUrn, collectionStartYear, files, options, kind));
            UploadLimitException refused = run(id, laUrn, SecurityContextHolder.getContext().getAuthentication());
            if (refused != null) {
                throw refused;
            }
            return find(la.id(), id);
        }
    }

    private UUID create(int laUrn, int collectionStartYear, List<Upload> files, ChildDataImporter.Options options, Kind kind) {
        LocalAuthority la = la(laUrn);
        requireEditor(la);
        UUID id = jdbc.sql("""
                INSERT INTO child_import_job (la_id, requested_by, created_at, collection_start_year, accept_good_rows, partial, confirm_drop, kind)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""").params(la.id(), currentUser.actor(), Timestamp.from(clock.instant()), collectionStartYear,
                options.mode() == ChildDataImporter.Mode.ACCEPT_GOOD_ROWS, options.partial(), options.confirmDrop(), kind.name()).query(UUID.class).single();
        int ordinal = 0;
        for (Upload f : files) {
            storeFile(id, la.id(), ordinal++, f);
        }
        return id;
    }

    /** Stores a file in parts of at most 1 MB, never holding more than one part; past the file-size limit it stops. */
    private void storeFile(UUID job, UUID laId, int ordinal, Upload f) {
        long max = limits.maxFileSize().toBytes();
        try (InputStream in = new LimitedInputStream(f.content().open(), max, () -> new UploadLimitException(
                f.fileName() + ": the file is larger than " + UploadLimits.words(max), "oversight.imports.max-file-size"))) {
            byte[] buffer = new byte[PART];
            int part = 0;
            while (true) {
                int n = in.readNBytes(buffer, 0, PART);
                if (n == 0 && part > 0) {
                    break;
                }
                jdbc.sql("INSERT INTO child_import_job_file (job_id, la_id, ordinal, part, file_name, content) VALUES (?, ?, ?, ?, ?, ?)")
                        .params(job, laId, ordinal, part++, f.fileName(), Arrays.copyOf(buffer, n)).update();
                if (n < PART) {
                    break;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void queue(UUID id, int laUrn, Authentication who) {
        workers.submit(() -> {
            try (ImportSlots.Slot slot = slots.take()) {
                run(id, laUrn, who);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    /** Runs a job; a file past a limit is recorded on the job and returned (nothing stored). */
    UploadLimitException run(UUID id, int laUrn, Authentication who) {
        SecurityContext before = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(who);
        SecurityContextHolder.setContext(context);
        try {
            stage(id, "CHECKING");
            var job = jdbc.sql("SELECT collection_start_year, accept_good_rows, partial, confirm_drop, kind FROM child_import_job WHERE id = ?").param(id)
                    .query((rs, i) -> new Object[] {rs.getInt(1), new ChildDataImporter.Options(rs.getBoolean(2)
                            ? ChildDataImporter.Mode.ACCEPT_GOOD_ROWS : ChildDataImporter.Mode.REJECT_IF_ANY_ERROR, rs.getBoolean(3), rs.getBoolean(4)),
                            Kind.valueOf(rs.getString(5))})
                    .single();
            List<ImportFile> files = jdbc.sql("SELECT ordinal, file_name FROM child_import_job_file WHERE job_id = ? AND part = 0 ORDER BY ordinal")
                    .param(id).query((rs, i) -> {
                        int ordinal = rs.getInt(1);
                        return new ImportFile(rs.getString(2), () -> parts(id, ordinal));
                    }).list();
            ChildDataImporter.Options options = (ChildDataImporter.Options) job[1];
            Runnable storing = () -> stage(id, "STORING");
            ChildDataImporter.Outcome outcome = switch ((Kind) job[2]) {
                case SSDA903 -> importer.importReturn(laUrn, (Integer) job[0], files, options, false, storing);
                case CIN_CENSUS -> journey.importCinCensus(laUrn, files, options.mode(), false, storing);
                case SSD -> journey.importSsd(laUrn, (Integer) job[0], files, options.mode(), false, storing);
                case ANNEX_A_JOURNEY -> journey.importAnnexA(laUrn, files, options.mode(), false, storing);
            };
            byte[] csv = outcome.errors().isEmpty() ? null : errorsCsv(outcome.errors());
            String shown = json.writeValueAsString(outcome.errors().stream().limit(limits.errorsShown()).toList());
            ownTransaction.executeWithoutResult(s -> {
                jdbc.sql("""
                        UPDATE child_import_job SET stage = ?, finished_at = ?, stored = ?, snapshot_id = ?, annex_snapshot_id = ?,
                               rows_accepted = ?, rows_rejected = ?, error_count = ?, errors = CAST(? AS jsonb), errors_csv = ?, confirmation = ?,
                               rule_outcomes = CAST(? AS jsonb)
                         WHERE id = ?""")
                        .params(outcome.needsConfirmation() ? "NEEDS_CONFIRMATION" : "DONE", Timestamp.from(clock.instant()), outcome.stored(),
                                outcome.snapshotId(), outcome.annexASnapshotId(), outcome.accepted(), outcome.rejected(), outcome.errorCount(),
                                shown, csv, outcome.confirmation(), json.writeValueAsString(outcome.rules()), id).update();
                if (!outcome.needsConfirmation()) {
                    clearFiles(id);
                }
            });
        } catch (UploadLimitException e) {
            log.info("Child-level data import job {} refused: {}", id, e.getMessage());
            finishWithout(id, "DONE", e.getMessage() + ". Nothing was stored.");
            return e;
        } catch (AccessDeniedException e) {
            finishWithout(id, "FAILED", e.getMessage());
        } catch (RuntimeException e) {
            log.error("Child-level data import job {} failed", id, e);
            finishWithout(id, "FAILED", "The import could not be completed because of a fault on our side; nothing was stored. Try again, "
                    + "and if it happens again tell your administrator the time of the import.");
        } finally {
            SecurityContextHolder.setContext(before);
        }
        return null;
    }

    private void finishWithout(UUID id, String stage, String failure) {
        ownTransaction.executeWithoutResult(s -> {
            jdbc.sql("UPDATE child_import_job SET stage = ?, finished_at = ?, stored = FALSE, failure = ? WHERE id = ?")
                    .params(stage, Timestamp.from(clock.instant()), failure, id).update();
            clearFiles(id);
        });
    }

    private void clearFiles(UUID id) {
        // Children's data is not kept twice: the bytes go once the job has run (the names stay, for the page).
        jdbc.sql("DELETE FROM child_import_job_file WHERE job_id = ? AND part > 0").param(id).update();
        jdbc.sql("UPDATE child_import_job_file SET content = NULL WHERE job_id = ?").param(id).update();
    }

    /** The stored parts of one file, fetched one at a time as the stream is read. */
    private InputStream parts(UUID job, int ordinal) {
        Enumeration<InputStream> parts = new Enumeration<>() {
            private int part;
            private byte[] next = fetch(0);

            private byte[] fetch(int p) {
                return jdbc.sql("SELECT content FROM child_import_job_file WHERE job_id = ? AND ordinal = ? AND part = ?")
                        .params(job, ordinal, p).query((rs, i) -> rs.getBytes(1)).optional().orElse(null);
            }

            @Override
            public boolean hasMoreElements() {
                return next != null;
            }

            @Override
            public InputStream nextElement() {
                if (next == null) {
                    throw new NoSuchElementException();
                }
                InputStream current = new ByteArrayInputStream(next);
                next = fetch(++part);
                return current;
            }
        };
        return new SequenceInputStream(parts);
    }

    /** Every error kept, as gzipped CSV (values that look like formulas are written as text). */
    private static byte[] errorsCsv(List<ValidationError> errors) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            CsvResponse.write(new GZIPOutputStream(bytes), ERROR_COLUMNS, csv -> {
                for (ValidationError e : errors) {
                    csv.printRecord(e.file(), e.row(), e.column(), e.value(), e.ruleCode(), e.message(), e.query() ? "query" : "error");
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Writes every error of a job as CSV (for its LA's managers and staff). */
    @Transactional(readOnly = true)
    public void writeErrors(UUID laId, UUID id, OutputStream out) throws IOException {
        Job job = find(laId, id);
        byte[] csv = jdbc.sql("SELECT errors_csv FROM child_import_job WHERE id = ?").param(id).query((rs, i) -> rs.getBytes(1)).optional().orElse(null);
        if (csv == null) {
            CsvResponse.write(out, ERROR_COLUMNS, w -> {
                for (ValidationError e : job.errors()) {
                    w.printRecord(e.file(), e.row(), e.column(), e.value(), e.ruleCode(), e.message());
                }
            });
            return;
        }
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(csv))) {
            in.transferTo(out);
        }
    }

    private void stage(UUID id, String stage) {
        ownTransaction.executeWithoutResult(s -> jdbc.sql("UPDATE child_import_job SET stage = ? WHERE id = ?").params(stage, id).update());
    }

    /** A job of the LA, for its managers and staff. */
    @Transactional(readOnly = true)
    public Job find(UUID laId, UUID id) {
        if (!currentUser.canEdit(laId)) {
            throw new AccessDeniedException("Imports of children's data are visible only to the local authority's own managers and staff");
        }
        Optional<Job> job = jdbc.sql("""
                SELECT id, la_id, requested_by, created_at, stage, finished_at, stored, rows_accepted, rows_rejected, error_count, errors, failure,
                       confirmation, errors_csv IS NOT NULL, partial, snapshot_id, annex_snapshot_id, rule_outcomes, kind
                  FROM child_import_job WHERE id = ? AND la_id = ?""").params(id, laId).query((rs, i) -> new Job(rs.getObject(1, UUID.class),
                rs.getObject(2, UUID.class), rs.getString(3), rs.getTimestamp(4).toInstant(), rs.getString(5),
                rs.getTimestamp(6) == null ? null : rs.getTimestamp(6).toInstant(), (Boolean) rs.getObject(7), (Integer) rs.getObject(8),
                (Integer) rs.getObject(9), (Long) rs.getObject(10), errors(rs.getString(11)), rs.getString(12), rs.getString(13), rs.getBoolean(14),
                rs.getBoolean(15), rs.getObject(16, UUID.class), rs.getObject(17, UUID.class), rules(rs.getString(18)), rs.getString(19))).optional();
        return job.orElseThrow(() -> new NotFoundException("No import has the id " + id));
    }

    /** A person confirms an import that drops many children: it runs again, allowed to store. */
    @Transactional
    public void confirm(UUID laId, UUID id, int laUrn) {
        Job job = find(laId, id);
        if (!job.waitingForConfirmation()) {
            throw new org.oversight.shared.problem.InvalidInputException(List.of(new org.oversight.shared.problem.FieldProblem("confirm",
                    "This import is not waiting for a confirmation")));
        }
        jdbc.sql("UPDATE child_import_job SET stage = 'RECEIVED', finished_at = NULL, confirm_drop = TRUE, confirmation = NULL WHERE id = ?")
                .param(id).update();
        Authentication who = SecurityContextHolder.getContext().getAuthentication();
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                queue(id, laUrn, who);
            }
        });
    }

    /** A person cancels an import waiting for a confirmation: nothing is stored and its files are removed. */
    @Transactional
    public void cancel(UUID laId, UUID id) {
        Job job = find(laId, id);
        if (!job.waitingForConfirmation()) {
            throw new org.oversight.shared.problem.InvalidInputException(List.of(new org.oversight.shared.problem.FieldProblem("cancel",
                    "This import is not waiting for a confirmation")));
        }
        jdbc.sql("UPDATE child_import_job SET stage = 'CANCELLED', stored = FALSE WHERE id = ?").param(id).update();
        clearFiles(id);
    }

    private List<RuleOutcome> rules(String text) {
        return text == null ? List.of() : json.readValue(text, new TypeReference<List<RuleOutcome>>() { });
    }

    private List<ValidationError> errors(String text) {
        return text == null ? List.of() : json.readValue(text, new TypeReference<List<ValidationError>>() { });
    }

    private LocalAuthority la(int urn) {
        return localAuthorities.findByUrn(urn).orElseThrow(() -> new NotFoundException("No local authority has the URN " + urn));
    }

    private void requireEditor(LocalAuthority la) {
        if (!currentUser.canEdit(la.id())) {
            throw new AccessDeniedException("Only " + la.name() + "'s managers and staff can import its children's data");
        }
    }

    /**
     * Jobs left unfinished by a stop run again on start, as the person who started them (nothing of them was stored);
     * jobs that waited too long for a confirmation are cancelled and their files removed.
     */
    @EventListener(ApplicationReadyEvent.class)
    public void resumeUnfinished() {
        ownTransaction.executeWithoutResult(s -> jdbc.sql("SELECT id FROM child_import_job WHERE stage = 'NEEDS_CONFIRMATION' AND finished_at < ?")
                .param(Timestamp.from(clock.instant().minus(CONFIRMATION_KEPT))).query(UUID.class).list().forEach(id -> {
                    jdbc.sql("UPDATE child_import_job SET stage = 'CANCELLED' WHERE id = ?").param(id).update();
                    clearFiles(id);
                }));
        jdbc.sql("""
                SELECT j.id, la.urn, j.requested_by FROM child_import_job j JOIN local_authority la ON la.id = j.la_id
                 WHERE j.finished_at IS NULL ORDER BY j.created_at""")
                .query((rs, i) -> new Object[] {rs.getObject(1, UUID.class), rs.getInt(2), rs.getString(3)}).list().forEach(row -> {
                    var user = accounts.find((String) row[2]);
                    if (user.isEmpty()) {
                        return;
                    }
                    Authentication who = UsernamePasswordAuthenticationToken.authenticated(user.get(), null, user.get().getAuthorities());
                    queue((UUID) row[0], (Integer) row[1], who);
                });
    }

    @PreDestroy
    void stop() {
        workers.shutdownNow();
    }
}
