package org.openita.core.scoring;

/** Where the level that stands as the result comes from. */
public enum LevelSource {
    /** Announced by the NACC and imported as given. */
    OFFICIAL,
    /** Decided by the engine under the year's rule, because no official level was given. */
    COMPUTED,
    /** Neither given nor decidable from the known figures. */
    NONE;

    /** The value written in JSON: "official", "computed", or null. */
    public String json() {
        return this == NONE ? null : name().toLowerCase(java.util.Locale.ROOT);
    }
}
