package org.oversight.improvement;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import org.oversight.improvement.domain.PlanView;
import org.oversight.improvement.domain.Rag;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the LA's own users have to act on from its plans and governance, for their "Your work" page: actions that are
 * red or amber, each plan's ratings, the next meetings of the boards and committees overseeing them, and the committee
 * reports generated. Read as the caller, so only that LA's own users get anything (the services check).
 */
@Service
public class WorkItems {

    /** An action needing attention: red or amber, not complete. */
    public record ActionAlert(UUID planId, String planTitle, UUID actionId, String description, String ownerName, LocalDate due,
                              String rating, String reason) {
    }

    /** How a plan's actions are rated today. */
    public record PlanRag(UUID planId, String title, int red, int amber, int green, int complete) {
        public int actions() {
            return red + amber + green + complete;
        }
    }

    /** A meeting of a board or committee overseeing a plan. */
    public record Meeting(String body, LocalDate date) {
    }

    /** A generated committee report, for its links. */
    public record Report(UUID id, String planTitle, int version, String generatedBy, Instant generatedAt) {
    }

    /** Everything above for one LA. */
    public record Work(List<ActionAlert> actions, List<PlanRag> plans, List<Meeting> meetings, List<Report> reports) {
    }

    private final PlanService plans;
    private final CommitteeReports reports;
    private final Clock clock;

    WorkItems(PlanService plans, CommitteeReports reports, Clock clock) {
        this.plans = plans;
        this.reports = reports;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Work of(int laUrn, UUID laId) {
        LocalDate today = LocalDate.now(clock);
        List<ActionAlert> alerts = new ArrayList<>();
        List<PlanRag> rags = new ArrayList<>();
        List<Report> generated = new ArrayList<>();
        for (var summary : plans.plansOf(laUrn)) {
            PlanView plan = plans.plan(summary.id());
            int red = 0;
            int amber = 0;
            int green = 0;
            int complete = 0;
            for (PlanView.Action a : plan.allActions()) {
                switch (a.rag().rating()) {
                    case RED -> red++;
                    case AMBER -> amber++;
                    case GREEN -> green++;
                    case COMPLETE -> complete++;
                }
                if (a.rag().rating() == Rag.Rating.RED || a.rag().rating() == Rag.Rating.AMBER) {
                    alerts.add(new ActionAlert(plan.id(), plan.title(), a.id(), a.description(), a.ownerName(), a.dueDate(),
                            a.rag().rating().name(), a.rag().reason()));
                }
            }
            rags.add(new PlanRag(plan.id(), plan.title(), red, amber, green, complete));
            for (CommitteeReports.Version v : reports.versions(plan.id())) {
                generated.add(new Report(v.id(), plan.title(), v.number(), v.generatedBy(), v.generatedAt()));
            }
        }
        alerts.sort(Comparator.comparing((ActionAlert a) -> a.rating().equals("RED") ? 0 : 1).thenComparing(ActionAlert::due));
        generated.sort(Comparator.comparing(Report::generatedAt).reversed());
        List<Meeting> meetings = new ArrayList<>();
        for (PlanView.Body body : plans.bodies(laId)) {
            body.meetings().stream().filter(d -> !d.isBefore(today)).forEach(d -> meetings.add(new Meeting(body.name(), d)));
        }
        meetings.sort(Comparator.comparing(Meeting::date));
        return new Work(alerts, rags, meetings, generated);
    }
}
