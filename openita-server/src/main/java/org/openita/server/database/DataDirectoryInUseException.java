package org.openita.server.database;

import java.nio.file.Path;

/** Another live OpenITA process holds the embedded database's data directory. */
public class DataDirectoryInUseException extends IllegalStateException {

    private final transient Path dataDirectory;

    public DataDirectoryInUseException(Path dataDirectory) {
        super("Another OpenITA server is already using the database in " + dataDirectory
                + ". Stop it first, or set openita.embedded-db.data-directory to another folder. / "
                + "มีเซิร์ฟเวอร์ OpenITA อีกตัวใช้ฐานข้อมูลในโฟลเดอร์นี้อยู่ กรุณาหยุดเซิร์ฟเวอร์นั้นก่อน หรือกำหนดโฟลเดอร์อื่น");
        this.dataDirectory = dataDirectory;
    }

    public Path dataDirectory() {
        return dataDirectory;
    }
}
