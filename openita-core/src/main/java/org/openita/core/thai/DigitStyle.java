package org.openita.core.thai;

/** Which digits to print numbers with. */
public enum DigitStyle {
    /** ๐๑๒๓๔๕๖๗๘๙, as in Thai official documents. */
    THAI,
    /** 0123456789. */
    ARABIC
}
