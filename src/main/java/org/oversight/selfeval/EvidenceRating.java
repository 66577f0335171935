package org.oversight.selfeval;

import java.math.BigDecimal;

/**
 * The written rule that colours a figure: a percentage below {@code redBelow} is red, below {@code amberBelow} amber,
 * else green; a young people's average rating (1 to 5) below 3 is red, below 4 amber; an Ofsted grade inadequate is
 * red, requires improvement amber, good or outstanding green; a plan action keeps its own RAG rating (complete counts
 * as green). Thresholds are configuration ({@code oversight.selfeval.rating.*}).
 */
public record EvidenceRating(BigDecimal redBelow, BigDecimal amberBelow) {

    public static final EvidenceRating DEFAULT = new EvidenceRating(BigDecimal.valueOf(75), BigDecimal.valueOf(90));

    public EvidenceRating {
        if (redBelow.compareTo(amberBelow) > 0) {
            throw new IllegalArgumentException("the red threshold (" + redBelow + ") must not be above the amber one (" + amberBelow + ")");
        }
    }

    public Rating percent(BigDecimal percent) {
        if (percent == null) {
            return null;
        }
        return percent.compareTo(redBelow) < 0 ? Rating.RED : percent.compareTo(amberBelow) < 0 ? Rating.AMBER : Rating.GREEN;
    }

    public Rating averageOutOfFive(Double average) {
        if (average == null) {
            return null;
        }
        return average < 3 ? Rating.RED : average < 4 ? Rating.AMBER : Rating.GREEN;
    }

    public Rating grade(String grade) {
        if (grade == null) {
            return null;
        }
        return switch (grade) {
            case "INADEQUATE" -> Rating.RED;
            case "REQUIRES_IMPROVEMENT" -> Rating.AMBER;
            case "GOOD", "OUTSTANDING" -> Rating.GREEN;
            default -> null;
        };
    }

    public Rating rag(String rag) {
        if (rag == null) {
            return null;
        }
        return switch (rag) {
            case "RED" -> Rating.RED;
            case "AMBER" -> Rating.AMBER;
            case "GREEN", "COMPLETE" -> Rating.GREEN;
            default -> null;
        };
    }
}
