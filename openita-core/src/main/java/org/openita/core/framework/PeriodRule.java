package org.openita.core.framework;

/** Which period the published information for an OIT item must cover. */
public enum PeriodRule {
    CURRENT_FISCAL_YEAR,
    FIRST_HALF_OF_FISCAL_YEAR,
    PREVIOUS_FISCAL_YEAR
}
