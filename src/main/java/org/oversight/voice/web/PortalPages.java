package org.oversight.voice.web;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.oversight.shared.problem.ProblemText;
import org.oversight.access.AccessRules.PublicRead;
import org.oversight.access.AccessRules.YoungPerson;
import org.oversight.shared.problem.FieldProblem;
import org.oversight.shared.web.FormErrors;
import org.oversight.shared.problem.InvalidInputException;
import org.oversight.shared.problem.NotFoundException;
import org.oversight.voice.FeedbackTheme;
import org.oversight.voice.PlanSection;
import org.oversight.voice.VoiceService;
import org.oversight.voice.VoiceViews;
import org.oversight.voice.VoiceViews.MyRecord;
import org.oversight.voice.VoiceSignIn;
import org.oversight.voice.YoungPersonPrincipal;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The young person's own pages: plain English, one thing per page, large buttons, no JavaScript needed. Every page
 * reads only the signed-in young person's own record (there is no record id in any address here).
 */
@Controller
class PortalPages {

    private final VoiceService voice;
    private final VoiceSignIn signIn;
    private final MessageSource messages;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    private final org.oversight.voice.OfficeHours officeHours;
    private final org.oversight.register.LocalAuthorities localAuthorities;

    PortalPages(VoiceService voice, VoiceSignIn signIn, MessageSource messages, org.oversight.voice.OfficeHours officeHours,
                org.oversight.register.LocalAuthorities localAuthorities) {
        this.officeHours = officeHours;
        this.localAuthorities = localAuthorities;
        this.voice = voice;
        this.signIn = signIn;
        this.messages = messages;
    }

    // ---- Signing in -------------------------------------------------------------------------------------------

    @GetMapping("/my/start")
    @PublicRead
    String start(Model model) {
        model.addAttribute("errors", FormErrors.none());
        model.addAttribute("errorList", List.of());
        return "voice/start";
    }

    @PostMapping("/my/start")
    @PublicRead
    String redeem(@RequestParam(defaultValue = "") String code, @RequestParam(defaultValue = "") String password,
                  @RequestParam(defaultValue = "") String confirm, HttpServletRequest request, HttpServletResponse response,
                  Model model, RedirectAttributes redirect) {
        VoiceSignIn.Outcome outcome = signIn.redeem(code, password, confirm, request.getRemoteAddr());
        if (!outcome.ok()) {
            FormErrors errors = FormErrors.none();
            String field = switch (outcome.refusal()) {
                case SHORT_PASSWORD -> "password";
                case PASSWORDS_DIFFER -> "confirm";
                default -> "code";
            };
            errors.add(field, refusal(outcome));
            errors.show(model, List.of("code", "password", "confirm"));
            model.addAttribute("code", code);
            response.setStatus(outcome.refusal() == VoiceSignIn.Refusal.WAIT ? 429 : 400);
            if (outcome.refusal() == VoiceSignIn.Refusal.WAIT) {
                response.setHeader("Retry-After", String.valueOf(outcome.waitSeconds()));
            }
            return "voice/start";
        }
        signInAs(outcome.principal(), request, response);
        redirect.addFlashAttribute("newSignInName", outcome.principal().signInName());
        return "redirect:/my/welcome";
    }

    @GetMapping("/my/welcome")
    @YoungPerson
    String welcome(@AuthenticationPrincipal YoungPersonPrincipal me, Model model) {
        if (!model.containsAttribute("newSignInName")) {
            return "redirect:/my";
        }
        model.addAttribute("me", me);
        return "voice/welcome";
    }

    @GetMapping("/my/sign-in")
    @PublicRead
    String signInPage(Model model) {
        model.addAttribute("errors", FormErrors.none());
        model.addAttribute("errorList", List.of());
        return "voice/sign-in";
    }

    @PostMapping("/my/sign-in")
    @PublicRead
    String signIn(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String password,
                  HttpServletRequest request, HttpServletResponse response, Model model) {
        VoiceSignIn.Outcome outcome = signIn.signIn(name, password, request.getRemoteAddr());
        if (!outcome.ok()) {
            FormErrors errors = FormErrors.none();
            errors.add("name", refusal(outcome));
            errors.show(model, List.of("name"));
            model.addAttribute("name", name);
            model.addAttribute("waiting", outcome.refusal() == VoiceSignIn.Refusal.WAIT);
            response.setStatus(outcome.refusal() == VoiceSignIn.Refusal.WAIT ? 429 : 400);
            if (outcome.refusal() == VoiceSignIn.Refusal.WAIT) {
                response.setHeader("Retry-After", String.valueOf(outcome.waitSeconds()));
            }
            return "voice/sign-in";
        }
        signInAs(outcome.principal(), request, response);
        return "redirect:/my";
    }

    private void signInAs(YoungPersonPrincipal principal, HttpServletRequest request, HttpServletResponse response) {
        request.getSession(true);
        request.changeSessionId();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(principal.authentication());
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
    }

    private String refusal(VoiceSignIn.Outcome outcome) {
        return messages.getMessage("voice.refused." + outcome.refusal().name(),
                new Object[] {org.oversight.access.SignInProperties.words(outcome.waitSeconds())}, LocaleContextHolder.getLocale());
    }

    // ---- The young person's record ----------------------------------------------------------------------------

    @GetMapping("/my")
    @YoungPerson
    String home(@AuthenticationPrincipal YoungPersonPrincipal me, Model model) {
        model.addAttribute("me", me);
        model.addAttribute("record", voice.me(me, "viewed their plan"));
        return "voice/home";
    }

    @GetMapping("/my/plan/{section}")
    @YoungPerson
    String section(@AuthenticationPrincipal YoungPersonPrincipal me, @PathVariable String section, Model model) {
        PlanSection s = find(me, section);
        MyRecord record = voice.me(me, "viewed " + s.name());
        model.addAttribute("me", me);
        model.addAttribute("section", s);
        model.addAttribute("view", s == PlanSection.WHAT_MATTERS
                ? new VoiceViews.SectionView(s, "", record.whatMatters()) : record.section(s).orElseThrow());
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", FormErrors.none());
        }
        FormErrors.in(model).show(model, List.of("words"));
        return "voice/section";
    }

    @PostMapping("/my/plan/{section}")
    @YoungPerson
    String addWords(@AuthenticationPrincipal YoungPersonPrincipal me, @PathVariable String section,
                    @RequestParam(defaultValue = "") String words, Model model, RedirectAttributes redirect,
                    HttpServletResponse response) {
        try {
            voice.addWords(me, section, words);
        } catch (InvalidInputException e) {
            model.addAttribute("errors", errors(e));
            model.addAttribute("words", words);
            response.setStatus(400);
            return section(me, section, model);
        }
        redirect.addFlashAttribute("saved", "voice.saved.words");
        return "redirect:/my";
    }

    @GetMapping("/my/feedback")
    @YoungPerson
    String feedback(@AuthenticationPrincipal YoungPersonPrincipal me, Model model) {
        voice.me(me, "viewed the feedback form");
        model.addAttribute("me", me);
        model.addAttribute("themes", FeedbackTheme.RATED);
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", FormErrors.none());
        }
        FormErrors.in(model).show(model, 
                List.of("LISTENED", "HELP", "PLAN", "CONTACT", "comment"));
        return "voice/feedback";
    }

    @PostMapping("/my/feedback")
    @YoungPerson
    String giveFeedback(@AuthenticationPrincipal YoungPersonPrincipal me, @RequestParam Map<String, String> form, Model model,
                        RedirectAttributes redirect, HttpServletResponse response) {
        Map<FeedbackTheme, Integer> ratings = new EnumMap<>(FeedbackTheme.class);
        FormErrors bad = FormErrors.none();
        for (FeedbackTheme theme : FeedbackTheme.RATED) {
            String value = form.get(theme.name());
            if (value != null && !value.isBlank()) {
                try {
                    ratings.put(theme, Integer.parseInt(value.trim()));
                } catch (NumberFormatException e) {
                    bad.add(theme.name(), ProblemText.of("voice.error.field"));
                }
            }
        }
        try {
            if (bad.any()) {
                throw new InvalidInputException(List.of(FieldProblem.of("rating", "voice.error.field")));
            }
            voice.giveFeedback(me, ratings, form.get("comment"));
        } catch (InvalidInputException e) {
            FormErrors errors = bad.any() ? bad : errors(e);
            model.addAttribute("errors", errors);
            model.addAttribute("form", form);
            response.setStatus(400);
            return feedback(me, model);
        }
        redirect.addFlashAttribute("saved", "voice.saved.feedback");
        return "redirect:/my";
    }

    @PostMapping("/my/safe")
    @YoungPerson
    String notSafe(@AuthenticationPrincipal YoungPersonPrincipal me, @RequestParam(defaultValue = "") String message,
                   RedirectAttributes redirect) {
        VoiceViews.Alert alert = voice.raiseAlert(me, message);
        redirect.addFlashAttribute("alertAt", alert.raisedAt());
        redirect.addFlashAttribute("withMessage", alert.message() != null);
        redirect.addFlashAttribute("wordsAdded", alert.wordsAddedAt() != null && !message.isBlank());
        return "redirect:/my/safe";
    }

    @GetMapping("/my/safe")
    @YoungPerson
    String safe(@AuthenticationPrincipal YoungPersonPrincipal me, Model model) {
        voice.me(me, "viewed the safety page");
        model.addAttribute("me", me);
        model.addAttribute("latest", voice.myLatestAlert(me).orElse(null));
        model.addAttribute("hours", officeHours.now());
        String phone = localAuthorities.findById(me.laId()).flatMap(la -> officeHours.outOfHoursPhone(la.laCode())).orElse(null);
        model.addAttribute("outOfHoursPhone", phone);
        model.addAttribute("outOfHoursTel", phone == null ? null : org.oversight.voice.OfficeHours.tel(phone));
        return "voice/safe";
    }

    private PlanSection find(YoungPersonPrincipal me, String code) {
        return PlanSection.find(me.cohort(), code).orElseThrow(() -> {
            voice.logRefused(me, "no section " + code);
            return new NotFoundException("Your plan has no part with that name");
        });
    }

    /** Errors on the young person's pages, in their own layout and words (rather than the staff error page). */
    @org.springframework.web.bind.annotation.ExceptionHandler(NotFoundException.class)
    String notFound(NotFoundException e, Model model, HttpServletResponse response) {
        response.setStatus(404);
        model.addAttribute("problemTitle", "voice.problem.notFound");
        model.addAttribute("detail", e.getMessage());
        return "voice/problem";
    }

    @org.springframework.web.bind.annotation.ExceptionHandler(org.springframework.security.access.AccessDeniedException.class)
    String denied(org.springframework.security.access.AccessDeniedException e, Model model, HttpServletResponse response) {
        response.setStatus(403);
        model.addAttribute("problemTitle", "voice.problem.denied");
        model.addAttribute("detail", e.getMessage());
        return "voice/problem";
    }

    private static FormErrors errors(InvalidInputException e) {
        FormErrors errors = FormErrors.of(e);
        return errors;
    }
}
