package org.openita.server.database.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The class path (and so the executable jar, which bundles the same dependencies) holds exactly one PostgreSQL
 * archive per supported computer, and the server program inside each is built for that computer's processor, read
 * from the program's own header: ELF for Linux, PE for Windows, a universal Mach-O for macOS. Unpacks each archive
 * as a stream, keeping only that header (5 to 30 seconds each on a busy 2-core machine).
 */
class PostgresArchivesTest {

    private static final int ELF_X86_64 = 62;
    private static final int ELF_AARCH64 = 183;
    private static final int PE_AMD64 = 0x8664;
    private static final int MACHO_X86_64 = 0x01000007;
    private static final int MACHO_ARM64 = 0x0100000C;

    @ParameterizedTest(name = "{0} / {1}")
    @CsvSource({
            "Windows 11, amd64",
            "Mac OS X,   x86_64",
            "Mac OS X,   aarch64",
            "Linux,      amd64",
            "Linux,      aarch64",
    })
    void theArchiveChosenForEachComputerIsOnTheClassPathOnceAndHoldsAServerForItsProcessor(String osName, String osArch)
            throws IOException {
        PostgresPlatform platform = PostgresPlatform.of(osName, osArch);
        List<URL> copies = Collections.list(getClass().getClassLoader().getResources(platform.archive()));
        assertThat(copies).hasSize(1);
        String program = platform.system().equals("windows") ? "bin/postgres.exe" : "bin/postgres";
        byte[] header = header(platform, program);
        switch (platform.system()) {
            case "linux" -> {
                assertThat(new String(header, 1, 3, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("ELF");
                assertThat(header[4]).as("64-bit").isEqualTo((byte) 2);
                int machine = ByteBuffer.wrap(header, 18, 2).order(ByteOrder.LITTLE_ENDIAN).getShort() & 0xffff;
                assertThat(machine).isEqualTo(platform.architecture().equals("x86_64") ? ELF_X86_64 : ELF_AARCH64);
            }
            case "windows" -> {
                assertThat(new String(header, 0, 2, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("MZ");
                int pe = ByteBuffer.wrap(header, 0x3c, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
                assertThat(new String(header, pe, 4, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("PE\0\0");
                assertThat(ByteBuffer.wrap(header, pe + 4, 2).order(ByteOrder.LITTLE_ENDIAN).getShort() & 0xffff).isEqualTo(PE_AMD64);
            }
            case "macos" -> assertThat(universalSlices(header)).contains(
                    platform.architecture().equals("x86_64") ? MACHO_X86_64 : MACHO_ARM64);
            default -> throw new AssertionError(platform);
        }
    }

    @org.junit.jupiter.api.Test
    void theJarCarriesNoArchiveItDoesNotUse() throws IOException {
        // zonky's other artifacts (Alpine, 32-bit, the duplicate macOS archive) would only make the jar larger
        for (String unused : List.of("postgres-darwin-arm_64.txz", "postgres-linux-x86_64-alpine.txz", "postgres-linux-x86_32.txz")) {
            assertThat(Collections.list(getClass().getClassLoader().getResources(unused))).as(unused).isEmpty();
        }
        for (String archive : PostgresPlatform.ARCHIVES) {
            assertThat(Collections.list(getClass().getClassLoader().getResources(archive))).as(archive).hasSize(1);
        }
    }

    /** Headers read so far by archive: the macOS archive (the largest) serves two cases and is unpacked once. */
    private static final java.util.Map<String, byte[]> HEADERS = new java.util.concurrent.ConcurrentHashMap<>();

    /** The first 4 KB of {@code program} in the platform's archive. */
    private static byte[] header(PostgresPlatform platform, String program) throws IOException {
        byte[] known = HEADERS.get(platform.archive());
        if (known == null) {
            known = unpackHeader(platform, program);
            HEADERS.put(platform.archive(), known);
        }
        return known;
    }

    private static byte[] unpackHeader(PostgresPlatform platform, String program) throws IOException {
        try (InputStream in = platform.open();
             TarArchiveInputStream tar = new TarArchiveInputStream(new XZCompressorInputStream(in))) {
            for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
                if (e.getName().equals(program) || e.getName().equals("./" + program)) {
                    return tar.readNBytes(4096);
                }
            }
        }
        throw new AssertionError(program + " is not in " + platform.archive());
    }

    /** The CPU types of a universal (fat) Mach-O file's slices. */
    private static List<Integer> universalSlices(byte[] header) {
        ByteBuffer b = ByteBuffer.wrap(header).order(ByteOrder.BIG_ENDIAN);
        assertThat(b.getInt(0)).as("universal Mach-O magic").isEqualTo(0xCAFEBABE);
        int count = b.getInt(4);
        List<Integer> types = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            types.add(b.getInt(8 + i * 20));
        }
        return types;
    }
}
