package org.oversight.reports;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.oversight.inspection.SingleRecordService;
import org.oversight.inspection.SingleRecordService.RegisterFilter;
import org.oversight.inspection.SingleRecordService.RegisterRow;
import org.oversight.inspection.domain.Grade;
import org.oversight.inspection.domain.JudgementArea;
import org.oversight.register.Region;
import org.springframework.stereotype.Service;

/** Every LA's latest published judgements, filtered, and the distribution of overall grades by region. */
@Service
public class NationalPicture {

    private final SingleRecordService records;

    NationalPicture(SingleRecordService records) {
        this.records = records;
    }

    /** Filters: region code, latest overall grade (or NONE), latest inspection type, year the latest inspection started. */
    public record Filter(String region, String judgement, String type, Integer year) {
    }

    public record RegionCounts(String code, String name, Map<Grade, Integer> counts, int noOverall, int total) {
        public int count(Grade g) {
            return counts.getOrDefault(g, 0);
        }
    }

    public List<RegisterRow> rows(Filter filter) {
        return records.register(new RegisterFilter(null, filter.region(), filter.judgement())).stream()
                .filter(r -> filter.type() == null || filter.type().isBlank()
                        || (r.latest() != null && r.latest().type().name().equals(filter.type())))
                .filter(r -> filter.year() == null || (r.latest() != null && r.latest().startDate().getYear() == filter.year()))
                .toList();
    }

    /** Counts of latest overall grades per region, over the rows given (so the chart follows the filters). */
    public List<RegionCounts> byRegion(List<RegisterRow> rows) {
        return byRegion(rows, regions());
    }

    /** The same, for the regions given: those of {@link #regions()}, which a page that shows them too reads once. */
    public List<RegionCounts> byRegion(List<RegisterRow> rows, List<Region> regions) {
        Map<String, List<RegisterRow>> grouped = new LinkedHashMap<>();
        for (Region region : regions) {
            grouped.put(region.code(), new ArrayList<>());
        }
        rows.forEach(r -> grouped.computeIfAbsent(r.la().regionCode(), k -> new ArrayList<>()).add(r));
        List<RegionCounts> result = new ArrayList<>();
        for (Region region : regions) {
            List<RegisterRow> inRegion = grouped.get(region.code());
            Map<Grade, Integer> counts = new EnumMap<>(Grade.class);
            int none = 0;
            for (RegisterRow row : inRegion) {
                Grade overall = row.grade(JudgementArea.OVERALL);
                if (overall == null) {
                    none++;
                } else {
                    counts.merge(overall, 1, Integer::sum);
                }
            }
            result.add(new RegionCounts(region.code(), region.name(), counts, none, inRegion.size()));
        }
        return result;
    }

    public List<Region> regions() {
        return records.regions();
    }
}
