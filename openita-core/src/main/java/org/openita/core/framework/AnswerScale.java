package org.openita.core.framework;

import java.util.List;
import java.util.Optional;

/**
 * An answer scale: the options in order from the lowest to the highest point value for a positively
 * worded question. A negatively worded question ("bad behaviour") takes the points in reverse order.
 */
public record AnswerScale(String code, LocalizedText name, List<AnswerOption> options, Provenance provenance) {

    public AnswerScale {
        options = List.copyOf(options);
    }

    public Optional<Integer> indexOf(String optionCode) {
        for (int i = 0; i < options.size(); i++) {
            if (options.get(i).code().equals(optionCode)) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    /** Points for the option at {@code index} when the question has the given direction. */
    public double points(int index, Direction direction) {
        int effective = direction == Direction.NEGATIVE ? options.size() - 1 - index : index;
        return options.get(effective).points();
    }
}
