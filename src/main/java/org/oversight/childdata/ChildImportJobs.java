package org.oversight.childdata;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.annotation.PreDestroy;
import org.oversight.access.CurrentUser;
import org.oversight.access.UserAccounts;
import org.oversight.childdata.ssda903.ValidationError;
import org.oversight.childdata.ssda903.rules.RuleOutcome;
import org.oversight.register.LocalAuthorities;
import org.oversight.register.LocalAuthority;
import org.oversight.shared.web.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
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
 * Uploads of child-level data as jobs: the files are kept until the job has run, the page follows its stage
 * (received, checking, storing, done), and the result keeps every error count and the first 1000 errors. The import
 * runs as the person who uploaded, with their access checked, in one transaction.
 */
@Service
public class ChildImportJobs {

    private static final Logger log = LoggerFactory.getLogger(ChildImportJobs.class);
    private static final int KEPT_ERRORS = 1000;
    private static final List<String> STAGES = List.of("RECEIVED", "CHECKING", "STORING", "DONE");

    /** A job as the page shows it. */
    public record Job(UUID id, UUID laId, String requestedBy, Instant createdAt, String stage, Instant finishedAt, Boolean stored,
                      Integer accepted, Integer rejected, Integer errorCount, List<ValidationError> errors, String failure,
                      List<RuleOutcome> rules) {
        public boolean finished() {
            return finishedAt != null;
        }

        public int step() {
            return stage.equals("FAILED") ? STAGES.size() - 1 : STAGES.indexOf(stage);
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
    private final LocalAuthorities localAuthorities;
    private final CurrentUser currentUser;
    private final UserAccounts accounts;
    private final Clock clock;
    private final TransactionTemplate ownTransaction;
    private final JsonMapper json = JsonMapper.builder().build();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "child-data-import");
        t.setDaemon(true);
        return t;
    });

    ChildImportJobs(JdbcClient jdbc, ChildDataImporter importer, LocalAuthorities localAuthorities, CurrentUser currentUser,
                    UserAccounts accounts, Clock clock, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.importer = importer;
        this.localAuthorities = localAuthorities;
        this.currentUser = currentUser;
        this.accounts = accounts;
        this.clock = clock;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Keeps the files as a job of the LA and starts it once they are safely stored. */
    @Transactional
    public UUID start(int laUrn, int collectionStartYear, Map<String, byte[]> files, ChildDataImporter.Mode mode) {
        LocalAuthority la = localAuthorities.findByUrn(laUrn).orElseThrow(() -> new NotFoundException("No local authority has the URN " + laUrn));
        if (!currentUser.canEdit(la.id())) {
            throw new AccessDeniedException("Only " + la.name() + "'s managers and staff can import its children's data");
        }
        UUID id = jdbc.sql("""
                INSERT INTO child_import_job (la_id, requested_by, created_at, collection_start_year, accept_good_rows)
                VALUES (?, ?, ?, ?, ?) RETURNING id""").params(la.id(), currentUser.actor(), Timestamp.from(clock.instant()), collectionStartYear,
                mode == ChildDataImporter.Mode.ACCEPT_GOOD_ROWS).query(UUID.class).single();
        int ordinal = 0;
        for (var f : files.entrySet()) {
            jdbc.sql("INSERT INTO child_import_job_file (job_id, la_id, ordinal, file_name, content) VALUES (?, ?, ?, ?, ?)")
                    .params(id, la.id(), ordinal++, f.getKey(), f.getValue()).update();
        }
        Authentication who = SecurityContextHolder.getContext().getAuthentication();
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                worker.submit(() -> run(id, laUrn, who));
            }
        });
        return id;
    }

    void run(UUID id, int laUrn, Authentication who) {
        SecurityContextHolder.getContext().setAuthentication(who);
        try {
            stage(id, "CHECKING");
            var job = jdbc.sql("SELECT collection_start_year, accept_good_rows FROM child_import_job WHERE id = ?").param(id)
                    .query((rs, i) -> new Object[] {rs.getInt(1), rs.getBoolean(2)}).single();
            Map<String, byte[]> files = new LinkedHashMap<>();
            jdbc.sql("SELECT file_name, content FROM child_import_job_file WHERE job_id = ? ORDER BY ordinal").param(id)
                    .query(rs -> { files.put(rs.getString(1), rs.getBytes(2)); });
            ChildDataImporter.Outcome outcome = importer.importReturn(laUrn, (Integer) job[0], files,
                    (Boolean) job[1] ? ChildDataImporter.Mode.ACCEPT_GOOD_ROWS : ChildDataImporter.Mode.REJECT_IF_ANY_ERROR, false,
                    () -> stage(id, "STORING"));
            ownTransaction.executeWithoutResult(s -> {
                jdbc.sql("""
                        UPDATE child_import_job SET stage = 'DONE', finished_at = ?, stored = ?, snapshot_id = ?, annex_snapshot_id = ?,
                               rows_accepted = ?, rows_rejected = ?, error_count = ?, errors = CAST(? AS jsonb),
                               rule_outcomes = CAST(? AS jsonb) WHERE id = ?""")
                        .params(Timestamp.from(clock.instant()), outcome.stored(), outcome.snapshotId(), outcome.annexASnapshotId(),
                                outcome.accepted(), outcome.rejected(), outcome.errors().size(),
                                json.writeValueAsString(outcome.errors().stream().limit(KEPT_ERRORS).toList()),
                                json.writeValueAsString(outcome.rules()), id).update();
                jdbc.sql("UPDATE child_import_job_file SET content = NULL WHERE job_id = ?").param(id).update();
            });
        } catch (RuntimeException e) {
            log.error("Child-level data import job {} failed", id, e);
            ownTransaction.executeWithoutResult(s -> {
                jdbc.sql("UPDATE child_import_job SET stage = 'FAILED', finished_at = ?, stored = FALSE, failure = ? WHERE id = ?")
                        .params(Timestamp.from(clock.instant()), e instanceof AccessDeniedException ? e.getMessage()
                                : "The import could not be completed (" + e.getClass().getSimpleName() + "); nothing was stored", id).update();
                jdbc.sql("UPDATE child_import_job_file SET content = NULL WHERE job_id = ?").param(id).update();
            });
        } finally {
            SecurityContextHolder.clearContext();
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
                       rule_outcomes
                  FROM child_import_job WHERE id = ? AND la_id = ?""").params(id, laId).query((rs, i) -> new Job(rs.getObject(1, UUID.class),
                rs.getObject(2, UUID.class), rs.getString(3), rs.getTimestamp(4).toInstant(), rs.getString(5),
                rs.getTimestamp(6) == null ? null : rs.getTimestamp(6).toInstant(), (Boolean) rs.getObject(7), (Integer) rs.getObject(8),
                (Integer) rs.getObject(9), (Integer) rs.getObject(10), errors(rs.getString(11)), rs.getString(12),
                rules(rs.getString(13)))).optional();
        return job.orElseThrow(() -> new NotFoundException("No import has the id " + id));
    }

    private List<RuleOutcome> rules(String text) {
        return text == null ? List.of() : json.readValue(text, new TypeReference<List<RuleOutcome>>() { });
    }

    private List<ValidationError> errors(String text) {
        return text == null ? List.of() : json.readValue(text, new TypeReference<List<ValidationError>>() { });
    }

    /** Jobs left unfinished by a stop run again on start, as the person who started them (nothing of them was stored). */
    @EventListener(ApplicationReadyEvent.class)
    public void resumeUnfinished() {
        jdbc.sql("""
                SELECT j.id, la.urn, j.requested_by FROM child_import_job j JOIN local_authority la ON la.id = j.la_id
                 WHERE j.finished_at IS NULL ORDER BY j.created_at""")
                .query((rs, i) -> new Object[] {rs.getObject(1, UUID.class), rs.getInt(2), rs.getString(3)}).list().forEach(row -> {
                    var user = accounts.find((String) row[2]);
                    if (user.isEmpty()) {
                        return;
                    }
                    Authentication who = UsernamePasswordAuthenticationToken.authenticated(user.get(), null, user.get().getAuthorities());
                    worker.submit(() -> run((UUID) row[0], (Integer) row[1], who));
                });
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }
}
