package org.oversight.improvement.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.UUID;

import org.oversight.access.OversightUser;
import org.oversight.access.Role;
import org.oversight.improvement.report.CommitteeReportContent;
import org.oversight.inspection.InspectionService;
import org.oversight.inspection.domain.InspectionActivity;
import org.oversight.register.LocalAuthority;
import org.oversight.shared.cli.CliCommand;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.oversight.improvement.PlanService;
import org.oversight.improvement.CommitteeReports;

/**
 * {@code bin/oversight committee-report --la URN --start DD/MM/YYYY --out DIR}: writes report.docx and report.pdf for
 * the plan of the LA's activity whose first on-site day is that date, drafted from the data. Runs with the authority of
 * that LA's manager, as a scheduled job would.
 */
@Component
class CommitteeReportCommand implements CliCommand {

    private static final DateTimeFormatter DMY = DateTimeFormatter.ofPattern("dd/MM/uuuu").withResolverStyle(ResolverStyle.STRICT);

    private final CommitteeReports reports;
    private final PlanService plans;
    private final InspectionService inspections;

    CommitteeReportCommand(CommitteeReports reports, PlanService plans, InspectionService inspections) {
        this.reports = reports;
        this.plans = plans;
        this.inspections = inspections;
    }

    @Override
    public String name() {
        return "committee-report";
    }

    @Override
    public String usage() {
        return "--la URN --start DD/MM/YYYY --out DIR";
    }

    @Override
    public String description() {
        return "Write report.docx and report.pdf: the committee report of the plan for the LA's activity starting that day";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        String la = option(args, "--la");
        String start = option(args, "--start");
        String dir = option(args, "--out");
        if (la == null || start == null || dir == null) {
            err.println("Usage: bin/oversight committee-report " + usage());
            return 1;
        }
        int urn;
        LocalDate startDate;
        try {
            urn = Integer.parseInt(la);
        } catch (NumberFormatException e) {
            err.println("--la: '" + la + "' is not a URN (a number such as 80450)");
            return 2;
        }
        try {
            startDate = LocalDate.parse(start, DMY);
        } catch (DateTimeParseException e) {
            err.println("--start: '" + start + "' is not a real date in the form DD/MM/YYYY");
            return 2;
        }
        LocalAuthority authority = inspections.localAuthority(urn);
        OversightUser batch = asManagerOf(authority);
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(batch, null, batch.getAuthorities()));
        try {
            InspectionActivity activity = inspections.visibleActivities(authority.id()).stream()
                    .filter(a -> startDate.equals(a.startDate())).findFirst().orElse(null);
            if (activity == null) {
                err.println(authority.name() + " has no activity whose first on-site day is " + start);
                return 2;
            }
            List<UUID> planIds = plans.plansOfActivity(activity.id());
            if (planIds.isEmpty()) {
                err.println(authority.name() + "'s activity of " + start + " has no improvement plan yet: create one first");
                return 2;
            }
            CommitteeReportContent content = reports.contentFromData(planIds.getFirst());
            Path out1 = Path.of(dir);
            Files.createDirectories(out1);
            Files.write(out1.resolve("report.docx"), CommitteeReports.docx(content));
            Files.write(out1.resolve("report.pdf"), CommitteeReports.pdf(content));
            out.println("Wrote " + out1.resolve("report.docx") + " and " + out1.resolve("report.pdf"));
            return 0;
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private static OversightUser asManagerOf(LocalAuthority la) {
        return new OversightUser(UUID.nameUUIDFromBytes(("cli-" + la.urn()).getBytes()), "cli", "Batch job", null,
                Role.LA_MANAGER, la.id(), la.urn(), la.name(), true);
    }

    private static String option(List<String> args, String name) {
        int i = args.indexOf(name);
        return i >= 0 && i + 1 < args.size() ? args.get(i + 1) : null;
    }
}
