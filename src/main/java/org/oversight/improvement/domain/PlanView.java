package org.oversight.improvement.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A plan as people read it: items quoting their findings, actions with their rating and distance to target. */
public record PlanView(UUID id, UUID laId, int laUrn, String laName, UUID activityId, PlanKind kind, String title,
                       LocalDate startDate, List<Item> items, List<Body> overseenBy, List<History> history) {

    /** An item answers an inspection finding, or comes from another source (e.g. a case-audit finding, with its link), or neither. */
    public record Item(UUID id, int ordinal, String title, UUID findingId, String findingKind, String findingText, List<Action> actions,
                       String sourceLabel, String sourceUrl) {
    }

    public record Action(UUID id, String description, UUID ownerId, String ownerName, LocalDate dueDate, ActionStatus status,
                         Measure measure, Rag rag, List<Update> updates, List<Evidence> evidence, int version, LocalDate start,
                         String boundMeasure) {
        public Update latestUpdate() {
            return updates.isEmpty() ? null : updates.getFirst();
        }
    }

    public record Update(String note, ActionStatus status, java.math.BigDecimal value, String writtenBy, Instant writtenAt) {
    }

    public record Evidence(UUID id, String description, String fileName, String sha256, String url, String addedBy, Instant addedAt) {
    }

    public record Body(UUID id, String name, BodyKind kind, List<LocalDate> meetings) {
    }

    public record History(String description, String actor, Instant at) {
    }

    public List<Action> allActions() {
        return items.stream().flatMap(i -> i.actions().stream()).toList();
    }
}
