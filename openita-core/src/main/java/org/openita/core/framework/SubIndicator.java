package org.openita.core.framework;

/** A grouping of OIT items inside indicator 9 or 10, e.g. 9.1 basic information. */
public record SubIndicator(String code, LocalizedText name) {
}
