package org.oversight.selfeval;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** What the self-evaluation's pages, API and documents read. */
public final class SelfEvaluationViews {

    private SelfEvaluationViews() {
    }

    public enum Status { DRAFT, SIGNED_OFF }

    public record Summary(UUID id, int year, String title, Status status, String signedOffName, Instant signedOffAt, int written, int sections) {
    }

    public record SelfEvaluation(UUID id, UUID laId, int laUrn, String laName, int year, String title, Integer startedFromYear,
                                 Status status, String signedOffBy, String signedOffName, Instant signedOffAt, String createdBy,
                                 Instant createdAt, List<Section> sections, List<Event> history) {
        public boolean signedOff() {
            return status == Status.SIGNED_OFF;
        }

        public Optional<Section> section(Area area) {
            return sections.stream().filter(s -> s.area() == area).findFirst();
        }
    }

    /**
     * A judgement area's section: the three questions at area level, the texts of its themes ({@link Theme}, only those
     * written), the evidence cited (for the area as a whole or for one theme) and comments.
     */
    public record Section(UUID id, Area area, String know, String how, String plans, String author, String authorName, LocalDate dueDate,
                          int version, String updatedBy, Instant updatedAt, List<Citation> citations, List<Comment> comments,
                          Map<Theme, String> themes) {

        public Section(UUID id, Area area, String know, String how, String plans, String author, String authorName, LocalDate dueDate,
                       int version, String updatedBy, Instant updatedAt, List<Citation> citations, List<Comment> comments) {
            this(id, area, know, how, plans, author, authorName, dueDate, version, updatedBy, updatedAt, citations, comments, Map.of());
        }

        public Section {
            Map<Theme, String> kept = new java.util.EnumMap<>(Theme.class);
            if (themes != null) {
                themes.forEach((t, text) -> {
                    if (text != null && !text.isBlank()) {
                        kept.put(t, text);
                    }
                });
            }
            themes = java.util.Collections.unmodifiableMap(kept);
        }

        public boolean written() {
            return !(know.isBlank() && how.isBlank() && plans.isBlank() && themes.isEmpty());
        }

        /** The theme's text, or empty. */
        public String themeText(Theme theme) {
            return themes.getOrDefault(theme, "");
        }

        /** The evidence cited for the area as a whole (theme null) or for one theme. */
        public List<Citation> citedFor(Theme theme) {
            return citations.stream().filter(c -> c.theme() == theme).toList();
        }

        /** The area's themes that are written or have evidence cited, in order: what a document shows. */
        public List<Theme> themesInUse() {
            return Theme.of(area).stream().filter(t -> themes.containsKey(t) || !citedFor(t).isEmpty()).toList();
        }
    }

    /**
     * A cited piece of evidence, frozen as it stood when cited: with its trend (earlier figures, newest first, and the
     * move in words) and its statistical neighbours' and England's figures. {@code trendText} is null for a citation made
     * before Oversight kept trends ({@link #trendKept()}).
     */
    public record Citation(UUID id, String evidenceKey, String kind, String label, String valueText, BigDecimal valueNumber, LocalDate asOf,
                           String source, Rating rating, String citedBy, Instant citedAt, String trendText, List<Trend.Point> trend,
                           List<Evidence.Benchmark> benchmarks, Theme theme) {

        public Citation(UUID id, String evidenceKey, String kind, String label, String valueText, BigDecimal valueNumber, LocalDate asOf,
                        String source, Rating rating, String citedBy, Instant citedAt) {
            this(id, evidenceKey, kind, label, valueText, valueNumber, asOf, source, rating, citedBy, citedAt, null, List.of(), List.of(), null);
        }

        public Citation {
            trend = trend == null ? List.of() : List.copyOf(trend);
            benchmarks = benchmarks == null ? List.of() : List.copyOf(benchmarks);
        }

        public boolean trendKept() {
            return trendText != null;
        }

        /** The figure's points, oldest first and today's (as cited) last: what a chart draws. Empty without a number. */
        public List<Trend.Point> series() {
            if (valueNumber == null) {
                return List.of();
            }
            List<Trend.Point> out = new java.util.ArrayList<>(trend.reversed());
            out.add(new Trend.Point(asOf, valueNumber));
            return out;
        }
    }

    /** A citation beside the evidence today: moved (a different figure now) or gone (no longer held). */
    public record CitationState(Citation citation, Evidence now) {
        public boolean gone() {
            return now == null;
        }

        public boolean moved() {
            return now != null && now.differsFrom(citation.valueNumber(), citation.valueText());
        }
    }

    public record Comment(UUID id, String body, String writtenBy, Instant writtenAt) {
    }

    public record Version(int version, String know, String how, String plans, String writtenBy, Instant writtenAt, Map<Theme, String> themes) {
        public Version(int version, String know, String how, String plans, String writtenBy, Instant writtenAt) {
            this(version, know, how, plans, writtenBy, writtenAt, Map.of());
        }

        public Version {
            themes = themes == null ? Map.of() : Map.copyOf(themes);
        }

        public String themeText(Theme theme) {
            return themes.getOrDefault(theme, "");
        }
    }

    public record Event(String description, String actor, Instant at) {
    }

    public record Share(UUID id, String inspector, String inspectorName, String sharedBy, Instant sharedAt, LocalDate expiresOn,
                        Instant revokedAt) {
        public boolean inForce(LocalDate today) {
            return revokedAt == null && !today.isAfter(expiresOn);
        }
    }

    public record Meeting(UUID id, UUID activityId, LocalDate date, String attendees, String kloes, String notes, String nextSteps,
                          int version, List<AgreedAction> actions) {
    }

    public record AgreedAction(UUID id, int ordinal, String text, UUID planId, UUID planItemId) {
    }
}
