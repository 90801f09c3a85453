package org.openita.server.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The encoding of a CSV is decided from its bytes: UTF-8 (BOM or not) first, else Windows-874 as Thai Excel writes
 * it; anything else is refused in Thai and English with the way out. The Windows-874 bytes are written here with
 * Java's own {@code x-windows-874} encoder, and read back through {@link TableReader} as the importers read them.
 */
class TextEncodingTest {

    static final Charset CP874 = Charset.forName("x-windows-874");
    static final String TABLE = "รหัสหน่วยงาน,ชื่อหน่วยงาน,ปีงบประมาณ\r\nENC-01,องค์การบริหารส่วนตำบลหนองบัวใหญ่,2569\r\n"
            + "ENC-02,เทศบาลตำบลศรีเนตร “ทดสอบ” – €100…,2569\r\n";

    @TempDir
    Path dir;

    @Test
    void thaiExcelsWindows874IsReadAsWindows874WithEveryCharacterIntact() throws IOException {
        byte[] bytes = TABLE.getBytes(CP874);
        assertThat(bytes).hasSize(TABLE.length()); // one byte per character, as the code page has it
        assertThat(TextEncoding.detect(file(bytes))).isEqualTo(TextEncoding.WINDOWS_874);
        assertThat(read(bytes)).containsExactly(
                "รหัสหน่วยงาน|ชื่อหน่วยงาน|ปีงบประมาณ",
                "ENC-01|องค์การบริหารส่วนตำบลหนองบัวใหญ่|2569",
                "ENC-02|เทศบาลตำบลศรีเนตร “ทดสอบ” – €100…|2569");
    }

    @Test
    void utf8WithAndWithoutByteOrderMarkIsReadAsUtf8() throws IOException {
        byte[] plain = TABLE.getBytes(StandardCharsets.UTF_8);
        byte[] bom = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, plain);
        for (byte[] bytes : List.of(plain, bom)) {
            assertThat(TextEncoding.detect(file(bytes))).isEqualTo(TextEncoding.UTF_8);
            assertThat(read(bytes)).startsWith("รหัสหน่วยงาน|ชื่อหน่วยงาน|ปีงบประมาณ")
                    .contains("ENC-02|เทศบาลตำบลศรีเนตร “ทดสอบ” – €100…|2569");
        }
        assertThat(TextEncoding.detect(file("code,name\nA-1,Office\n".getBytes(StandardCharsets.US_ASCII)))).isEqualTo(TextEncoding.UTF_8);
        assertThat(TextEncoding.detect(file(new byte[0]))).isEqualTo(TextEncoding.UTF_8);
    }

    @Test
    void bytesUndefinedInWindows874AreRefusedNamingTheByteAndTheTemplate() throws IOException {
        byte[] good = TABLE.getBytes(CP874);
        for (int undefined : new int[] {0x81, 0x8F, 0x9F, 0xDB, 0xDE, 0xFC, 0xFF}) {
            byte[] bad = concat(concat(java.util.Arrays.copyOf(good, 40), new byte[] {(byte) undefined}), java.util.Arrays.copyOfRange(good, 40, good.length));
            String hex = String.format("0x%02X", undefined);
            assertThatThrownBy(() -> TextEncoding.detect(file(bad))).as(hex)
                    .isInstanceOf(UnreadableFileException.class)
                    .hasMessageContaining("neither UTF-8 nor Windows-874").hasMessageContaining("byte 41 (" + hex + ")")
                    .hasMessageContaining("Excel template (.xlsx)")
                    .satisfies(e -> assertThat(((UnreadableFileException) e).th()).contains("ไบต์ที่ 41 (" + hex + ")")
                            .contains("แบบฟอร์ม Excel (.xlsx)").contains("Windows-874 (TIS-620)"));
            assertThatThrownBy(() -> read(bad)).isInstanceOf(UnreadableFileException.class).hasMessageContaining("neither UTF-8 nor Windows-874");
        }
    }

    @Test
    void unicodeTextFromExcelAndOtherFilesWithNulBytesAreRefused() {
        for (String cs : List.of("UTF-16LE", "UTF-16BE", "UTF-16", "UTF-32LE")) {
            byte[] bytes = TABLE.getBytes(Charset.forName(cs));
            assertThatThrownBy(() -> TextEncoding.detect(file(bytes))).as(cs).isInstanceOf(UnreadableFileException.class)
                    .hasMessageContaining("neither UTF-8 nor Windows-874");
        }
        // Excel's "Unicode Text": a UTF-16LE byte-order mark, tabs; and a one-column file whose only line feed comes before its NUL
        byte[] unicodeText = concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, "รหัสหน่วยงาน\tปี\r\nENC-01\t2569\r\n".getBytes(StandardCharsets.UTF_16LE));
        byte[] oneColumn = "รหัส\nENC-01\n".getBytes(StandardCharsets.UTF_16LE);
        for (byte[] bytes : List.of(unicodeText, oneColumn)) {
            assertThatThrownBy(() -> TextEncoding.detect(file(bytes))).isInstanceOf(UnreadableFileException.class);
        }
        // Windows-874 with a NUL in a later line
        byte[] cp874 = concat(TABLE.getBytes(CP874), "ENC-03,ก\0ข,2569\r\n".getBytes(CP874));
        assertThatThrownBy(() -> TextEncoding.detect(file(cp874))).isInstanceOf(UnreadableFileException.class).hasMessageContaining("NUL");
    }

    @Test
    void damagedUtf8IsRefusedRatherThanReadAsWindows874Mojibake() throws IOException {
        // "สามารถ" in UTF-8 uses only bytes Windows-874 defines (E0 B8 AA ... reads as เธช...), then a stray byte
        byte[] damaged = concat("รหัสหน่วยงาน,ชื่อ\nENC-01,สามารถ".getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xA1, '\n'});
        assertThatThrownBy(() -> TextEncoding.detect(file(damaged))).isInstanceOf(UnreadableFileException.class)
                .hasMessageContaining("starts as UTF-8");
        byte[] cut = java.util.Arrays.copyOf("code,name\nA-1,สาม".getBytes(StandardCharsets.UTF_8), 22);
        assertThatThrownBy(() -> TextEncoding.detect(file(cut))).isInstanceOf(UnreadableFileException.class);
        byte[] bomThenCp874 = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, TABLE.getBytes(CP874));
        assertThatThrownBy(() -> TextEncoding.detect(file(bomThenCp874))).isInstanceOf(UnreadableFileException.class)
                .hasMessageContaining("starts as UTF-8");
    }

    @Test
    void aLargeWindows874FileIsDecidedWithoutReadingItIntoMemoryAndAUtf8ErrorFarInIsFound() throws IOException {
        StringBuilder big = new StringBuilder("รหัสหน่วยงาน,ชื่อหน่วยงาน\r\n");
        for (int i = 0; i < 40_000; i++) {
            big.append("ENC-").append(i).append(",องค์การบริหารส่วนตำบลทดสอบที่ ").append(i).append("\r\n");
        }
        byte[] cp874 = big.toString().getBytes(CP874);
        assertThat(TextEncoding.detect(file(cp874))).isEqualTo(TextEncoding.WINDOWS_874);
        byte[] utf8 = big.toString().getBytes(StandardCharsets.UTF_8);
        byte[] lateDamage = concat(utf8, new byte[] {(byte) 0xE0, (byte) 0xB8}); // cut inside the last character, megabytes in
        assertThatThrownBy(() -> TextEncoding.detect(file(lateDamage))).isInstanceOf(UnreadableFileException.class)
                .hasMessageContaining("byte " + (utf8.length + 1) + " is not UTF-8");
    }

    private Path file(byte[] bytes) throws IOException {
        Path f = Files.createTempFile(dir, "enc-", ".csv");
        Files.write(f, bytes);
        return f;
    }

    private List<String> read(byte[] bytes) throws IOException {
        List<String> rows = new ArrayList<>();
        new TableReader(file(bytes), TableReader.Kind.CSV).read(new TableReader.Sink() {
            @Override
            public void header(List<String> columns) {
                rows.add(String.join("|", columns));
            }

            @Override
            public void row(int number, List<String> cells) {
                rows.add(String.join("|", cells));
            }
        });
        return rows;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
