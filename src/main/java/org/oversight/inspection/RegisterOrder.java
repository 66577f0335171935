package org.oversight.inspection;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.Locale;

import org.oversight.inspection.SingleRecordService.RegisterRow;

/**
 * The orders the register can be sorted in, by column: name, LA code, region, latest overall grade (outstanding first),
 * date the latest inspection started (latest first). LAs without a grade or an inspection come last either way; ties keep
 * name order.
 */
public enum RegisterOrder {
    NAME, CODES, REGION, OVERALL, INSPECTED;

    /** The order named in a request, or {@link #NAME} for anything else. */
    public static RegisterOrder parse(String value) {
        if (value == null) {
            return NAME;
        }
        for (RegisterOrder o : values()) {
            if (o.name().equalsIgnoreCase(value.strip())) {
                return o;
            }
        }
        return NAME;
    }

    /** The order a request names (blank: {@link #NAME}), or empty when it names none of them. */
    public static java.util.Optional<RegisterOrder> find(String value) {
        if (value == null || value.isBlank()) {
            return java.util.Optional.of(NAME);
        }
        for (RegisterOrder o : values()) {
            if (o.name().equalsIgnoreCase(value.strip())) {
                return java.util.Optional.of(o);
            }
        }
        return java.util.Optional.empty();
    }

    /** The columns' names as a request gives them, for an error that lists them. */
    public static String params() {
        return String.join(", ", java.util.Arrays.stream(values()).map(RegisterOrder::param).toList());
    }

    public String param() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** This order's comparator, reversed when {@code descending} (missing values stay last). */
    public Comparator<RegisterRow> comparator(boolean descending) {
        Comparator<RegisterRow> byName = Comparator.comparing(r -> r.la().name().toLowerCase(Locale.UK));
        Comparator<RegisterRow> primary = switch (this) {
            case NAME -> byName;
            case CODES -> Comparator.comparing((RegisterRow r) -> r.la().laCode().length()).thenComparing(r -> r.la().laCode());
            case REGION -> Comparator.comparing(r -> r.la().regionName());
            case OVERALL -> Comparator.comparing(RegisterRow::overall, Comparator.nullsLast(Comparator.naturalOrder()));
            case INSPECTED -> Comparator.comparing((RegisterRow r) -> r.latest() == null ? null : r.latest().startDate(),
                    Comparator.nullsLast(Comparator.<LocalDate>reverseOrder()));
        };
        if (descending) {
            Comparator<RegisterRow> reversed = primary.reversed();
            primary = switch (this) {
                case OVERALL -> Comparator.comparing(RegisterRow::overall, Comparator.nullsLast(Comparator.<org.oversight.inspection.domain.Grade>reverseOrder()));
                case INSPECTED -> Comparator.comparing((RegisterRow r) -> r.latest() == null ? null : r.latest().startDate(),
                        Comparator.nullsLast(Comparator.<LocalDate>naturalOrder()));
                default -> reversed;
            };
        }
        return this == NAME ? primary : primary.thenComparing(byName);
    }
}
