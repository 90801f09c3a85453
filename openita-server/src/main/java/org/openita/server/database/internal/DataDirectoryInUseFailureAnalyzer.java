package org.openita.server.database.internal;

import org.openita.server.database.DataDirectoryInUseException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Explains a refused start in plain words instead of a stack trace. */
class DataDirectoryInUseFailureAnalyzer extends AbstractFailureAnalyzer<DataDirectoryInUseException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, DataDirectoryInUseException cause) {
        return new FailureAnalysis(
                "Another OpenITA server is already running with its database in " + cause.dataDirectory() + ".\n"
                        + "มีเซิร์ฟเวอร์ OpenITA อีกตัวกำลังทำงานและใช้ฐานข้อมูลในโฟลเดอร์ " + cause.dataDirectory(),
                "Use the server that is already running (http://localhost:8080), or stop it first. To run a second,"
                        + " separate OpenITA, give it its own folder: OPENITA_HOME=/another/folder.\n"
                        + "ใช้เซิร์ฟเวอร์ที่เปิดอยู่แล้ว หรือปิดเซิร์ฟเวอร์นั้นก่อน หากต้องการเปิดอีกชุดหนึ่ง ให้กำหนดโฟลเดอร์ข้อมูลแยก เช่น OPENITA_HOME=/another/folder",
                cause);
    }
}
