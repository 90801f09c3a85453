package org.openita.core.framework;

import java.util.Objects;

/** Where a framework entry comes from and how sure we are of it. */
public record Provenance(Confidence confidence, String source, String note) {

    public static final Provenance UNSTATED = new Provenance(Confidence.I, "not stated", null);

    public Provenance {
        Objects.requireNonNull(confidence, "confidence");
        source = source == null ? "" : source;
    }

    public boolean isProvisional() {
        return confidence.isProvisional();
    }
}
