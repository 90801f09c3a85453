package org.openita.server.database.internal;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.Properties;
import org.openita.server.database.OwnerOnlyFiles;

/**
 * The passwords of the embedded PostgreSQL: one for the superuser {@code postgres}, used only to set the
 * database up at start, and one for the application role {@code openita}. Generated at random on first start
 * and kept in {@value #FILE_NAME} in the data folder, readable by its owner only.
 */
record DatabaseCredentials(String superuserPassword, String applicationPassword) {

    static final String FILE_NAME = "openita-credentials.properties";
    private static final String SUPERUSER_KEY = "postgres.password";
    private static final String APPLICATION_KEY = "openita.password";
    private static final SecureRandom RANDOM = new SecureRandom();

    static Path file(Path dataDirectory) {
        return dataDirectory.resolve(FILE_NAME);
    }

    static DatabaseCredentials generate() {
        return new DatabaseCredentials(randomPassword(), randomPassword());
    }

    /** The credentials kept in the data folder, if there are any; the file is made owner-only again if it was not. */
    static Optional<DatabaseCredentials> read(Path dataDirectory) throws IOException {
        Path file = file(dataDirectory);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        OwnerOnlyFiles.restrictFile(file);
        Properties p = new Properties();
        p.load(new StringReader(Files.readString(file, StandardCharsets.UTF_8)));
        String superuser = p.getProperty(SUPERUSER_KEY, "");
        String application = p.getProperty(APPLICATION_KEY, "");
        if (superuser.isBlank() || application.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new DatabaseCredentials(superuser, application));
    }

    void write(Path dataDirectory) throws IOException {
        OwnerOnlyFiles.write(file(dataDirectory), """
                # Passwords of OpenITA's embedded database, generated at random on first start. Keep this file private.
                # รหัสผ่านของฐานข้อมูลฝังในตัวของ OpenITA สร้างแบบสุ่มเมื่อเริ่มครั้งแรก ห้ามเปิดเผยไฟล์นี้
                # %s: superuser, used only to set the database up at start / ผู้ดูแลฐานข้อมูล ใช้ตอนเริ่มระบบเท่านั้น
                # %s: the application's role / บทบาทที่โปรแกรมใช้งาน
                %s=%s
                %s=%s
                """.formatted(SUPERUSER_KEY, APPLICATION_KEY, SUPERUSER_KEY, superuserPassword, APPLICATION_KEY, applicationPassword));
    }

    private static String randomPassword() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @Override
    public String toString() {
        return "DatabaseCredentials[****]";
    }
}
