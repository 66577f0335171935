package org.oversight.audit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.oversight.access.CurrentUser;
import org.oversight.access.Role;
import org.oversight.audit.domain.AuditTemplate;
import org.oversight.audit.domain.JudgementArea;
import org.oversight.audit.domain.Question;
import org.oversight.audit.persistence.TemplateRepository;
import org.oversight.shared.problem.FieldProblem;
import org.oversight.shared.problem.InvalidInputException;
import org.oversight.shared.problem.NotFoundException;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Audit forms. The three shipped forms (resources {@code audit-templates/*.json}) are loaded as version 1 of their
 * family at start when missing. Administrators edit a form into a new version or copy it into a new family; a version
 * is never changed, so completed audits keep the questions they were answered against.
 */
@Service
@Order(60)
public class AuditTemplates implements ApplicationRunner {

    static final List<String> SHIPPED = List.of("care-leavers", "children-in-care", "help-and-protection");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final TemplateRepository forms;
    private final CurrentUser currentUser;
    private final TransactionTemplate tx;

    AuditTemplates(TemplateRepository forms, CurrentUser currentUser, TransactionTemplate tx) {
        this.forms = forms;
        this.currentUser = currentUser;
        this.tx = tx;
    }

    record Shipped(String family, String name, AuditTemplate.Cohort cohort, String description, List<Question> questions) {
    }

    @Override
    public void run(ApplicationArguments args) {
        tx.executeWithoutResult(s -> loadShipped());
    }

    void loadShipped() {
        for (String family : SHIPPED) {
            if (!forms.familyExists(family)) {
                Shipped t = read(family);
                forms.insert(t.family(), 1, t.name(), t.cohort(), t.description(), t.questions(), null, "oversight");
            }
        }
    }

    static Shipped read(String family) {
        try (InputStream in = AuditTemplates.class.getResourceAsStream("/audit-templates/" + family + ".json")) {
            if (in == null) {
                throw new IllegalStateException("Missing audit template resource " + family + ".json");
            }
            return JSON.readValue(in, Shipped.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The newest version of each form, for choosing one; any signed-in user may read forms (they hold no child data). */
    @Transactional(readOnly = true)
    public List<AuditTemplate> latest() {
        return forms.latest();
    }

    /** Every version of every form, newest first within each family. */
    @Transactional(readOnly = true)
    public List<AuditTemplate> all() {
        return forms.all();
    }

    @Transactional(readOnly = true)
    public AuditTemplate get(UUID id) {
        return find(id).orElseThrow(() -> new NotFoundException("No audit form has the id " + id));
    }

    Optional<AuditTemplate> find(UUID id) {
        return forms.find(id);
    }

    /** A question as edited on the form: its id stays, the rest may change; an id that is new adds a question. */
    public record QuestionEdit(String id, String area, String theme, String text, String guidance, String source) {
    }

    /**
     * Saves an edited form: as a new version of its family ({@code copyAsFamily} null), or as version 1 of a new family
     * copied from it. Administrators only.
     */
    @Transactional
    public UUID saveEdited(UUID fromId, String name, String description, List<QuestionEdit> edits, String copyAsFamily) {
        if (currentUser.get().filter(u -> u.role() == Role.ADMIN).isEmpty()) {
            throw new AccessDeniedException("Only administrators edit audit forms");
        }
        AuditTemplate from = get(fromId);
        List<FieldProblem> problems = new ArrayList<>();
        if (name == null || name.isBlank()) {
            problems.add(FieldProblem.of("name", "audit.error.name"));
        }
        List<Question> questions = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < edits.size(); i++) {
            QuestionEdit e = edits.get(i);
            boolean blank = (e.text() == null || e.text().isBlank()) && (e.id() == null || e.id().isBlank());
            if (blank) {
                continue; // an empty new-question row, or a question removed
            }
            String label = "Question " + (i + 1);
            String id = e.id() == null ? "" : e.id().trim();
            if (!id.matches("[A-Za-z0-9-]{1,12}")) {
                problems.add(FieldProblem.of("q" + i + "-id", "audit.error.q", String.valueOf(label)));
            } else if (!ids.add(id)) {
                problems.add(FieldProblem.of("q" + i + "-id", "audit.error.q.2", String.valueOf(label), String.valueOf(id)));
            }
            JudgementArea area = null;
            try {
                area = JudgementArea.valueOf(e.area() == null ? "" : e.area());
            } catch (IllegalArgumentException ex) {
                problems.add(FieldProblem.of("q" + i + "-area", "audit.error.q.3", String.valueOf(label)));
            }
            if (e.theme() == null || e.theme().isBlank()) {
                problems.add(FieldProblem.of("q" + i + "-theme", "audit.error.q.4", String.valueOf(label)));
            }
            if (e.text() == null || e.text().isBlank()) {
                problems.add(FieldProblem.of("q" + i + "-text", "audit.error.q.5", String.valueOf(label)));
            }
            // The measures a question bears on are not edited on the form: a question keeps those of the same id in the version edited.
            List<String> figures = from.question(id).map(Question::figures).orElse(List.of());
            questions.add(new Question(id, area, trim(e.theme()), trim(e.text()), trim(e.guidance()), trim(e.source()), figures));
        }
        if (questions.isEmpty()) {
            problems.add(FieldProblem.of("q0-text", "audit.error.q0text"));
        }
        String family = from.family();
        int version;
        if (copyAsFamily != null) {
            family = copyAsFamily.trim().toLowerCase(java.util.Locale.UK).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
            if (family.isEmpty() || forms.familyExists(family)) {
                problems.add(FieldProblem.of("name", "audit.error.name.2", String.valueOf(name)));
            }
            version = 1;
        } else {
            version = forms.nextVersion(family);
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return forms.insert(family, version, name.trim(), from.cohort(), description == null || description.isBlank() ? from.description() : description.trim(),
                questions, from.id(), currentUser.actor());
    }

    private static String trim(String s) {
        return s == null ? "" : s.trim();
    }
}
