package org.openita.server.cycle;

/** The steps of a yearly assessment, in calendar order. */
public enum Phase {
    REGISTRATION,
    DATA_ENTRY,
    SURVEY_COLLECTION,
    OIT_SUBMISSION,
    OIT_REVIEW,
    CLARIFICATION,
    CONFIRMATION,
    RESULTS_ANNOUNCED
}
