package org.openita.core.framework;

import java.util.List;

/**
 * A survey question (IIT or EIT). {@code parts} lists the tool parts that ask it; empty means every
 * part of the tool. {@code summary} is a short description in our own words, not the official wording.
 */
public record Question(String code, int indicator, ToolCode tool, List<String> parts, String scale,
                       Direction direction, boolean scored, double weight, List<SubItem> subItems,
                       LocalizedText summary, Provenance provenance) {

    public Question {
        parts = List.copyOf(parts);
        subItems = List.copyOf(subItems);
    }

    public boolean askedIn(String part) {
        return parts.isEmpty() || parts.contains(part);
    }
}
