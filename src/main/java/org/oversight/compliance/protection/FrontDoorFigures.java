package org.oversight.compliance.protection;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.oversight.childdata.journey.ChildJourneys;
import org.oversight.childdata.journey.ChildJourneys.JourneySnapshot;
import org.oversight.compliance.RuleSettings;
import org.oversight.compliance.persistence.FrontDoorFiguresRepository;
import org.oversight.compliance.persistence.FrontDoorFiguresRepository.Row;
import org.oversight.compliance.protection.FrontDoor.Period;
import org.oversight.compliance.protection.FrontDoor.Summary;
import org.oversight.compliance.protection.HelpAndProtection.View;
import org.oversight.shared.db.TenantScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import jakarta.annotation.PreDestroy;
import tools.jackson.databind.json.JsonMapper;

/**
 * The front-door figures of each LA's current whole-journey snapshot for the 12 months to its date, computed once and
 * stored ({@code front_door_figures}): right after a snapshot is stored, again after a timescale interval changes, and
 * by the first reader that finds them missing or computed under other rules (who is given the figures computed for
 * them). Pages, the national picture, plan measures and reports read these; a child's list behind a figure and other
 * periods are computed from the rows. No access check here: callers make theirs.
 */
@Service
public class FrontDoorFigures {

    private static final Logger log = LoggerFactory.getLogger(FrontDoorFigures.class);

    /** One LA's figures for the 12 months to its data's date, and whether they were read as stored. */
    public record Stored(JourneySnapshot snapshot, Summary summary, boolean stored) {
    }

    private final ChildJourneys journeys;
    private final FrontDoors frontDoors;
    private final FrontDoorFiguresRepository repository;
    private final JsonMapper json;
    private final Clock clock;
    private final TransactionTemplate read;
    private final TransactionTemplate write;
    /**
     * Stored figures already parsed, by everything they were computed from (parsing a large LA's figures is the costliest
     * part of reading them). An entry is found only by its snapshot's id, which the reader got from a query under its
     * own LA's scope, so it never serves one LA's figures to another.
     */
    private final org.oversight.shared.RecentlyUsed<String, Summary> parsed = new org.oversight.shared.RecentlyUsed<>(512);
    private final ExecutorService background = Executors.newSingleThreadExecutor(Thread.ofPlatform().daemon().name("front-door-figures").factory());

    FrontDoorFigures(ChildJourneys journeys, FrontDoors frontDoors, FrontDoorFiguresRepository repository, JsonMapper json, Clock clock,
                     PlatformTransactionManager transactions) {
        this.journeys = journeys;
        this.frontDoors = frontDoors;
        this.repository = repository;
        this.json = json;
        this.clock = clock;
        this.read = new TransactionTemplate(transactions);
        this.read.setReadOnly(true);
        // the current snapshots and their stored figures as of one moment; joins a caller's transaction
        this.read.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.write = new TransactionTemplate(transactions);
        this.write.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** The LA's current figures: stored, or computed for this reader (and stored when the reader is in no transaction). */
    public Optional<Stored> current(UUID laId) {
        return read.execute(s -> journeys.current(laId)).map(snapshot -> of(List.of(snapshot)).getFirst());
    }

    /** The figures of these snapshots, in their order: those stored under today's rules, and the others computed and stored. */
    public List<Stored> of(List<JourneySnapshot> snapshots) {
        String version = frontDoors.version();
        Map<UUID, Stored> out = new HashMap<>();
        // Figures read before under the same inputs (snapshot, revision, rules, period) are the same figures: kept parsed.
        List<JourneySnapshot> unread = new ArrayList<>();
        for (JourneySnapshot snapshot : snapshots) {
            Summary known = parsed.get(parsedKey(snapshot, version));
            if (known != null) {
                out.put(snapshot.id(), new Stored(snapshot, known, true));
            } else {
                unread.add(snapshot);
            }
        }
        Map<UUID, Row> rows = unread.isEmpty() ? Map.of() : read.execute(s -> repository.ofSnapshots(unread.stream().map(JourneySnapshot::id).toList()))
                .stream().collect(Collectors.toMap(Row::snapshotId, Function.identity()));
        List<JourneySnapshot> missing = new ArrayList<>();
        for (JourneySnapshot snapshot : unread) {
            Row row = rows.get(snapshot.id());
            Period period = Period.yearTo(snapshot.asOf());
            if (row != null && row.rulesVersion().equals(version) && row.from().equals(period.from()) && row.to().equals(period.to())
                    && row.snapshotRevision() == snapshot.revision()) {
                Summary summary = json.readValue(row.figures(), Summary.class);
                parsed.put(parsedKey(snapshot, version), summary);
                out.put(snapshot.id(), new Stored(snapshot, summary, true));
            } else {
                missing.add(snapshot);
            }
        }
        if (!missing.isEmpty()) {
            List<View> views = frontDoors.computeAll(missing, s -> Period.yearTo(s.asOf()));
            views.forEach(v -> out.put(v.snapshot().id(), new Stored(v.snapshot(), summary(v), false)));
            if (!TransactionSynchronizationManager.isActualTransactionActive()) {
                write.executeWithoutResult(s -> views.forEach(v -> save(v, version)));
            }
        }
        return snapshots.stream().map(s -> out.get(s.id())).toList();
    }

    private static String parsedKey(JourneySnapshot snapshot, String version) {
        Period period = Period.yearTo(snapshot.asOf());
        return snapshot.id() + "/" + snapshot.revision() + "/" + period.from() + "/" + period.to() + "/" + version;
    }

    /**
     * A whole-journey snapshot was stored, or changed in place (a children's social care payload, which counts a new
     * revision, so what was stored before no longer matches): its figures are computed and stored once it is committed.
     */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    public void snapshotStored(ChildJourneys.Stored event) {
        try {
            journeys.current(event.laId()).filter(s -> s.id().equals(event.snapshotId())).ifPresent(s -> of(List.of(s)));
        } catch (RuntimeException e) {
            // the import stands; the first reader computes the figures
            log.warn("Front-door figures of snapshot {} not stored: {}", event.snapshotId(), e.toString());
        }
    }

    /** A timescale interval changed: every LA's current figures are computed again in the background (readers meanwhile compute their own). */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    public void rulesChanged(RuleSettings.Changed event) {
        if (!ProtectionTimescales.RULES.contains(event.ruleId())) {
            return;
        }
        background.submit(() -> TenantScope.asSystem(() -> {
            try {
                long t0 = System.nanoTime();
                List<JourneySnapshot> current = read.execute(s -> journeys.allCurrent());
                for (int i = 0; i < current.size(); i += FrontDoors.BATCH) {
                    of(current.subList(i, Math.min(current.size(), i + FrontDoors.BATCH)));
                }
                log.info("Front-door figures of {} LAs computed again after the change of {} ({} ms)", current.size(), event.ruleId(),
                        (System.nanoTime() - t0) / 1_000_000);
            } catch (RuntimeException e) {
                log.warn("Front-door figures not computed again after the change of {}: {}", event.ruleId(), e.toString());
            }
        }));
    }

    private void save(View view, String version) {
        repository.save(new Row(view.snapshot().id(), view.laId(), view.snapshot().asOf(), view.period().from(), view.period().to(), version,
                clock.instant(), json.writeValueAsString(summary(view)), view.snapshot().revision()));
    }

    private static Summary summary(View view) {
        return view.result().summary(view.findings());
    }

    @PreDestroy
    void stop() {
        background.shutdownNow();
    }
}
