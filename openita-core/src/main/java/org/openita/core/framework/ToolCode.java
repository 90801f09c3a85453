package org.openita.core.framework;

/** The three assessment tools. */
public enum ToolCode {
    /** Internal Integrity and Transparency Assessment: staff perception survey. */
    IIT,
    /** External Integrity and Transparency Assessment: service users' perception survey. */
    EIT,
    /** Open Integrity and Transparency Assessment: published documents checked by assessors. */
    OIT
}
