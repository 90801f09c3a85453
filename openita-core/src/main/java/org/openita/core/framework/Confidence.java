package org.openita.core.framework;

/**
 * How well a framework entry is supported by evidence, using the tags of the domain reference.
 * Entries resting on recall, inference or a single agency's report are provisional.
 */
public enum Confidence {
    /** Stated in the cited official or news source. */
    V(false),
    /** Secondary: a replica, dashboard or agency page that mirrors the NACC text. */
    S(false),
    /** Recalled from earlier manuals, not re-verified. */
    R(true),
    /** Inferred by the team from the evidence. */
    I(true),
    /** Seen only in one agency's published report. */
    U(true);

    private final boolean provisional;

    Confidence(boolean provisional) {
        this.provisional = provisional;
    }

    public boolean isProvisional() {
        return provisional;
    }
}
