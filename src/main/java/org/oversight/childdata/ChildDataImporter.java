package org.oversight.childdata;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.oversight.access.CurrentUser;
import org.oversight.childdata.ssda903.CollectionYear;
import org.oversight.childdata.ssda903.Rows;
import org.oversight.childdata.ssda903.Ssda903Return;
import org.oversight.childdata.ssda903.ValidationError;
import org.oversight.register.LocalAuthorities;
import org.oversight.register.LocalAuthority;
import org.oversight.shared.web.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports an LA's SSDA903 tables as a new snapshot, in one transaction. With errors, the return is either rejected
 * whole (nothing changes) or accepted with its bad rows left out and reported; never half-stored.
 */
@Service
public class ChildDataImporter {

    public enum Mode { REJECT_IF_ANY_ERROR, ACCEPT_GOOD_ROWS }

    /** What an import did: stored or not, the snapshot, rows accepted and rejected, and every error with its place. */
    public record Outcome(boolean stored, UUID snapshotId, int accepted, int rejected, List<ValidationError> errors) {
    }

    private final JdbcClient jdbc;
    private final LocalAuthorities localAuthorities;
    private final CurrentUser currentUser;
    private final Clock clock;

    ChildDataImporter(JdbcClient jdbc, LocalAuthorities localAuthorities, CurrentUser currentUser, Clock clock) {
        this.jdbc = jdbc;
        this.localAuthorities = localAuthorities;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    @Transactional
    public Outcome importReturn(int laUrn, int collectionStartYear, Map<String, byte[]> files, Mode mode, boolean batch) {
        LocalAuthority la = localAuthorities.findByUrn(laUrn).orElseThrow(() -> new NotFoundException("No local authority has the URN " + laUrn));
        if (!batch && !currentUser.canEdit(la.id())) {
            throw new AccessDeniedException("Only " + la.name() + "'s managers and staff can import its children's data");
        }
        CollectionYear year = CollectionYear.of(collectionStartYear);
        Ssda903Return parsed = Ssda903Return.read(files, year);
        if (!parsed.errors().isEmpty() && mode == Mode.REJECT_IF_ANY_ERROR) {
            return new Outcome(false, null, 0, parsed.files().stream().mapToInt(f -> f.rows().size()).sum(), parsed.errors());
        }
        Ssda903Return.Accepted accepted = parsed.acceptWithBadRows();
        List<Rows.Header> header = accepted.rows(Rows.Header.class);
        if (header.isEmpty()) {
            return new Outcome(false, null, 0, accepted.droppedRows(), parsed.errors());
        }
        jdbc.sql("UPDATE import_snapshot SET superseded_at = ? WHERE la_id = ? AND collection_year = ? AND superseded_at IS NULL")
                .params(Timestamp.from(clock.instant()), la.id(), year.toString()).update();
        UUID snapshot = jdbc.sql("""
                INSERT INTO import_snapshot (la_id, collection_year, source, imported_by, imported_at, rows_accepted, rows_rejected)
                VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id""").params(la.id(), year.toString(),
                String.join(", ", files.keySet()), currentUser.actor(), Timestamp.from(clock.instant()), accepted.acceptedRows(),
                accepted.droppedRows()).query(UUID.class).single();
        Set<String> uasc = accepted.rows(Rows.Uasc.class).stream().map(Rows.Uasc::child).collect(Collectors.toSet());
        Map<String, Boolean> children = new HashMap<>();
        for (Rows.Header h : header) {
            if (children.putIfAbsent(h.child(), true) == null) {
                jdbc.sql("INSERT INTO child (snapshot_id, la_id, child_ref, sex, dob, ethnic, uasc) VALUES (?, ?, ?, ?, ?, ?, ?)")
                        .params(snapshot, la.id(), h.child(), h.sex(), h.dob(), h.ethnic(), uasc.contains(h.child())).update();
            }
        }
        for (Rows.Episode e : accepted.rows(Rows.Episode.class)) {
            if (children.containsKey(e.child())) {
                jdbc.sql("""
                        INSERT INTO episode (snapshot_id, la_id, child_ref, decom, rne, legal_status, cin, place, place_provider, dec, rec)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""").params(snapshot, la.id(), e.child(), e.decom(), e.rne(),
                        e.ls(), e.cin(), e.place(), e.placeProvider(), e.dec(), e.rec()).update();
            }
        }
        for (Rows.Review r : accepted.rows(Rows.Review.class)) {
            if (children.containsKey(r.child())) {
                jdbc.sql("INSERT INTO review (snapshot_id, la_id, child_ref, review_date, review_code) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")
                        .params(snapshot, la.id(), r.child(), r.review(), r.reviewCode()).update();
            }
        }
        for (Rows.Oc3 o : accepted.rows(Rows.Oc3.class)) {
            if (children.containsKey(o.child())) {
                jdbc.sql("INSERT INTO care_leaver (snapshot_id, la_id, child_ref, in_touch, activity, accommodation) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")
                        .params(snapshot, la.id(), o.child(), o.inTouch(), o.activ(), o.accom()).update();
            }
        }
        for (Rows.Missing m : accepted.rows(Rows.Missing.class)) {
            if (children.containsKey(m.child()) && m.misStart() != null) {
                jdbc.sql("INSERT INTO missing_episode (snapshot_id, la_id, child_ref, kind, started, ended) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")
                        .params(snapshot, la.id(), m.child(), m.missing(), m.misStart(), m.misEnd()).update();
            }
        }
        return new Outcome(true, snapshot, accepted.acceptedRows(), accepted.droppedRows(), parsed.errors());
    }
}
