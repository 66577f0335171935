package org.oversight.childdata.web;

import java.util.UUID;

import org.oversight.access.AccessRules.ChildDataReader;
import org.oversight.childdata.DayOnePack;
import org.oversight.inspection.InspectionService;
import org.oversight.inspection.domain.ActivityType;
import org.oversight.inspection.domain.InspectionActivity;
import org.oversight.register.LocalAuthorities;
import org.oversight.register.LocalAuthority;
import org.oversight.shared.Dates;
import org.oversight.shared.problem.NotFoundException;
import org.oversight.shared.web.Downloads;
import org.oversight.shared.web.NonInteractive;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * Day one of a standard or short inspection: the LA's headline figures as of the notification date beside its
 * statistical neighbours', and the Annex A pack (all eleven lists) to download. For the LA's managers and an inspector
 * with a grant in force for the LA; everyone else is refused.
 */
@Controller
@ChildDataReader
public class DayOnePages {

    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final InspectionService inspections;
    private final DayOnePack pack;
    private final LocalAuthorities localAuthorities;

    DayOnePages(InspectionService inspections, DayOnePack pack, LocalAuthorities localAuthorities) {
        this.inspections = inspections;
        this.pack = pack;
        this.localAuthorities = localAuthorities;
    }

    @GetMapping("/activities/{id}/day-one")
    String page(@PathVariable UUID id, Model model) {
        InspectionActivity a = activity(inspections, pack, id);
        LocalAuthority la = localAuthorities.findById(a.laId()).orElseThrow();
        model.addAttribute("a", a);
        model.addAttribute("la", la);
        model.addAttribute("neighbours", la.statisticalNeighbours());
        if (a.notificationDate() != null) {
            DayOnePack.Summary summary = pack.summary(a.laId(), a.notificationDate());
            model.addAttribute("summary", summary);
            model.addAttribute("figures", figures(summary));
        }
        return "childdata/day-one";
    }

    @GetMapping("/activities/{id}/day-one-pack.xlsx")
    @NonInteractive(NonInteractive.Kind.EXPORT)
    ResponseEntity<byte[]> download(@PathVariable UUID id) {
        InspectionActivity a = activity(inspections, pack, id);
        return xlsx(a, localAuthorities.findById(a.laId()).orElseThrow(), pack);
    }

    /** The activity, if it is a standard or short inspection the current user may open the pack of (403 or 404 otherwise). */
    public static InspectionActivity activity(InspectionService inspections, DayOnePack pack, UUID id) {
        InspectionActivity a = inspections.activityForInspection(id);
        if (!pack.mayUse(a.laId())) {
            throw new AccessDeniedException("The day-one pack holds children's records: only the local authority's managers and an inspector "
                    + "with access granted for this inspection can open it");
        }
        if (!dayOneApplies(a.type())) {
            throw new NotFoundException("The day-one pack is for standard and short inspections; this activity is a " + a.type().name().toLowerCase()
                    .replace('_', ' '));
        }
        return a;
    }

    /** A headline figure: its message key, the LA's value in words (null = not held) and an id for tests. */
    record Figure(String key, String value, String id) {
    }

    static java.util.List<Figure> figures(DayOnePack.Summary s) {
        var f = s.figures();
        java.util.List<Figure> out = new java.util.ArrayList<>();
        out.add(new Figure("dayone.figure.contacts", f == null ? null : String.valueOf(f.contacts()), "figure-contacts"));
        out.add(new Figure("dayone.figure.referrals", f == null ? null : String.valueOf(f.referrals()), "figure-referrals"));
        out.add(new Figure("dayone.figure.reReferrals", f == null ? null : f.reReferrals() + percentOf(f.reReferrals(), f.referrals()), "figure-re-referrals"));
        out.add(new Figure("dayone.figure.assessments", f == null ? null : String.valueOf(f.assessments()), "figure-assessments"));
        out.add(new Figure("dayone.figure.assessments45", f == null || f.assessmentsIn45Percent() == null ? null
                : f.assessmentsIn45Percent() + "% of " + f.assessmentsCompleted() + " completed", "figure-assessments-45"));
        out.add(new Figure("dayone.figure.section47", f == null ? null : String.valueOf(f.section47s()), "figure-s47"));
        out.add(new Figure("dayone.figure.icpcs", f == null ? null : String.valueOf(f.icpcsHeld()), "figure-icpcs"));
        out.add(new Figure("dayone.figure.icpcs15", f == null || f.icpcsIn15Percent() == null ? null
                : f.icpcsIn15Percent() + "% of " + f.icpcsHeld() + " held", "figure-icpcs-15"));
        out.add(new Figure("dayone.figure.cpOpen", f == null ? null : String.valueOf(f.cpPlansOpen()), "figure-cp-open"));
        out.add(new Figure("dayone.figure.cinOpen", f == null ? null : String.valueOf(f.cinOpen()), "figure-cin-open"));
        out.add(new Figure("dayone.figure.inCare", s.childrenInCare() == null ? null : String.valueOf(s.childrenInCare()), "figure-in-care"));
        out.add(new Figure("dayone.figure.careLeavers", s.careLeavers() == null ? null : String.valueOf(s.careLeavers()), "figure-care-leavers"));
        return out;
    }

    private static String percentOf(int part, int whole) {
        return whole == 0 ? "" : " (" + Math.round(100.0 * part / whole) + "%)";
    }

    static boolean dayOneApplies(ActivityType type) {
        return type == ActivityType.STANDARD_INSPECTION || type == ActivityType.SHORT_INSPECTION;
    }

    /** The pack as a download; 404 with the reason when the notification date has not been recorded. */
    public static ResponseEntity<byte[]> xlsx(InspectionActivity a, LocalAuthority la, DayOnePack pack) {
        if (a.notificationDate() == null) {
            throw new NotFoundException("The day-one pack is available once the inspection's notification date is recorded on the activity");
        }
        String what = (a.type() == ActivityType.STANDARD_INSPECTION ? "Standard inspection" : "Short inspection") + " notified "
                + Dates.day(a.notificationDate());
        return ResponseEntity.ok().contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, Downloads.attachment("day-one-annex-a-" + la.laCode() + "-" + a.notificationDate() + ".xlsx"))
                .body(pack.workbook(a.laId(), la.name(), a.notificationDate(), what));
    }
}
