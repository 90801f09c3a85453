package org.openita.server.database.internal;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Says in plain words, instead of a stack trace, that the embedded database has no build for this computer. */
class UnsupportedPlatformFailureAnalyzer extends AbstractFailureAnalyzer<PostgresPlatform.UnsupportedPlatformException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, PostgresPlatform.UnsupportedPlatformException cause) {
        return new FailureAnalysis(cause.getMessage().replace(" / ", "\n"),
                "Run OpenITA on a supported computer, or point it at an external PostgreSQL:"
                        + " OPENITA_DB_URL=jdbc:postgresql://host:5432/openita with OPENITA_DB_USER and OPENITA_DB_PASSWORD.\n"
                        + "เปิด OpenITA บนเครื่องที่รองรับ หรือใช้ PostgreSQL ภายนอกโดยตั้งค่า OPENITA_DB_URL=jdbc:postgresql://host:5432/openita"
                        + " พร้อม OPENITA_DB_USER และ OPENITA_DB_PASSWORD",
                cause);
    }
}
