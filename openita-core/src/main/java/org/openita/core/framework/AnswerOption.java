package org.openita.core.framework;

/** One answer a respondent can choose, and the points it gives to a positively worded question. */
public record AnswerOption(String code, LocalizedText label, double points) {
}
