package org.openita.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openita.core.thai.DigitStyle;
import org.openita.core.thai.ThaiFormat;

/**
 * The score axis every renderer draws a bar chart on. Scores of a few points apart (96.67 beside 100) look the
 * same on a 0-100 axis, so when every value and the pass mark lie high up the axis starts at a round number below
 * them instead of 0; the chart then says so in words under the axis and draws a break mark at its start, so no one
 * reads a bar's length as the whole score.
 *
 * @param start where the axis starts (0, or a multiple of 10 below every value and the pass mark)
 * @param step the distance between ticks
 * @param passMark the year's pass mark, or null
 */
record ChartScale(double start, double step, Double passMark, DigitStyle digits) {

    static final double END = 100;

    /** An axis that starts above this would hide too much of the scale to read honestly; below it, start at 0. */
    private static final double LOWEST_ZOOMED_START = 50;

    static ChartScale of(Block.BarChart chart) {
        double min = chart.passMark() == null ? END : chart.passMark();
        for (Block.Bar b : chart.bars()) {
            if (b.value() != null) {
                min = Math.min(min, b.value());
            }
            if (b.previous() != null) {
                min = Math.min(min, b.previous());
            }
        }
        double start = Math.floor((min - 3) / 10) * 10;
        if (start < LOWEST_ZOOMED_START) {
            start = 0;
        }
        double range = END - start;
        double step = range <= 30 ? 5 : range <= 60 ? 10 : 20;
        return new ChartScale(start, step, chart.passMark(), digitsOf(chart));
    }

    /** The chart's own figures say which digits the report uses. */
    private static DigitStyle digitsOf(Block.BarChart chart) {
        for (Block.Bar b : chart.bars()) {
            String t = b.valueText() == null ? "" : b.valueText();
            if (t.chars().anyMatch(ch -> ch >= '๐' && ch <= '๙')) {
                return DigitStyle.THAI;
            }
        }
        return DigitStyle.ARABIC;
    }

    boolean zoomed() {
        return start > 0;
    }

    /** Where a value falls along the axis, 0 at its start and 1 at 100, clamped. */
    double fraction(Double value) {
        if (value == null) {
            return 0;
        }
        return Math.max(0, Math.min(1, (value - start) / (END - start)));
    }

    List<Double> ticks() {
        List<Double> ticks = new ArrayList<>();
        for (double t = start; t <= END + 1e-9; t += step) {
            ticks.add(t);
        }
        return ticks;
    }

    String label(double value) {
        return ThaiFormat.digits(ThaiFormat.number(value, DigitStyle.ARABIC), digits);
    }

    /** The marker's label, e.g. "เกณฑ์ผ่าน ๘๕". */
    String passLabel() {
        return Phrases.fill("chart.passLabel", Map.of("pass", label(passMark)));
    }

    /** The sentence printed under the axis: where it starts and what the marker line is. */
    String note() {
        String axis = zoomed()
                ? Phrases.fill("chart.axis.zoomed", Map.of("start", label(start), "zero", label(0)))
                : Phrases.fill("chart.axis.full", Map.of("from", label(0), "to", label(END)));
        return passMark == null ? axis : axis + " " + Phrases.fill("chart.axis.passMark", Map.of("pass", label(passMark)));
    }
}
