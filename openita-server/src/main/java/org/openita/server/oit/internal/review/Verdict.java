package org.openita.server.oit.internal.review;

/** An assessor's verdict on one component of an item: whether it passes, and a comment (may be empty). */
public record Verdict(boolean passes, String comment) {

    /** The longest comment kept. */
    static final int MAX_COMMENT = 1000;

    public Verdict {
        comment = comment == null ? "" : comment;
    }
}
