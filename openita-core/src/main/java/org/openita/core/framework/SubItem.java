package org.openita.core.framework;

/** A sub-item of a question, answered on the question's scale and averaged into the question score. */
public record SubItem(String code, LocalizedText summary) {
}
