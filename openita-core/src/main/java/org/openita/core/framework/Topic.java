package org.openita.core.framework;

import java.util.List;

/**
 * A subject of the agency's work (finance, works, personnel, ...) and the words that name the units doing it,
 * so that a measure goes to the agency's own unit for its subject.
 *
 * @param keywords words found in the names of units of this subject, e.g. "คลัง", "การเงิน", "พัสดุ"
 * @param allUnits true when every matching unit shares the work (services given by several units), false
 *                 when the first matching unit leads it
 */
public record Topic(String code, List<String> keywords, boolean allUnits) {

    /** The topic every knowledge base falls back to: the unit of general administration (สำนักปลัด, สำนักงาน). */
    public static final String GENERAL_ADMINISTRATION = "general-administration";

    public Topic {
        keywords = List.copyOf(keywords);
    }

    public boolean matches(String unit) {
        return keywords.stream().anyMatch(unit::contains);
    }
}
