package org.openita.core.framework;

/** Whether a higher answer is better (POSITIVE) or worse (NEGATIVE, e.g. "a bribe was demanded"). */
public enum Direction {
    POSITIVE,
    NEGATIVE
}
