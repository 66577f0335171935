package org.oversight.compliance;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.oversight.access.CurrentUser;
import org.oversight.access.Role;
import org.oversight.compliance.domain.Interval;
import org.oversight.compliance.domain.TimescaleRule;
import org.oversight.compliance.domain.TimescaleRules;
import org.oversight.compliance.persistence.RuleSettingsRepository;
import org.oversight.compliance.persistence.RuleSettingsRepository.Change;
import org.oversight.shared.problem.FieldProblem;
import org.oversight.shared.problem.InvalidInputException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The timescale rules in force: the bundled rules with any interval an administrator has changed on a rule marked
 * configurable. Every change is kept (who, when, why); the latest for a rule and regime is the one in force. Read from
 * the database each time, so every instance of the application sees a change at once.
 */
@Service
public class RuleSettings {

    private final TimescaleRules bundled = TimescaleRules.bundled();
    private final RuleSettingsRepository changes;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final org.springframework.context.ApplicationEventPublisher events;
    /** The last rules built, and the changes they were built from. */
    private volatile Built built;

    /** Published in the transaction that changed a rule's interval, before it commits. */
    public record Changed(String ruleId) {
    }

    RuleSettings(RuleSettingsRepository changes, CurrentUser currentUser, Clock clock, org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.changes = changes;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    public TimescaleRules bundled() {
        return bundled;
    }

    /**
     * The rules in force. The changes are read from the database each time; the rules built from them are kept while the
     * changes read are the same, so every reader of the same changes gets the same instance (and what is worked out from
     * it once, such as {@link ComplianceFigures#version}, is not worked out again on every page).
     */
    @Transactional(readOnly = true)
    public TimescaleRules current() {
        List<Change> history = history();
        Built last = built;
        if (last != null && last.history().equals(history)) {
            return last.rules();
        }
        TimescaleRules rules = build(history);
        built = new Built(List.copyOf(history), rules);
        return rules;
    }

    /** The rules built from a list of changes, and that list. */
    private record Built(List<Change> history, TimescaleRules rules) {
    }

    private TimescaleRules build(List<Change> history) {
        TimescaleRules rules = bundled;
        Set<String> applied = new HashSet<>();
        for (Change c : history) {
            if (applied.add(c.ruleId() + "/" + c.regime()) && rules.find(c.ruleId()).map(TimescaleRule::configurable).orElse(false)) {
                rules = rules.withInterval(c.ruleId(), c.regime(), c.interval());
            }
        }
        return rules;
    }

    /** Every change, newest first. */
    @Transactional(readOnly = true)
    public List<Change> history() {
        return changes.history();
    }

    /** The longest interval an administrator may set in each unit: two years. */
    static int longest(Interval.Unit unit) {
        return switch (unit) {
            case DAYS -> 730;
            case WEEKS -> 104;
            case MONTHS -> 24;
            case WORKING_DAYS -> 500;
        };
    }

    /** Changes one interval of a configurable rule. Administrators only; the reason is required. */
    @Transactional
    public void change(String ruleId, String regime, String amountText, String unitText, String reason) {
        if (currentUser.get().filter(u -> u.role() == Role.ADMIN).isEmpty()) {
            throw new AccessDeniedException("Only an administrator can change a timescale");
        }
        TimescaleRule rule = bundled.find(ruleId).orElseThrow(() -> new org.oversight.shared.problem.NotFoundException("No timescale rule " + ruleId));
        List<FieldProblem> problems = new ArrayList<>();
        if (!rule.configurable()) {
            problems.add(FieldProblem.of("amount", "compliance.error.amount", String.valueOf(ruleId)));
        }
        if (regime == null || !rule.intervals().containsKey(regime)) {
            problems.add(FieldProblem.of("regime", "compliance.error.regime", String.valueOf(ruleId)));
        }
        Integer amount = null;
        try {
            amount = Integer.valueOf(amountText == null ? "" : amountText.trim());
        } catch (NumberFormatException e) {
            problems.add(FieldProblem.of("amount", "compliance.error.amount.2"));
        }
        if (amount != null && (amount < 1 || amount > 1000)) {
            problems.add(FieldProblem.of("amount", "compliance.error.amount.3"));
        }
        Interval.Unit unit = null;
        try {
            unit = Interval.Unit.valueOf(unitText == null ? "" : unitText.trim());
        } catch (IllegalArgumentException e) {
            problems.add(FieldProblem.of("unit", "compliance.error.unit"));
        }
        if (amount != null && unit != null && amount >= 1 && amount <= 1000 && amount > longest(unit)) {
            // longer than two years is no timescale for a child: refused as absurd
            problems.add(FieldProblem.of("amount", "compliance.error.amount.4", longest(unit), unit.name().toLowerCase(java.util.Locale.UK).replace('_', ' ')));
        }
        if (reason == null || reason.isBlank()) {
            problems.add(FieldProblem.of("reason", "compliance.error.reason"));
        } else if (reason.length() > 1000) {
            problems.add(FieldProblem.of("reason", "compliance.error.reason.2"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        changes.insert(ruleId, regime, new Interval(amount, unit), reason.trim(), currentUser.actor(), clock.instant());
        events.publishEvent(new Changed(ruleId)); // every LA's stored figures are computed again in this transaction
    }
}
