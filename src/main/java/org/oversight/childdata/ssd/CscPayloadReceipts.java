package org.oversight.childdata.ssd;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.oversight.access.CurrentUser;
import org.oversight.access.MachineClient;
import org.oversight.access.OversightUser;
import org.oversight.childdata.ssd.CscPayload.Problem;
import org.oversight.childdata.ssd.CscPayloadImporter.PayloadCounts;
import org.oversight.childdata.ssd.CscPayloadImporter.Summary;
import org.oversight.register.LocalAuthorities;
import org.oversight.register.LocalAuthority;
import org.oversight.shared.Checksums;
import org.oversight.shared.Dates;
import org.oversight.shared.problem.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every DfE children's social care API payload an LA receives, whoever sends it and however (its API token or a manager,
 * through the API, the command line or the upload page), goes through here: it is applied by {@link CscPayloadImporter}
 * and recorded, accepted or refused — when, by whom, its size and SHA-256, the children and items it created, updated
 * and purged, what was read but not stored and the fields ignored, or its first {@value #ERRORS_KEPT} problems and how
 * many there were. The payload itself is never kept: it holds children's data. An accepted payload's record is written
 * in the transaction that applies it (both or neither); a refused one's after that transaction is rolled back.
 */
@Service
public class CscPayloadReceipts {

    /** Problems of a refused payload kept in its record (the count is kept whole). */
    public static final int ERRORS_KEPT = 100;

    /** How a payload came in. */
    public enum Channel { API, PAGE, COMMAND_LINE }

    /** What became of a payload: its record, and the importer's summary when it was accepted. */
    public record Outcome(Receipt receipt, Summary summary, List<Problem> problems) {
        public boolean accepted() {
            return receipt.accepted();
        }
    }

    /** A payload's record (never its content). */
    public record Receipt(UUID id, Instant receivedAt, String channel, String senderKind, String senderName, String fileName, long sizeBytes,
                          String sha256, boolean accepted, int status, UUID snapshotId, boolean snapshotCreated, int children, int childrenCreated,
                          int childrenUpdated, int childrenPurged, Map<String, PayloadCounts> items, Map<String, Integer> notStored,
                          List<String> ignored, String refusal, int errorCount, List<Problem> errors) {
        /** Children created, updated or purged. */
        public int childrenChanged() {
            return childrenCreated + childrenUpdated + childrenPurged;
        }

        /** The day it was received, in London. */
        public LocalDate day() {
            return receivedAt.atZone(Dates.LONDON).toLocalDate();
        }
    }

    /** One day's payloads in a sentence: how many, children changed by those accepted, how many refused. */
    public record Day(LocalDate day, int payloads, int childrenChanged, int refused) {
    }

    private final CscPayloadImporter importer;
    private final JdbcClient jdbc;
    private final LocalAuthorities localAuthorities;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final JsonMapper json;
    private final TransactionTemplate tx;

    CscPayloadReceipts(CscPayloadImporter importer, JdbcClient jdbc, LocalAuthorities localAuthorities, CurrentUser currentUser, Clock clock,
                       JsonMapper json, PlatformTransactionManager transactions) {
        this.importer = importer;
        this.jdbc = jdbc;
        this.localAuthorities = localAuthorities;
        this.currentUser = currentUser;
        this.clock = clock;
        this.json = json;
        this.tx = new TransactionTemplate(transactions);
    }

    /**
     * Reads, applies and records a payload for the LA of the URN. Throws {@link NotFoundException} for an unknown URN and
     * {@link AccessDeniedException} for a sender that may not send this LA's children (neither recorded: they are not the
     * LA's payloads); any other refusal is recorded and answered in the outcome.
     */
    public Outcome receive(int laUrn, byte[] body, Channel channel, String fileName) {
        LocalAuthority la = localAuthorities.findByUrn(laUrn).orElseThrow(() -> new NotFoundException("No local authority has the URN " + laUrn));
        boolean batch = channel == Channel.COMMAND_LINE;
        if (!batch && !currentUser.canSendPayload(la.id())) {
            throw new AccessDeniedException("Only " + la.name() + "'s own system (with one of its API tokens) or its managers can send its children's data");
        }
        Record r = new Record(la.id(), channel, fileName, body, body.length);
        JsonNode payload;
        try {
            payload = json.readTree(body);
        } catch (JacksonException e) {
            var where = e.getLocation();
            String at = where == null ? "" : " (line " + where.getLineNr() + ", column " + where.getColumnNr() + ")";
            return refused(r, 400, null, List.of(new Problem("", "$", "The payload is not JSON" + at + ": " + e.getOriginalMessage())));
        }
        if (payload == null || payload.isMissingNode() || !payload.isObject()) {
            return refused(r, 400, null, List.of(new Problem("", "$", "The payload must be a JSON object with la_code and Children")));
        }
        try {
            return tx.execute(s -> {
                Summary summary = batch ? importer.applyAsBatch(laUrn, payload) : importer.apply(laUrn, payload);
                Receipt receipt = insert(r, true, 200, summary, null, List.of());
                return new Outcome(receipt, summary, List.of());
            });
        } catch (CscPayloadImporter.PayloadProblems e) {
            return refused(r, 400, e.getMessage(), e.problems());
        } catch (CscPayloadImporter.WrongLocalAuthority e) {
            return refused(r, 422, e.getMessage(), List.of());
        }
    }

    private Outcome refused(Record r, int status, String refusal, List<Problem> problems) {
        String words = refusal != null ? refusal
                : problems.size() + (problems.size() == 1 ? " problem" : " problems") + " in the payload: nothing was stored";
        Receipt receipt = tx.execute(s -> insert(r, false, status, null, words, problems));
        return new Outcome(receipt, null, problems);
    }

    /**
     * Records a payload refused because it is past the largest body Oversight reads ({@code oversight.imports.max-json-body}),
     * so that an LA's system whose nightly payload has grown past it shows in the payload history, not only in its own log.
     * Only its first {@code firstBytes} were read: the record's size is the size the sender declared (or what was read, when it
     * declared none) and its SHA-256 is of the part read. Access as for {@link #receive}.
     */
    public Outcome tooLarge(int laUrn, long declaredSize, byte[] firstBytes, long max, Channel channel, String fileName) {
        LocalAuthority la = localAuthorities.findByUrn(laUrn).orElseThrow(() -> new NotFoundException("No local authority has the URN " + laUrn));
        if (channel != Channel.COMMAND_LINE && !currentUser.canSendPayload(la.id())) {
            throw new AccessDeniedException("Only " + la.name() + "'s own system (with one of its API tokens) or its managers can send its children's data");
        }
        long size = Math.max(declaredSize, firstBytes.length);
        String words = "The payload is larger than " + org.oversight.shared.upload.UploadLimits.words(max)
                + ", the most Oversight reads (oversight.imports.max-json-body): nothing was stored; send it in parts"
                + " (its SHA-256 here is of the first " + org.oversight.shared.upload.UploadLimits.words(firstBytes.length) + " read)";
        return refused(new Record(la.id(), channel, fileName, firstBytes, size), 413, words, List.of());
    }

    /** What is known of a payload before it is read: its size is that of the body, or the declared size of one too large to read. */
    private record Record(UUID laId, Channel channel, String fileName, byte[] body, long size) {
    }

    private Receipt insert(Record r, boolean accepted, int status, Summary s, String refusal, List<Problem> problems) {
        String kind;
        String name;
        UUID tokenId = null;
        var machine = currentUser.machine();
        if (machine.isPresent()) {
            kind = "TOKEN";
            name = machine.get().tokenName();
            tokenId = machine.get().tokenId();
        } else if (currentUser.get().isPresent()) {
            OversightUser u = currentUser.get().get();
            kind = "PERSON";
            name = u.displayName() == null || u.displayName().isBlank() ? u.username() : u.displayName();
        } else {
            kind = "SYSTEM";
            name = "command line";
        }
        String file = r.fileName() == null || r.fileName().isBlank() ? null
                : r.fileName().length() > 200 ? r.fileName().substring(0, 200) : r.fileName();
        Instant now = clock.instant();
        List<Problem> kept = problems.size() > ERRORS_KEPT ? problems.subList(0, ERRORS_KEPT) : problems;
        List<Map<String, String>> errors = kept.stream().map(p -> Map.of("child", p.childId() == null ? "" : p.childId(), "field", p.path(),
                "message", p.message())).toList();
        PayloadCounts none = new PayloadCounts(0, 0, 0);
        PayloadCounts children = s == null ? none : s.childCounts();
        UUID id = jdbc.sql("""
                INSERT INTO csc_payload_receipt (la_id, received_at, channel, sender_kind, sender_name, token_id, file_name, size_bytes, sha256, accepted,
                    status, snapshot_id, snapshot_created, children, children_created, children_updated, children_purged, items, not_stored, ignored,
                    refusal, error_count, errors)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?::jsonb, ?, ?, ?::jsonb) RETURNING id""")
                .params(r.laId(), Timestamp.from(now), r.channel().name(), kind, name, tokenId, file, r.size(),
                        Checksums.sha256(r.body()), accepted, status, s == null ? null : s.snapshotId(), s != null && s.snapshotCreated(),
                        s == null ? 0 : s.children(), children.created(), children.updated(), children.purged(),
                        json.writeValueAsString(s == null ? Map.of() : s.items()), json.writeValueAsString(s == null ? Map.of() : s.notStored()),
                        json.writeValueAsString(s == null ? List.of() : s.ignored()), refusal, problems.size(), json.writeValueAsString(errors))
                .query(UUID.class).single();
        return get(r.laId(), id, false);
    }

    /** The LA's days with payloads, newest first, before {@code before} (all when null), at most {@code limit} (its managers only). */
    public List<Day> days(UUID laId, LocalDate before, int limit) {
        managerOf(laId);
        return jdbc.sql("""
                SELECT (received_at AT TIME ZONE 'Europe/London')::date AS day, count(*),
                       coalesce(sum(children_created + children_updated + children_purged) FILTER (WHERE accepted), 0), count(*) FILTER (WHERE NOT accepted)
                  FROM csc_payload_receipt WHERE la_id = ? AND (CAST(? AS date) IS NULL OR (received_at AT TIME ZONE 'Europe/London')::date < CAST(? AS date))
                 GROUP BY 1 ORDER BY 1 DESC LIMIT ?""").params(laId, before, before, limit)
                .query((rs, i) -> new Day(rs.getObject(1, LocalDate.class), rs.getInt(2), rs.getInt(3), rs.getInt(4))).list();
    }

    /** The payloads of one day (in London), newest first, at most {@code limit} (its managers only). */
    public List<Receipt> ofDay(UUID laId, LocalDate day, int limit) {
        managerOf(laId);
        return jdbc.sql(SELECT + " WHERE la_id = ? AND (received_at AT TIME ZONE 'Europe/London')::date = ? ORDER BY received_at DESC, id LIMIT ?")
                .params(laId, day, limit).query((rs, i) -> row(rs, false)).list();
    }

    /** The LA's payloads received before {@code before} (all when null), newest first, at most {@code limit} (its managers only). */
    public List<Receipt> list(UUID laId, Instant before, int limit) {
        managerOf(laId);
        return jdbc.sql(SELECT + " WHERE la_id = ? AND (CAST(? AS timestamptz) IS NULL OR received_at < CAST(? AS timestamptz)) "
                        + "ORDER BY received_at DESC, id LIMIT ?")
                .params(laId, before == null ? null : Timestamp.from(before), before == null ? null : Timestamp.from(before), limit)
                .query((rs, i) -> row(rs, false)).list();
    }

    /** One payload's record with its problems (its LA's managers only); 404 when the LA has no such payload. */
    public Receipt get(UUID laId, UUID id) {
        managerOf(laId);
        return get(laId, id, true);
    }

    private Receipt get(UUID laId, UUID id, boolean withErrors) {
        return jdbc.sql(SELECT + " WHERE la_id = ? AND id = ?").params(laId, id).query((rs, i) -> row(rs, withErrors)).optional()
                .orElseThrow(() -> new NotFoundException("This local authority has no payload " + id));
    }

    private static final String SELECT = """
            SELECT id, received_at, channel, sender_kind, sender_name, file_name, size_bytes, sha256, accepted, status, snapshot_id, snapshot_created,
                   children, children_created, children_updated, children_purged, items::text, not_stored::text, ignored::text, refusal, error_count,
                   errors::text FROM csc_payload_receipt""";

    private Receipt row(java.sql.ResultSet rs, boolean withErrors) throws java.sql.SQLException {
        Map<String, PayloadCounts> items = new LinkedHashMap<>();
        json.readTree(rs.getString(17)).properties().forEach(e -> items.put(e.getKey(),
                new PayloadCounts(e.getValue().path("created").asInt(), e.getValue().path("updated").asInt(), e.getValue().path("purged").asInt())));
        Map<String, Integer> notStored = new LinkedHashMap<>();
        json.readTree(rs.getString(18)).properties().forEach(e -> notStored.put(e.getKey(), e.getValue().asInt()));
        List<String> ignored = new ArrayList<>();
        json.readTree(rs.getString(19)).forEach(n -> ignored.add(n.asString()));
        List<Problem> errors = new ArrayList<>();
        if (withErrors) {
            json.readTree(rs.getString(22)).forEach(n -> errors.add(new Problem(n.path("child").asString(), n.path("field").asString(),
                    n.path("message").asString())));
        }
        return new Receipt(rs.getObject(1, UUID.class), rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getLong(7), rs.getString(8), rs.getBoolean(9), rs.getInt(10), rs.getObject(11, UUID.class), rs.getBoolean(12),
                rs.getInt(13), rs.getInt(14), rs.getInt(15), rs.getInt(16), items, notStored, List.copyOf(ignored), rs.getString(20), rs.getInt(21),
                List.copyOf(errors));
    }

    private void managerOf(UUID laId) {
        if (!currentUser.canManage(laId)) {
            throw new AccessDeniedException("Only the local authority's managers can see the payloads it received");
        }
    }
}
