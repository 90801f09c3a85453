package org.openita.server.framework;

import java.time.OffsetDateTime;

/**
 * One stored version of a fiscal year's framework definition: its file's version field, the SHA-256 of its text,
 * where it came from, who loaded it and when, and whether (and by whom) it is the active one. A null
 * {@code loadedBy} or {@code activatedBy} means the server itself.
 */
public record DefinitionVersion(long id, int fiscalYear, String version, String sha256, String origin,
                                OffsetDateTime loadedAt, String loadedBy, boolean active,
                                OffsetDateTime activatedAt, String activatedBy) {

    /** The first twelve characters of the SHA-256, enough to tell versions apart on a page. */
    public String shortSha() {
        return sha256.substring(0, 12);
    }
}
