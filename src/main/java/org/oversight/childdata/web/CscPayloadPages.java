package org.oversight.childdata.web;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.oversight.access.AccessRules.LaManager;
import org.oversight.childdata.ssd.CscPayloadReceipts;
import org.oversight.register.LocalAuthorities;
import org.oversight.register.LocalAuthority;
import org.oversight.shared.Dates;
import org.oversight.shared.upload.UploadLimits;
import org.oversight.shared.web.FormErrors;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * An LA's DfE children's social care API payloads, day by day: each day's payloads, children changed and refusals, each
 * payload's record; and a form to upload a payload file as the LA's system would send it (the same checks, the same one
 * transaction, recorded the same way). The LA's managers only, as the API's senders are.
 */
@Controller
@LaManager
class CscPayloadPages {

    /** Days shown on one page. */
    static final int DAYS = 14;
    /** Payloads shown under one day (the API lists them all). */
    static final int PER_DAY = 100;
    /** Problems of a refused upload in the page's error summary (all of the first 100 are on its record's page). */
    static final int SUMMARY_PROBLEMS = 20;

    private final CscPayloadReceipts receipts;
    private final LocalAuthorities localAuthorities;
    private final UploadLimits limits;
    private final MessageSource messages;

    CscPayloadPages(CscPayloadReceipts receipts, LocalAuthorities localAuthorities, UploadLimits limits, MessageSource messages) {
        this.receipts = receipts;
        this.localAuthorities = localAuthorities;
        this.limits = limits;
        this.messages = messages;
    }

    @GetMapping("/local-authorities/{urn}/payloads")
    String history(@PathVariable int urn, @RequestParam(required = false) String before, Model model) {
        LocalAuthority la = localAuthorities.get(urn);
        LocalDate until = null;
        if (before != null && !before.isBlank()) {
            try {
                until = LocalDate.parse(before.strip());
            } catch (DateTimeParseException e) {
                until = null;
            }
        }
        page(la, until, model, FormErrors.none(), List.of(), null);
        return "childdata/payloads";
    }

    @PostMapping("/local-authorities/{urn}/payloads")
    String upload(@PathVariable int urn, @RequestParam(name = "payload", required = false) MultipartFile file, Model model,
                  HttpServletResponse response, RedirectAttributes redirect) throws IOException {
        LocalAuthority la = localAuthorities.get(urn);
        long max = limits.maxJsonBody().toBytes();
        if (file == null || file.isEmpty() || file.getOriginalFilename() == null || file.getOriginalFilename().isBlank()) {
            return refused(la, model, response, text("payloads.error.file"), List.of(), null);
        }
        if (file.getSize() > max) {
            byte[] first;
            try (var in = file.getInputStream()) {
                first = in.readNBytes((int) Math.min(max, Integer.MAX_VALUE - 8));
            }
            receipts.tooLarge(urn, file.getSize(), first, max, CscPayloadReceipts.Channel.PAGE, file.getOriginalFilename());
            return refused(la, model, response, text("payloads.error.size", file.getOriginalFilename(), UploadLimits.words(max)), List.of(), null);
        }
        CscPayloadReceipts.Outcome outcome = receipts.receive(urn, file.getBytes(), CscPayloadReceipts.Channel.PAGE, file.getOriginalFilename());
        CscPayloadReceipts.Receipt r = outcome.receipt();
        if (outcome.accepted()) {
            redirect.addFlashAttribute("uploaded", Boolean.TRUE);
            return "redirect:/local-authorities/" + urn + "/payloads/" + r.id();
        }
        List<Map.Entry<String, String>> list = new ArrayList<>();
        if (outcome.problems().isEmpty()) {
            list.add(Map.entry("payload", r.refusal()));
        } else {
            outcome.problems().stream().limit(SUMMARY_PROBLEMS).forEach(p -> list.add(Map.entry("payload", text("payloads.error.at", p.message(), p.path()))));
            if (outcome.problems().size() > SUMMARY_PROBLEMS) {
                list.add(Map.entry("payload", text("payloads.error.more", outcome.problems().size())));
            }
        }
        String first = outcome.problems().isEmpty() ? r.refusal() : text("payloads.error.refused", file.getOriginalFilename(), outcome.problems().size());
        return refused(la, model, response, first, list, r);
    }

    @GetMapping("/local-authorities/{urn}/payloads/{id}")
    String one(@PathVariable int urn, @PathVariable UUID id, Model model) {
        LocalAuthority la = localAuthorities.get(urn);
        model.addAttribute("la", la);
        CscPayloadReceipts.Receipt p = receipts.get(la.id(), id);
        model.addAttribute("p", p);
        model.addAttribute("when", Dates.dayTime(p.receivedAt()));
        model.addAttribute("sizeWords", UploadLimits.words(p.sizeBytes()) + (p.sizeBytes() >= 1024 ? String.format(" (%,d bytes)", p.sizeBytes()) : ""));
        return "childdata/payload";
    }

    private String refused(LocalAuthority la, Model model, HttpServletResponse response, String message, List<Map.Entry<String, String>> list,
                           CscPayloadReceipts.Receipt refused) {
        FormErrors errors = FormErrors.one("payload", message);
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        page(la, null, model, errors, list.isEmpty() ? List.of(Map.entry("payload", message)) : list, refused);
        return "childdata/payloads";
    }

    private void page(LocalAuthority la, LocalDate before, Model model, FormErrors errors, List<Map.Entry<String, String>> errorList,
                      CscPayloadReceipts.Receipt refused) {
        List<CscPayloadReceipts.Day> days = receipts.days(la.id(), before, DAYS + 1);
        boolean more = days.size() > DAYS;
        List<CscPayloadReceipts.Day> shown = more ? days.subList(0, DAYS) : days;
        Map<CscPayloadReceipts.Day, List<CscPayloadReceipts.Receipt>> byDay = new LinkedHashMap<>();
        for (CscPayloadReceipts.Day d : shown) {
            byDay.put(d, receipts.ofDay(la.id(), d.day(), PER_DAY));
        }
        model.addAttribute("la", la);
        model.addAttribute("days", byDay);
        model.addAttribute("perDay", PER_DAY);
        model.addAttribute("earlier", more ? shown.getLast().day().toString() : null);
        model.addAttribute("maxWords", UploadLimits.words(limits.maxJsonBody().toBytes()));
        model.addAttribute("errors", errors);
        model.addAttribute("errorList", errorList);
        model.addAttribute("refused", refused);
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}
