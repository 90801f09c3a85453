package org.openita.core.framework;

/** One thing an assessor checks for an OIT item; the item scores 100 only when every component passes. */
public record OitComponent(String code, LocalizedText text) {
}
