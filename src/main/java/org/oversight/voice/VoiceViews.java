package org.oversight.voice;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.oversight.compliance.ChildSummaries.ChildSummary;
import org.oversight.compliance.ChildSummaries.Cohort;

/** What the young person's portal, their worker's pages and the API show: plain records, no behaviour beyond lookups. */
public final class VoiceViews {

    private VoiceViews() {
    }

    public record Words(UUID id, PlanSection section, String words, Instant at) {
    }

    public record SectionView(PlanSection section, String summary, List<Words> words) {
    }

    /** What the young person sees: their plan's sections with the worker's summary and their own words. */
    public record MyRecord(String firstName, Cohort cohort, LocalDate nextReviewDue, List<SectionView> sections,
                           List<Words> whatMatters) {
        public Optional<SectionView> section(PlanSection s) {
            return sections.stream().filter(v -> v.section() == s).findFirst();
        }
    }

    public record Feedback(FeedbackTheme theme, Integer rating, String comment, Instant at) {
    }

    /**
     * A safety alert; {@code wordsAddedAt} is when the young person last added words to it (their pressing the button
     * and then writing makes one alert), {@code actionTaken} what the member of staff who acknowledged it did.
     */
    public record Alert(UUID id, String childRef, String firstName, String message, Instant raisedAt, String team,
                        String worker, String acknowledgedBy, Instant acknowledgedAt, String actionTaken, Instant wordsAddedAt) {
    }

    public record Account(String firstName, String signInName, Instant createdAt) {
    }

    /** The latest invitation code issued; {@code pending} when unused and not yet run out at the time it was read. */
    public record Invitation(String firstName, String issuedBy, Instant issuedAt, Instant expiresAt, Instant usedAt, boolean pending) {
    }

    /** What the worker sees of one young person. */
    public record WorkerView(ChildSummary child, Optional<Account> account, Optional<Invitation> invitation,
                             List<SectionView> sections, List<Words> whatMatters, List<Feedback> feedback, List<Alert> alerts) {
    }

    /** One theme in the LA's views: how many contributions or ratings, the average rating, recent comments (managers only). */
    public record Theme(String code, boolean feedback, long count, Double averageRating, List<String> recentComments) {
    }

    public record Views(long youngPeople, List<Theme> sections, List<Theme> ratings, List<String> recentComments,
                        boolean withComments) {
    }
}
