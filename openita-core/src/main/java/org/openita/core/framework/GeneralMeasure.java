package org.openita.core.framework;

import java.util.List;

/**
 * A measure every agency takes whatever its scores: the working-group order, the executive's declaration of
 * integrity, the staff briefing, publishing on the website.
 *
 * @param topic the topic whose unit is responsible (see {@link Topic})
 * @param success how the agency shows the measure succeeded
 * @param timing when in the measures year it runs
 * @param supportTopics topics whose units take part with the responsible one (named after it)
 */
public record GeneralMeasure(LocalizedText measure, List<LocalizedText> steps, String topic, LocalizedText success,
                             Timing timing, List<String> supportTopics) {

    public GeneralMeasure(LocalizedText measure, List<LocalizedText> steps, String topic, LocalizedText success, Timing timing) {
        this(measure, steps, topic, success, timing, List.of());
    }

    /** When a measure runs within the months of its plan. */
    public enum Timing {
        /** The first month: orders and declarations. */
        START,
        /** The first two months: briefings, reviews. */
        EARLY,
        /** From the second month to the month before the last: the work on a weakness. */
        MAIN,
        /** Every month of the plan. */
        ONGOING
    }

    public GeneralMeasure {
        steps = List.copyOf(steps);
        supportTopics = supportTopics == null ? List.of() : List.copyOf(supportTopics);
    }
}
