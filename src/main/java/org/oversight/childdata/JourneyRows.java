package org.oversight.childdata;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.oversight.childdata.annexa.AnnexAJourney;
import org.oversight.childdata.annexa.AnnexAJourney.Allocation;
import org.oversight.childdata.annexa.AnnexAJourney.Assessment;
import org.oversight.childdata.annexa.AnnexAJourney.CinPlan;
import org.oversight.childdata.annexa.AnnexAJourney.Contact;
import org.oversight.childdata.annexa.AnnexAJourney.CpPlan;
import org.oversight.childdata.annexa.AnnexAJourney.EarlyHelp;
import org.oversight.childdata.annexa.AnnexAJourney.Icpc;
import org.oversight.childdata.annexa.AnnexAJourney.Person;
import org.oversight.childdata.annexa.AnnexAJourney.Referral;
import org.oversight.childdata.annexa.AnnexAJourney.Review;
import org.oversight.childdata.annexa.AnnexAJourney.Section47;
import org.oversight.childdata.annexa.AnnexAJourney.Visit;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The rows of one whole-journey snapshot (the ssd_* tables) that Annex A lists 1 to 7 read. Worker ids become names where held. */
final class JourneyRows {

    private JourneyRows() {
    }

    static AnnexAJourney.Journey load(JdbcClient jdbc, UUID snapshotId) {
        // the rows name their snapshot by its number (V44_16); no snapshot is numbered 0, so an unknown id reads no rows
        int snapshot = jdbc.sql("SELECT no FROM import_snapshot WHERE id = ?").param(snapshotId).query(Integer.class).optional().orElse(0);
        List<Person> persons = jdbc.sql("""
                SELECT p.pers_person_id, coalesce(p.pers_sex, p.pers_gender), p.pers_ethnicity, p.pers_dob,
                       EXISTS (SELECT 1 FROM ssd_disability d WHERE d.snapshot_no = p.snapshot_no AND d.disa_person_id = p.pers_person_id
                                  AND upper(d.disa_disability_code) NOT IN ('NONE', ''))
                  FROM ssd_person p WHERE p.snapshot_no = ?""").param(snapshot)
                .query((rs, i) -> new Person(rs.getString(1), rs.getString(2), rs.getString(3), date(rs.getObject(4, LocalDate.class)), rs.getBoolean(5)))
                .list();
        List<Contact> contacts = jdbc.sql("""
                SELECT cont_contact_id, cont_person_id, cont_contact_date, cont_contact_source_code, cont_contact_source_desc
                  FROM ssd_contacts WHERE snapshot_no = ?""").param(snapshot)
                .query((rs, i) -> new Contact(rs.getString(1), rs.getString(2), rs.getObject(3, LocalDate.class), source(rs.getString(4), rs.getString(5))))
                .list();
        List<EarlyHelp> earlyHelp = jdbc.sql("""
                SELECT earl_episode_id, earl_person_id, earl_episode_start_date, earl_episode_end_date, earl_episode_organisation
                  FROM ssd_early_help_episodes WHERE snapshot_no = ?""").param(snapshot)
                .query((rs, i) -> new EarlyHelp(rs.getString(1), rs.getString(2), rs.getObject(3, LocalDate.class), rs.getObject(4, LocalDate.class),
                        rs.getString(5))).list();
        List<Referral> referrals = jdbc.sql("""
                SELECT e.cine_referral_id, e.cine_person_id, e.cine_referral_date, e.cine_referral_source_code, e.cine_referral_source_desc,
                       e.cine_referral_nfa, e.cine_close_date, e.cine_close_reason, e.cine_cin_primary_need_code,
                       coalesce(d.dept_team_name, e.cine_referral_team), coalesce(p.prof_professional_name, e.cine_referral_worker_id)
                  FROM ssd_cin_episodes e
                  LEFT JOIN ssd_professionals p ON p.snapshot_no = e.snapshot_no AND p.prof_professional_id = e.cine_referral_worker_id
                  LEFT JOIN ssd_department d ON d.snapshot_no = e.snapshot_no AND d.dept_team_id = e.cine_referral_team
                 WHERE e.snapshot_no = ?""").param(snapshot)
                .query((rs, i) -> new Referral(rs.getString(1), rs.getString(2), rs.getObject(3, LocalDate.class), source(rs.getString(4), rs.getString(5)),
                        rs.getString(6), rs.getObject(7, LocalDate.class), rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11)))
                .list();
        List<Assessment> assessments = jdbc.sql("""
                SELECT a.cina_assessment_id, a.cina_person_id, a.cina_referral_id, a.cina_assessment_start_date, a.cina_assessment_child_seen,
                       a.cina_assessment_auth_date, a.cina_assessment_outcome_nfa, coalesce(d.dept_team_name, a.cina_assessment_team),
                       coalesce(p.prof_professional_name, a.cina_assessment_worker_id)
                  FROM ssd_cin_assessments a
                  LEFT JOIN ssd_professionals p ON p.snapshot_no = a.snapshot_no AND p.prof_professional_id = a.cina_assessment_worker_id
                  LEFT JOIN ssd_department d ON d.snapshot_no = a.snapshot_no AND d.dept_team_id = a.cina_assessment_team
                 WHERE a.snapshot_no = ?""").param(snapshot)
                .query((rs, i) -> new Assessment(rs.getString(1), rs.getString(2), rs.getString(3), rs.getObject(4, LocalDate.class), rs.getString(5),
                        rs.getObject(6, LocalDate.class), rs.getString(7), rs.getString(8), rs.getString(9))).list();
        List<Section47> section47s = jdbc.sql("""
                SELECT s.s47e_s47_enquiry_id, s.s47e_person_id, s.s47e_s47_start_date, s.s47e_icpc_not_required,
                       coalesce(d.dept_team_name, s.s47e_s47_completed_by_team), coalesce(p.prof_professional_name, s.s47e_s47_completed_by_worker_id)
                  FROM ssd_s47_enquiry s
                  LEFT JOIN ssd_professionals p ON p.snapshot_no = s.snapshot_no AND p.prof_professional_id = s.s47e_s47_completed_by_worker_id
                  LEFT JOIN ssd_department d ON d.snapshot_no = s.snapshot_no AND d.dept_team_id = s.s47e_s47_completed_by_team
                 WHERE s.snapshot_no = ?""").param(snapshot)
                .query((rs, i) -> new Section47(rs.getString(1), rs.getString(2), rs.getObject(3, LocalDate.class), rs.getString(4), rs.getString(5),
                        rs.getString(6))).list();
        List<Icpc> icpcs = jdbc.sql("""
                SELECT icpc_icpc_id, icpc_person_id, icpc_s47_enquiry_id, icpc_icpc_date, icpc_icpc_outcome_cp_flag
                  FROM ssd_initial_cp_conference WHERE snapshot_no = ?""").param(snapshot)
                .query((rs, i) -> new Icpc(rs.getString(1), rs.getString(2), rs.getString(3), rs.getObject(4, LocalDate.class), rs.getString(5))).list();
        List<CinPlan> cinPlans = jdbc.sql("""
                SELECT cinp_cin_plan_id, cinp_person_id, cinp_cin_plan_start_date, cinp_cin_plan_end_date, cinp_cin_plan_team, cinp_cin_plan_worker_id
                  FROM ssd_cin_plans WHERE snapshot_no = ?""").param(snapshot)
                .query((rs, i) -> new CinPlan(rs.getString(1), rs.getString(2), rs.getObject(3, LocalDate.class), rs.getObject(4, LocalDate.class),
                        rs.getString(5), rs.getString(6))).list();
        List<CpPlan> cpPlans = jdbc.sql("""
                SELECT cppl_cp_plan_id, cppl_person_id, cppl_cp_plan_start_date, cppl_cp_plan_end_date, cppl_cp_plan_initial_category,
                       cppl_cp_plan_latest_category, cppl_number_of_previous_cpp
                  FROM ssd_cp_plans WHERE snapshot_no = ?""").param(snapshot)
                .query((rs, i) -> new CpPlan(rs.getString(1), rs.getString(2), rs.getObject(3, LocalDate.class), rs.getObject(4, LocalDate.class),
                        rs.getString(5), rs.getString(6), rs.getObject(7, Integer.class))).list();
        List<Visit> visits = jdbc.sql("""
                SELECT cppv_person_id, cppv_cp_plan_id, cppv_cp_visit_date, cppv_cp_visit_seen, cppv_cp_visit_seen_alone
                  FROM ssd_cp_visits WHERE snapshot_no = ?
                UNION ALL
                SELECT cinv_person_id, NULL, cinv_cin_visit_date, cinv_cin_visit_seen, cinv_cin_visit_seen_alone
                  FROM ssd_cin_visits WHERE snapshot_no = ?""").params(snapshot, snapshot)
                .query((rs, i) -> new Visit(rs.getString(1), rs.getString(2), rs.getObject(3, LocalDate.class), rs.getString(4), rs.getString(5))).list();
        List<Review> reviews = jdbc.sql("""
                SELECT cppr_person_id, cppr_cp_plan_id, cppr_cp_review_date FROM ssd_cp_reviews WHERE snapshot_no = ?""").param(snapshot)
                .query((rs, i) -> new Review(rs.getString(1), rs.getString(2), rs.getObject(3, LocalDate.class))).list();
        List<Allocation> allocations = jdbc.sql("""
                SELECT i.invo_person_id, i.invo_involvement_start_date, i.invo_involvement_end_date,
                       coalesce(d.dept_team_name, i.invo_professional_team), coalesce(p.prof_professional_name, i.invo_professional_id)
                  FROM ssd_involvements i
                  LEFT JOIN ssd_professionals p ON p.snapshot_no = i.snapshot_no AND p.prof_professional_id = i.invo_professional_id
                  LEFT JOIN ssd_department d ON d.snapshot_no = i.snapshot_no AND d.dept_team_id = i.invo_professional_team
                 WHERE i.snapshot_no = ?""").param(snapshot)
                .query((rs, i) -> new Allocation(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getObject(3, LocalDate.class), rs.getString(4),
                        rs.getString(5))).list();
        return new AnnexAJourney.Journey(persons, contacts, earlyHelp, referrals, assessments, section47s, icpcs, cinPlans, cpPlans, visits, reviews,
                allocations);
    }

    private static LocalDate date(LocalDate d) {
        return d;
    }

    /** "code: description", as the template's source columns read, or whichever is held. */
    static String source(String code, String description) {
        if (code == null || code.isBlank()) {
            return description;
        }
        return description == null || description.isBlank() ? code : code + ": " + description;
    }
}
