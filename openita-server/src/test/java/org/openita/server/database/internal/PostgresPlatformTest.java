package org.openita.server.database.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The archive start-up unpacks is the one built for the computer the JVM reports, and no other computer gets one. */
class PostgresPlatformTest {

    @ParameterizedTest(name = "{0} / {1} -> {2}")
    @CsvSource({
            // what JVMs report on each computer the embedded database runs on
            "Windows 11,           amd64,   postgres-windows-x86_64.txz, true",
            "Windows 10,           amd64,   postgres-windows-x86_64.txz, true",
            "Windows Server 2022,  amd64,   postgres-windows-x86_64.txz, true",
            "Mac OS X,             x86_64,  postgres-darwin-x86_64.txz,  false",
            "Mac OS X,             aarch64, postgres-darwin-x86_64.txz,  false",
            "Linux,                amd64,   postgres-linux-x86_64.txz,   false",
            "Linux,                aarch64, postgres-linux-arm_64.txz,   false",
    })
    void eachSupportedComputerGetsItsOwnArchive(String osName, String osArch, String archive, boolean loopbackOnly) {
        PostgresPlatform platform = PostgresPlatform.of(osName, osArch);
        assertThat(platform.archive()).isEqualTo(archive);
        assertThat(platform.loopbackOnly()).isEqualTo(loopbackOnly);
        assertThat(PostgresPlatform.ARCHIVES).contains(archive);
    }

    @ParameterizedTest(name = "{0} / {1} is refused")
    @CsvSource({
            "Windows 11, aarch64",
            "Windows 10, x86",
            "Linux,      arm",
            "Linux,      ppc64le",
            "Linux,      s390x",
            "Linux,      i386",
            "FreeBSD,    amd64",
            "SunOS,      sparcv9",
            "AIX,        ppc64",
    })
    void anyOtherComputerIsToldInThaiAndEnglishWhatRunsAndWhatToDoInstead(String osName, String osArch) {
        assertThatThrownBy(() -> PostgresPlatform.of(osName, osArch))
                .isInstanceOf(PostgresPlatform.UnsupportedPlatformException.class)
                .hasMessageContaining("ยังไม่รองรับเครื่องนี้ (" + osName + " " + osArch + ")")
                .hasMessageContaining("does not run on this computer (" + osName + " " + osArch + ")")
                .hasMessageContaining("Windows x86-64").hasMessageContaining("OPENITA_DB_URL");
    }

    @org.junit.jupiter.api.Test
    void aStartOnAnUnsupportedComputerEndsWithTheReasonAndTheWayOutNotAStackTrace() {
        var failure = new IllegalStateException("Error creating bean with name 'embeddedDatabase'",
                new PostgresPlatform.UnsupportedPlatformException("Linux", "ppc64le"));
        var analysis = new UnsupportedPlatformFailureAnalyzer().analyze(failure);
        assertThat(analysis).isNotNull();
        assertThat(analysis.getDescription()).contains("ยังไม่รองรับเครื่องนี้ (Linux ppc64le)").contains("does not run on this computer (Linux ppc64le)");
        assertThat(analysis.getAction()).contains("OPENITA_DB_URL").contains("PostgreSQL ภายนอก");
    }

    @org.junit.jupiter.api.Test
    void thisComputerIsOneOfThem() {
        PostgresPlatform here = PostgresPlatform.current();
        assertThat(here.archive()).isEqualTo(PostgresPlatform.of(System.getProperty("os.name"), System.getProperty("os.arch")).archive());
    }
}
