package org.oversight.compliance.domain;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The statutory timescale rules, read from {@code compliance/timescale-rules.json}. */
public final class TimescaleRules {

    public static final String RESOURCE = "/compliance/timescale-rules.json";

    private final Map<String, TimescaleRule> byId;

    private TimescaleRules(List<TimescaleRule> rules) {
        Map<String, TimescaleRule> map = new LinkedHashMap<>();
        for (TimescaleRule rule : rules) {
            if (map.put(rule.id(), rule) != null) {
                throw new IllegalArgumentException("Timescale rule " + rule.id() + " is defined twice");
            }
            if (rule.statement() == null || rule.statement().isBlank() || rule.citation() == null || rule.citation().isBlank()) {
                throw new IllegalArgumentException("Timescale rule " + rule.id() + " needs a statement and a citation");
            }
        }
        this.byId = Map.copyOf(map);
        this.ordered = List.copyOf(map.values());
    }

    private final List<TimescaleRule> ordered;

    public static TimescaleRules bundled() {
        try (InputStream in = TimescaleRules.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + RESOURCE);
            }
            return new TimescaleRules(JsonMapper.builder().build().readValue(in, new TypeReference<List<TimescaleRule>>() { }));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<TimescaleRule> all() {
        return ordered;
    }

    public Optional<TimescaleRule> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public TimescaleRule get(String id) {
        return find(id).orElseThrow(() -> new IllegalArgumentException("No timescale rule " + id));
    }

    /** These rules with one interval changed (for an administrator's setting of a configurable rule). */
    public TimescaleRules withInterval(String ruleId, String regime, Interval interval) {
        TimescaleRule rule = get(ruleId);
        if (!rule.intervals().containsKey(regime)) {
            throw new IllegalArgumentException("Rule " + ruleId + " has no interval '" + regime + "'");
        }
        Map<String, Interval> intervals = new LinkedHashMap<>(rule.intervals());
        intervals.put(regime, interval);
        TimescaleRule changed = new TimescaleRule(rule.id(), rule.statement(), rule.citation(), rule.clockStart(),
                java.util.Collections.unmodifiableMap(intervals), rule.regimeChanges(), rule.configurable(), rule.measuredFrom());
        return new TimescaleRules(ordered.stream().map(r -> r.id().equals(ruleId) ? changed : r).toList());
    }
}
