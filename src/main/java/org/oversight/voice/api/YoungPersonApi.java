package org.oversight.voice.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.oversight.access.AccessRules.YoungPerson;
import org.oversight.shared.problem.FieldProblem;
import org.oversight.shared.problem.InvalidInputException;
import org.oversight.voice.FeedbackTheme;
import org.oversight.voice.VoiceService;
import org.oversight.voice.VoiceViews;
import org.oversight.voice.YoungPersonPrincipal;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The young person's own record for apps: HTTP Basic with their sign-in name and password (from redeeming their
 * invitation code at /my/start). Only "me": there is no way to name another record.
 */
@RestController
@RequestMapping("/api/v1/young-people")
@Tag(name = "Young person's voice", description = "A care leaver's or child in care's own plan, words, feedback and safety alerts "
        + "(HTTP Basic with the young person's sign-in name and password; their own record only)")
@YoungPerson
class YoungPersonApi {

    private final VoiceService voice;

    YoungPersonApi(VoiceService voice) {
        this.voice = voice;
    }

    public record WordsView(UUID id, String section, String words, Instant at) {
        static WordsView of(VoiceViews.Words w) {
            return new WordsView(w.id(), w.section().slug(), w.words(), w.at());
        }
    }

    public record SectionView(String section, String workerSummary, List<WordsView> yourWords) {
    }

    public record MeView(String firstName, String plan, LocalDate nextReviewDue, List<SectionView> sections,
                         List<WordsView> whatMattersToMe) {
    }

    public record ContributionRequest(String section, String words) {
    }

    public record FeedbackRequest(Map<String, Integer> ratings, String comment) {
    }

    public record SafetyAlertRequest(String message) {
    }

    public record SafetyAlertView(UUID id, Instant raisedAt, String whatHappensNow) {
    }

    @GetMapping("/me")
    @Operation(summary = "My plan: each section with my worker's summary and my own words, what matters to me, my next review")
    MeView me(@AuthenticationPrincipal YoungPersonPrincipal me) {
        VoiceViews.MyRecord r = voice.me(me, "API: read their plan");
        return new MeView(r.firstName(), switch (r.cohort()) {
                    case CARE_LEAVER -> "pathway plan";
                    case CHILD_IN_CARE -> "care plan";
                    case CHILD_PROTECTION -> "child protection plan";
                    case CHILD_IN_NEED -> "child in need plan";
                },
                r.nextReviewDue(), r.sections().stream().map(s -> new SectionView(s.section().slug(), s.summary(),
                        s.words().stream().map(WordsView::of).toList())).toList(),
                r.whatMatters().stream().map(WordsView::of).toList());
    }

    @PostMapping("/me/contributions")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add my words to a section of my plan (section as in GET /me, or what-matters)")
    WordsView contribute(@AuthenticationPrincipal YoungPersonPrincipal me, @RequestBody ContributionRequest request) {
        return WordsView.of(voice.addWords(me, request.section(), request.words()));
    }

    @PostMapping("/me/feedback")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Rate how the service is doing, 1 to 5 per theme (listened, help, plan, contact), and/or comment")
    void feedback(@AuthenticationPrincipal YoungPersonPrincipal me, @RequestBody FeedbackRequest request) {
        Map<FeedbackTheme, Integer> ratings = new EnumMap<>(FeedbackTheme.class);
        if (request.ratings() != null) {
            for (var e : request.ratings().entrySet()) {
                FeedbackTheme theme = FeedbackTheme.RATED.stream().filter(t -> t.name().equalsIgnoreCase(e.getKey())).findFirst()
                        .orElseThrow(() -> new InvalidInputException(List.of(FieldProblem.of("ratings." + e.getKey(), "voice.error.api.theme"))));
                ratings.put(theme, e.getValue());
            }
        }
        voice.giveFeedback(me, ratings, request.comment());
    }

    @PostMapping("/me/safety-alerts")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "I don't feel safe: tells my worker's team at once (message optional)")
    SafetyAlertView safetyAlert(@AuthenticationPrincipal YoungPersonPrincipal me, @RequestBody(required = false) SafetyAlertRequest request) {
        VoiceViews.Alert alert = voice.raiseAlert(me, request == null ? null : request.message());
        return new SafetyAlertView(alert.id(), alert.raisedAt(),
                "Your team has been told. If you are in danger now, call 999. You can call Childline free on 0800 1111.");
    }

    @GetMapping("/{other}")
    @Operation(summary = "Any record other than your own is refused (and the attempt logged)")
    void other(@AuthenticationPrincipal YoungPersonPrincipal me,
               @Parameter(description = "Anything but 'me'") @PathVariable String other) {
        voice.logRefused(me, "API: tried /api/v1/young-people/" + other);
        throw new AccessDeniedException("You can only see your own record, at /api/v1/young-people/me");
    }
}
