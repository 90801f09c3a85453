package org.openita.server.measures;

/** A problem with what was typed for a measure: the form field, and the reason in Thai and English. */
public record MeasureProblem(String field, String th, String en) {
}
