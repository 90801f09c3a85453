package org.openita.core.framework;

/** One part of a tool, e.g. EIT part 1 ("EIT Public", answered by service users themselves). */
public record ToolPart(String code, LocalizedText name, double weight, Provenance provenance) {
}
