package org.openita.server.oit.internal.review;

/** An assessor's verdict on one component of an item: whether it passes, and a comment (may be empty). */
record Verdict(boolean passes, String comment) {

    /** The longest comment kept. */
    static final int MAX_COMMENT = 1000;

    Verdict {
        comment = comment == null ? "" : comment;
    }
}
