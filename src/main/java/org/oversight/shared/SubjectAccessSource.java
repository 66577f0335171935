package org.oversight.shared;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A module's part of a subject-access export: everything it holds about one child of one LA, as named sections of
 * rows (column to value). Each module that keeps children's data implements it for its own tables, so the export
 * gathers them all without one module reaching into another's tables. Implementations leave out secrets (password
 * hashes) and run under the caller's row-level security scope.
 */
public interface SubjectAccessSource {

    record Section(String name, List<Map<String, Object>> rows) {
    }

    List<Section> sections(UUID laId, String childRef);
}
