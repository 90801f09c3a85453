package org.openita.core.scoring;

import org.openita.core.framework.LocalizedText;

/** Something the reader of a result must know, with a stable code. */
public record ScoreWarning(String code, LocalizedText message) {
}
