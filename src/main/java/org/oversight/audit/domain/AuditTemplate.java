package org.oversight.audit.domain;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** One version of an audit form. A version never changes: an edit is a new version, and audits keep theirs. */
public record AuditTemplate(UUID id, String family, int versionNo, String name, Cohort cohort, String description,
                            List<Question> questions, UUID basedOn, String createdBy, Instant createdAt) {

    /** Which children the form is for; null when any child. */
    public enum Cohort { CHILD_IN_CARE, CARE_LEAVER }

    public Optional<Question> question(String questionId) {
        return questions.stream().filter(q -> q.id().equals(questionId)).findFirst();
    }

    /** Questions grouped by judgement area then theme, in the order they first appear. */
    public Map<JudgementArea, Map<String, List<Question>>> grouped() {
        Map<JudgementArea, Map<String, List<Question>>> out = new LinkedHashMap<>();
        for (Question q : questions) {
            out.computeIfAbsent(q.area(), k -> new LinkedHashMap<>()).computeIfAbsent(q.theme(), k -> new java.util.ArrayList<>()).add(q);
        }
        return out;
    }
}
