package org.oversight.childdata.ssd;

import java.util.List;
import java.util.stream.Collectors;

import org.oversight.childdata.cin.CinCensus;
import org.oversight.childdata.cin.CinDate;

/**
 * A CIN census child as rows of the SSD tables. The census has no ids for its modules, so Oversight makes them from the
 * child's id and the module's place, stable for the same file: {@code <LAchildID>-R1} for the first CIN episode,
 * {@code -R1-A1} for its first assessment, {@code -R1-P1} a CIN plan, {@code -R1-S1} a section 47 enquiry and
 * {@code -R1-S1-C} its initial conference, {@code -R1-CP1} a child protection plan and {@code -R1-CP1-V1} its first
 * review, {@code -D1} a disability.
 */
final class CinToSsd {

    private CinToSsd() {
    }

    /** A row of a table, filled by field name. */
    private static final class Row {
        final SsdSchema.Table table;
        final String[] values;

        Row(String table) {
            this.table = SsdSchema.get().table(table);
            this.values = new String[this.table.columns().size()];
        }

        Row set(String field, String value) {
            values[table.index(field)] = value == null || value.isBlank() ? null : value.strip();
            return this;
        }

        Row date(String field, CinDate value) {
            return set(field, value == null || value.date() == null ? null : value.date().toString());
        }

        void into(SsdData data) {
            data.add(table.name(), values);
        }
    }

    /** Adds one child's rows (the child must have an LAchildID). */
    static void add(CinCensus.Child c, SsdData data) {
        String id = c.laChildId().strip();
        new Row("ssd_person").set("pers_person_id", id).set("pers_sex", c.sex()).set("pers_gender", c.genderCurrent())
                .set("pers_ethnicity", c.ethnicity()).date("pers_dob", c.personBirthDate()).date("pers_expected_dob", c.expectedPersonBirthDate())
                .date("pers_death_date", c.personDeathDate()).set("pers_upn_unknown", c.upnUnknown()).set("pers_upn", c.upn())
                .set("pers_former_upn", c.formerUpn()).into(data);
        int d = 0;
        for (String code : c.disabilities()) {
            new Row("ssd_disability").set("disa_table_id", id + "-D" + ++d).set("disa_person_id", id).set("disa_disability_code", code).into(data);
        }
        int e = 0;
        for (CinCensus.CinDetails episode : c.cinDetails()) {
            String referral = id + "-R" + ++e;
            new Row("ssd_cin_episodes").set("cine_referral_id", referral).set("cine_person_id", id).date("cine_referral_date", episode.referralDate())
                    .set("cine_cin_primary_need_code", episode.primaryNeedCode()).set("cine_referral_source_code", episode.referralSource())
                    .set("cine_referral_nfa", episode.referralNfa()).set("cine_close_reason", episode.reasonForClosure())
                    .date("cine_close_date", episode.closureDate()).date("cine_initial_cpc_date", episode.dateOfInitialCpc()).into(data);
            int a = 0;
            for (CinCensus.Assessment as : episode.assessments()) {
                String assessment = referral + "-A" + ++a;
                new Row("ssd_cin_assessments").set("cina_assessment_id", assessment).set("cina_person_id", id).set("cina_referral_id", referral)
                        .date("cina_assessment_start_date", as.actualStartDate()).date("cina_assessment_auth_date", as.authorisationDate())
                        .date("cina_assessment_internal_review_date", as.internalReviewDate()).into(data);
                if (!as.factors().isEmpty()) {
                    new Row("ssd_assessment_factors").set("cinf_table_id", assessment + "-F").set("cinf_assessment_id", assessment)
                            .set("cinf_assessment_factors_json", json(as.factors())).into(data);
                }
            }
            int p = 0;
            for (CinCensus.CinPlan plan : episode.cinPlans()) {
                new Row("ssd_cin_plans").set("cinp_cin_plan_id", referral + "-P" + ++p).set("cinp_referral_id", referral).set("cinp_person_id", id)
                        .date("cinp_cin_plan_start_date", plan.startDate()).date("cinp_cin_plan_end_date", plan.endDate()).into(data);
            }
            int s = 0;
            for (CinCensus.Section47 s47 : episode.section47s()) {
                String enquiry = referral + "-S" + ++s;
                new Row("ssd_s47_enquiry").set("s47e_s47_enquiry_id", enquiry).set("s47e_referral_id", referral).set("s47e_person_id", id)
                        .date("s47e_s47_start_date", s47.actualStartDate()).set("s47e_icpc_not_required", s47.icpcNotRequired()).into(data);
                if (s47.initialCpcTarget() != null || s47.dateOfInitialCpc() != null) {
                    new Row("ssd_initial_cp_conference").set("icpc_icpc_id", enquiry + "-C").set("icpc_s47_enquiry_id", enquiry)
                            .set("icpc_person_id", id).set("icpc_referral_id", referral).date("icpc_icpc_target_date", s47.initialCpcTarget())
                            .date("icpc_icpc_date", s47.dateOfInitialCpc()).into(data);
                }
            }
            int cp = 0;
            for (CinCensus.ProtectionPlan plan : episode.protectionPlans()) {
                String planId = referral + "-CP" + ++cp;
                new Row("ssd_cp_plans").set("cppl_cp_plan_id", planId).set("cppl_referral_id", referral).set("cppl_person_id", id)
                        .date("cppl_cp_plan_start_date", plan.startDate()).date("cppl_cp_plan_end_date", plan.endDate())
                        .set("cppl_cp_plan_initial_category", plan.initialCategoryOfAbuse()).set("cppl_cp_plan_latest_category", plan.latestCategoryOfAbuse())
                        .set("cppl_number_of_previous_cpp", plan.numberOfPreviousCpp() == null ? null : SsdValues.integer(plan.numberOfPreviousCpp()))
                        .into(data);
                int v = 0;
                for (CinDate review : plan.reviewDates()) {
                    new Row("ssd_cp_reviews").set("cppr_cp_review_id", planId + "-V" + ++v).set("cppr_person_id", id).set("cppr_cp_plan_id", planId)
                            .date("cppr_cp_review_date", review).into(data);
                }
            }
        }
    }

    /** The factors as the SSD's JSON list, e.g. {@code ["1A","3B"]}. */
    private static String json(List<String> factors) {
        return factors.stream().map(f -> "\"" + f.replace("\\", "\\\\").replace("\"", "\\\"") + "\"").collect(Collectors.joining(",", "[", "]"));
    }
}
