package org.oversight.childdata.ssd;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.oversight.childdata.ssda903.Rows;

/**
 * An SSDA903 return's looked-after data as rows of the SSD store's looked-after tables: what {@code generate-data}
 * writes beside the 903 files, so that its SSD extract holds the same episodes, placements, legal statuses, reviews,
 * missing episodes and care leavers. The database does the same for a stored 903 snapshot
 * ({@code ssd_from_ssda903} of {@code V46_16}, run by every SSDA903 import and on the snapshots stored before); the
 * two are kept equal by {@code Ssda903ToSsdIT}.
 *
 * <p>The mapping (docs/ssd-store.md, "The looked-after half"): each 903 episode is a CLA episode
 * {@code <child>/E<DECOM>}; a period of care (episodes each starting the day the one before ended) is
 * {@code clae_cla_id} {@code <child>/C<first DECOM>}; a placement {@code <child>/P<start>} runs over the episodes that
 * change the legal status only (RNE L) with the same placement, provider, postcode and URN and no reason for a change
 * of placement before them; a legal status {@code <child>/L<start>} over the episodes of one period with the same LS; a
 * review {@code <child>/R<date>} names the period it falls in; a missing episode is {@code <child>/M<start>-<kind>}, a
 * care leaver {@code <child>/OC3}. Only the children of the header, each row once (the first), as the 903 import stores them.
 */
public final class Ssda903ToSsd {

    private Ssda903ToSsd() {
    }

    /** Adds the return's looked-after rows to {@code data} (not the persons: they are the caller's). */
    public static void add(List<Rows.Header> header, List<Rows.Episode> episodes, List<Rows.Review> reviews, List<Rows.Oc3> oc3,
                           List<Rows.Missing> missing, SsdData data) {
        Set<String> children = new HashSet<>();
        header.forEach(h -> children.add(h.child()));
        Map<String, List<Rows.Episode>> byChild = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        for (Rows.Episode e : episodes) {
            if (children.contains(e.child()) && e.decom() != null && seen.add(e.child() + "\u0000" + e.decom())) {
                byChild.computeIfAbsent(e.child(), k -> new ArrayList<>()).add(e);
            }
        }
        Map<String, List<Period>> periods = new LinkedHashMap<>();
        byChild.forEach((child, list) -> {
            list.sort(Comparator.comparing(Rows.Episode::decom));
            periods.put(child, episodes(child, list, data));
        });
        seen.clear();
        for (Rows.Review r : reviews) {
            if (children.contains(r.child()) && r.review() != null && seen.add(r.child() + "\u0000" + r.review())) {
                row(data, "ssd_cla_reviews").set("clar_cla_review_id", r.child() + "/R" + r.review()).set("clar_person_id", r.child())
                        .set("clar_cla_id", periodOf(periods.getOrDefault(r.child(), List.of()), r.review()))
                        .set("clar_cla_review_date", r.review().toString()).set("clar_cla_review_participation", r.reviewCode()).add();
            }
        }
        seen.clear();
        for (Rows.Oc3 o : oc3) {
            if (children.contains(o.child()) && seen.add(o.child())) {
                row(data, "ssd_care_leavers").set("clea_table_id", o.child() + "/OC3").set("clea_person_id", o.child())
                        .set("clea_care_leaver_in_touch", o.inTouch()).set("clea_care_leaver_activity", o.activ())
                        .set("clea_care_leaver_accommodation", o.accom()).add();
            }
        }
        seen.clear();
        for (Rows.Missing m : missing) {
            if (children.contains(m.child()) && m.misStart() != null && m.missing() != null && seen.add(m.child() + "\u0000" + m.misStart() + "\u0000" + m.missing())) {
                row(data, "ssd_missing").set("miss_table_id", m.child() + "/M" + m.misStart() + "-" + m.missing()).set("miss_person_id", m.child())
                        .set("miss_missing_episode_start_date", m.misStart().toString()).set("miss_missing_episode_type", m.missing())
                        .set("miss_missing_episode_end_date", text(m.misEnd())).add();
            }
        }
    }

    /** A period of care of a child: its id, its first day and last day (null while open). */
    private record Period(String id, LocalDate from, LocalDate to) {
    }

    /** One child's episodes (in date order) as CLA episodes, placements and legal statuses; returns the child's episodes' periods. */
    private static List<Period> episodes(String child, List<Rows.Episode> list, SsdData data) {
        List<Period> spans = new ArrayList<>();
        Rows.Episode prev = null;
        String period = null;
        LocalDate entered = null;
        String placed = null;
        List<Rows.Episode> placement = new ArrayList<>();
        List<Rows.Episode> legal = new ArrayList<>();
        for (Rows.Episode e : list) {
            boolean newPeriod = prev == null || !e.decom().equals(prev.dec());
            boolean newPlacement = newPeriod || !"L".equals(e.rne()) || !Objects.equals(prev.place(), e.place())
                    || !Objects.equals(prev.placeProvider(), e.placeProvider()) || !Objects.equals(blank(prev.plPost()), blank(e.plPost()))
                    || !Objects.equals(blank(prev.urn()), blank(e.urn())) || blank(prev.reasonPlaceChange()) != null;
            if (newPlacement) {
                placement(child, placement, placed, data);
                placement.clear();
            }
            if (newPeriod) {
                entered = e.decom();
                period = child + "/C" + entered;
            }
            if (newPlacement) {
                placed = period;
            }
            if (newPeriod || !Objects.equals(prev.ls(), e.ls())) {
                legal(child, legal, data);
                legal.clear();
            }
            placement.add(e);
            legal.add(e);
            row(data, "ssd_cla_episodes").set("clae_cla_episode_id", child + "/E" + e.decom()).set("clae_person_id", child)
                    .set("clae_cla_episode_start_date", e.decom().toString()).set("clae_cla_episode_start_reason", e.rne())
                    .set("clae_cla_primary_need_code", e.cin()).set("clae_cla_episode_ceased_date", text(e.dec()))
                    .set("clae_cla_episode_ceased_reason", e.rec()).set("clae_cla_id", period)
                    .set("clae_cla_placement_id", child + "/P" + placement.getFirst().decom()).set("clae_entered_care_date", entered.toString()).add();
            spans.add(new Period(period, e.decom(), e.dec()));
            prev = e;
        }
        placement(child, placement, placed, data);
        legal(child, legal, data);
        return spans;
    }

    /**
     * The placement over these episodes (all of one period of care, {@code period}): the first one's placement, the last
     * one's end and reason for a change.
     */
    private static void placement(String child, List<Rows.Episode> run, String period, SsdData data) {
        if (run.isEmpty()) {
            return;
        }
        Rows.Episode first = run.getFirst();
        Rows.Episode last = run.getLast();
        row(data, "ssd_cla_placement").set("clap_cla_placement_id", child + "/P" + first.decom()).set("clap_person_id", child)
                .set("clap_cla_placement_start_date", first.decom().toString()).set("clap_cla_placement_type", first.place())
                .set("clap_cla_placement_urn", blank(first.urn())).set("clap_cla_id", period)
                .set("clap_cla_placement_provider", first.placeProvider()).set("clap_cla_placement_postcode", blank(first.plPost()))
                .set("clap_cla_placement_end_date", text(last.dec())).set("clap_cla_placement_change_reason", blank(last.reasonPlaceChange())).add();
    }

    private static void legal(String child, List<Rows.Episode> run, SsdData data) {
        if (run.isEmpty() || run.getFirst().ls() == null) {
            return;
        }
        row(data, "ssd_legal_status").set("lega_legal_status_id", child + "/L" + run.getFirst().decom()).set("lega_person_id", child)
                .set("lega_legal_status", run.getFirst().ls()).set("lega_legal_status_start_date", run.getFirst().decom().toString())
                .set("lega_legal_status_end_date", text(run.getLast().dec())).add();
    }

    /** The id of the period of the latest episode the date falls in (from its start to its end, both days), or null. */
    private static String periodOf(List<Period> spans, LocalDate date) {
        String found = null;
        for (Period p : spans) {
            if (!p.from().isAfter(date) && (p.to() == null || !date.isAfter(p.to()))) {
                found = p.id();
            }
        }
        return found;
    }

    /** A blank as none: the 903 import stores PL_POST, URN and REASON_PLACE_CHANGE so. */
    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static String text(LocalDate date) {
        return date == null ? null : date.toString();
    }

    private static Row row(SsdData data, String table) {
        return new Row(data, SsdSchema.get().table(table));
    }

    /** A row being filled by field name. */
    private record Row(SsdData data, SsdSchema.Table table, String[] values) {
        Row(SsdData data, SsdSchema.Table table) {
            this(data, table, new String[table.columns().size()]);
        }

        Row set(String field, String value) {
            values[table.index(field)] = value;
            return this;
        }

        void add() {
            data.add(table.name(), values);
        }
    }
}
