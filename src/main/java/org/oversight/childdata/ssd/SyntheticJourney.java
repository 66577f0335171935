package org.oversight.childdata.ssd;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.oversight.childdata.cin.CinCensus;
import org.oversight.childdata.cin.CinDate;

/**
 * A synthetic SSD extract for the same children as a synthetic CIN census: the census's children, episodes,
 * assessments, plans, enquiries, conferences and reviews (as {@link CinToSsd} stores a census), plus what the census does
 * not hold: the contact before each referral, some early help before it, visits to children on CIN and CP plans, and
 * the worker and team holding each case (professionals, departments, involvements). No real child; no names.
 */
public final class SyntheticJourney {

    private static final String[] CONTACT_SOURCES = {"1A", "1B", "2A", "3A", "3B", "4", "5A", "6", "8", "9"};
    private static final int TEAMS = 4;
    private static final int WORKERS_PER_TEAM = 6;
    private static final int EARLY_HELP_WORKERS = 5;

    private SyntheticJourney() {
    }

    /** The extract's rows for the census's children. */
    public static SsdData of(CinCensus census, long seed) {
        return of(census, seed, List.of());
    }

    /**
     * The extract's rows for the census's children and for {@code others}, people of the LA's records who are not in
     * the census (care leavers of the SSDA903 return): only their person rows.
     */
    public static SsdData of(CinCensus census, long seed, List<CinCensus.Child> others) {
        SsdData data = of0(census, seed);
        others.forEach(c -> CinToSsd.add(c, data));
        return data;
    }

    private static SsdData of0(CinCensus census, long seed) {
        SsdData data = new SsdData();
        String la = census.header().lea() == null ? "000" : census.header().lea();
        for (int t = 1; t <= TEAMS; t++) {
            row(data, "ssd_department").set("dept_team_id", la + "-T" + t).set("dept_team_name", "Assessment and Child in Need Team " + t)
                    .set("dept_team_parent_id", la + "-CSC").set("dept_team_parent_name", "Children's Social Care").add();
            for (int w = 1; w <= WORKERS_PER_TEAM; w++) {
                row(data, "ssd_professionals").set("prof_professional_id", worker(la, t, w)).set("prof_staff_id", "S" + la + t + w)
                        .set("prof_professional_name", "Social worker " + t + "-" + w).set("prof_professional_job_title", "Social Worker")
                        .set("prof_professional_department", "Assessment and Child in Need Team " + t).set("prof_full_time_equivalency", "1")
                        .set("prof_agency_worker_flag", w == WORKERS_PER_TEAM ? "Y" : "N").add();
            }
        }
        row(data, "ssd_department").set("dept_team_id", la + "-EH").set("dept_team_name", "Early Help Hub")
                .set("dept_team_parent_id", la + "-EHS").set("dept_team_parent_name", "Early Help Service").add();
        for (int w = 1; w <= EARLY_HELP_WORKERS; w++) {
            row(data, "ssd_professionals").set("prof_professional_id", "EH" + la + "-" + w).set("prof_staff_id", "E" + la + w)
                    .set("prof_professional_name", "Family support worker " + w).set("prof_professional_job_title", "Family Support Worker")
                    .set("prof_professional_department", "Early Help Hub").set("prof_full_time_equivalency", "1").set("prof_agency_worker_flag", "N").add();
        }
        List<CinCensus.Child> children = census.children();
        for (int i = 0; i < children.size(); i++) {
            CinCensus.Child c = children.get(i);
            CinToSsd.add(c, data);
            SplittableRandom r = new SplittableRandom(seed * 1_000_003L + i);
            String id = c.laChildId();
            int team = 1 + r.nextInt(TEAMS);
            String worker = worker(la, team, 1 + r.nextInt(WORKERS_PER_TEAM));
            otherContacts(data, id, c, census.header().referenceDate().date(), r);
            int e = 0;
            for (CinCensus.CinDetails episode : c.cinDetails()) {
                String referral = id + "-R" + ++e;
                LocalDate referred = episode.referralDate() == null ? null : episode.referralDate().date();
                if (referred == null) {
                    continue;
                }
                row(data, "ssd_contacts").set("cont_contact_id", referral + "-K").set("cont_person_id", id)
                        .set("cont_contact_date", referred.minusDays(r.nextInt(3)).toString())
                        .set("cont_contact_source_code", CONTACT_SOURCES[r.nextInt(CONTACT_SOURCES.length)])
                        .set("cont_contact_outcome_json", "{\"OUTCOME\":\"REFERRAL\"}").add();
                if (r.nextInt(4) == 0) {
                    LocalDate ehStart = referred.minusDays(60 + r.nextInt(200));
                    row(data, "ssd_early_help_episodes").set("earl_episode_id", referral + "-EH").set("earl_person_id", id)
                            .set("earl_episode_start_date", ehStart.toString()).set("earl_episode_end_date", referred.minusDays(1).toString())
                            .set("earl_episode_reason", "Family support").set("earl_episode_end_reason", "Stepped up to children's social care")
                            .set("earl_episode_organisation", "Early Help Hub").add();
                }
                LocalDate closed = episode.closureDate() == null ? null : episode.closureDate().date();
                if (closed != null && "RC9".equals(episode.reasonForClosure())) {
                    stepDown(data, la, id, referral, closed, census.header().referenceDate().date(), e == c.cinDetails().size(), r);
                }
                row(data, "ssd_involvements").set("invo_involvements_id", referral + "-I").set("invo_professional_id", worker)
                        .set("invo_professional_role_id", "Allocated Case Worker").set("invo_professional_team", la + "-T" + team)
                        .set("invo_involvement_start_date", referred.toString()).set("invo_involvement_end_date", closed == null ? null : closed.toString())
                        .set("invo_person_id", id).set("invo_referral_id", referral).add();
                int p = 0;
                for (CinCensus.CinPlan plan : episode.cinPlans()) {
                    visits(data, "ssd_cin_visits", "cinv", referral + "-P" + ++p, id, plan.startDate() == null ? null : plan.startDate().date(),
                            plan.endDate() == null ? census.header().referenceDate().date() : plan.endDate().date(), 24, r);
                }
                int cp = 0;
                for (CinCensus.ProtectionPlan plan : episode.protectionPlans()) {
                    visits(data, "ssd_cp_visits", "cppv", referral + "-CP" + ++cp, id, plan.startDate() == null ? null : plan.startDate().date(),
                            plan.endDate() == null ? census.header().referenceDate().date() : plan.endDate().date(), 10, r);
                }
            }
        }
        return data;
    }

    /**
     * Contacts that did not become referrals (advice, signposting, no further action): most children have one or two
     * in the year, never in the 30 days before one of their referrals (which would make it that referral's contact).
     */
    private static void otherContacts(SsdData data, String child, CinCensus.Child c, LocalDate reference, SplittableRandom r) {
        int n = r.nextInt(10) < 6 ? 1 + r.nextInt(2) : 0;
        for (int k = 1; k <= n; k++) {
            LocalDate date = reference.minusDays(1 + r.nextInt(364));
            boolean nearReferral = c.cinDetails().stream().map(CinCensus.CinDetails::referralDate).filter(java.util.Objects::nonNull)
                    .map(CinDate::date).filter(java.util.Objects::nonNull)
                    .anyMatch(d -> !date.isAfter(d) && !date.isBefore(d.minusDays(31)));
            if (nearReferral) {
                continue;
            }
            row(data, "ssd_contacts").set("cont_contact_id", child + "-K" + k).set("cont_person_id", child).set("cont_contact_date", date.toString())
                    .set("cont_contact_source_code", CONTACT_SOURCES[r.nextInt(CONTACT_SOURCES.length)])
                    .set("cont_contact_outcome_json", "{\"OUTCOME\":\"" + (r.nextBoolean() ? "NFA" : "ADVICE") + "\"}").add();
        }
    }

    /**
     * A case closed with step-down to early help (CIN census RC9): for most, an early help episode starts within a few
     * weeks (some late, a few never); about one in six of those whose last episode it was is referred again within
     * the year (a new, open episode).
     */
    private static void stepDown(SsdData data, String la, String child, String referral, LocalDate closed, LocalDate reference, boolean last,
                                 SplittableRandom r) {
        int roll = r.nextInt(100);
        if (roll < 85) {
            LocalDate start = closed.plusDays(roll < 60 ? r.nextInt(12) : 12 + r.nextInt(30));
            if (!start.isAfter(reference)) {
                row(data, "ssd_early_help_episodes").set("earl_episode_id", referral + "-SD").set("earl_person_id", child)
                        .set("earl_episode_start_date", start.toString()).set("earl_episode_reason", "Step-down from children's social care")
                        .set("earl_episode_organisation", "Early Help Hub").set("earl_episode_worker_id", "EH" + la + "-" + (1 + r.nextInt(EARLY_HELP_WORKERS))).add();
            }
        }
        if (r.nextInt(6) == 0 && last) {
            LocalDate again = closed.plusDays(40 + r.nextInt(300));
            if (!again.isAfter(reference)) {
                String up = referral + "-UP";
                row(data, "ssd_contacts").set("cont_contact_id", up + "-K").set("cont_person_id", child)
                        .set("cont_contact_date", again.minusDays(r.nextInt(2)).toString())
                        .set("cont_contact_source_code", CONTACT_SOURCES[r.nextInt(CONTACT_SOURCES.length)])
                        .set("cont_contact_outcome_json", "{\"OUTCOME\":\"REFERRAL\"}").add();
                row(data, "ssd_cin_episodes").set("cine_referral_id", up).set("cine_person_id", child).set("cine_referral_date", again.toString())
                        .set("cine_cin_primary_need_code", "N1").set("cine_referral_source_code", CONTACT_SOURCES[r.nextInt(CONTACT_SOURCES.length)])
                        .set("cine_referral_nfa", "false").add();
            }
        }
    }

    private static void visits(SsdData data, String table, String prefix, String plan, String child, LocalDate from, LocalDate to, int every,
                               SplittableRandom r) {
        if (from == null || to == null) {
            return;
        }
        int n = 0;
        for (LocalDate d = from.plusDays(1 + r.nextInt(every)); !d.isAfter(to) && n < 60; d = d.plusDays(every / 2 + r.nextInt(every))) {
            Row v = row(data, table).set(prefix + "_" + (prefix.equals("cinv") ? "cin" : "cp") + "_visit_id", plan + "-V" + ++n)
                    .set(prefix + "_person_id", child).set(prefix + "_" + (prefix.equals("cinv") ? "cin" : "cp") + "_visit_date", d.toString())
                    .set(prefix + "_" + (prefix.equals("cinv") ? "cin" : "cp") + "_visit_seen", "Y")
                    .set(prefix + "_" + (prefix.equals("cinv") ? "cin" : "cp") + "_visit_seen_alone", r.nextBoolean() ? "Y" : "N");
            if (prefix.equals("cppv")) {
                v.set("cppv_cp_plan_id", plan);
            }
            v.add();
        }
    }

    private static String worker(String la, int team, int w) {
        return "W" + la + "-" + team + "-" + w;
    }

    /** Writes every table that has rows as {@code <table>.csv} in the folder, with the SSD field names as headers and dates as yyyy-mm-dd. */
    public static void write(SsdData data, Path dir) throws IOException {
        Files.createDirectories(dir);
        for (SsdSchema.Table t : SsdSchema.get().tables()) {
            List<String[]> rows = data.rows(t.name());
            if (rows.isEmpty()) {
                continue;
            }
            try (Writer w = Files.newBufferedWriter(dir.resolve(t.name() + ".csv"), StandardCharsets.UTF_8);
                 CSVPrinter csv = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get())) {
                csv.printRecord(t.columns().stream().map(SsdSchema.Column::name).toList());
                for (String[] row : rows) {
                    csv.printRecord((Object[]) row);
                }
            }
        }
    }

    private static Row row(SsdData data, String table) {
        return new Row(data, table);
    }

    private static final class Row {
        final SsdData data;
        final SsdSchema.Table table;
        final String[] values;

        Row(SsdData data, String table) {
            this.data = data;
            this.table = SsdSchema.get().table(table);
            this.values = new String[this.table.columns().size()];
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
