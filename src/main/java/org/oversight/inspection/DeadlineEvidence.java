package org.oversight.inspection;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What shows an LA's deadlines met, held by other modules: the plans answering an activity (the improvement module
 * provides it), and since when Oversight has held the LA's own records. Without a provider, nothing is met.
 */
public interface DeadlineEvidence {

    /** The date the first plan answering each activity was made (its start date), for those that have one. */
    Map<UUID, LocalDate> plansMade(Collection<UUID> activityIds);

    /** The first day the LA's own records were kept in this module, if ever. */
    Optional<LocalDate> heldSince(UUID laId);

    static Map<UUID, LocalDate> plansMade(List<DeadlineEvidence> providers, Collection<UUID> activityIds) {
        Map<UUID, LocalDate> out = new java.util.HashMap<>();
        if (activityIds.isEmpty()) {
            return out;
        }
        for (DeadlineEvidence p : providers) {
            p.plansMade(activityIds).forEach((id, date) -> out.merge(id, date, (a, b) -> a.isBefore(b) ? a : b));
        }
        return out;
    }

    static Optional<LocalDate> heldSince(List<DeadlineEvidence> providers, UUID laId) {
        return providers.stream().map(p -> p.heldSince(laId)).flatMap(Optional::stream).min(LocalDate::compareTo);
    }
}
