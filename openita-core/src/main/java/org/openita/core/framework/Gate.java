package org.openita.core.framework;

import java.util.List;

/** A condition that every named score (a tool or tool part, e.g. IIT, EIT_PUBLIC) is at least {@code atLeast}. */
public record Gate(List<String> scores, double atLeast) {

    public Gate {
        scores = List.copyOf(scores);
    }
}
