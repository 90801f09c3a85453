package org.openita.server.upload;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The text encodings a CSV upload may be in, decided from its bytes: UTF-8 (with or without a byte-order mark), or
 * else Windows-874, the Thai "ANSI" code page that Thai Excel saves a CSV in (a superset of TIS-620). UTF-8 is tried
 * first and strictly: Thai text in Windows-874 is never valid UTF-8 (its Thai bytes 0xA1-0xFB would each have to
 * start a multi-byte sequence), while UTF-8 Thai is never valid Windows-874 in practice (most of its continuation
 * bytes are undefined there). A file that is neither is refused with a message that points to the Excel template:
 * bytes undefined in Windows-874 (0x81-0x84, 0x86-0x90, 0x98-0x9F, 0xDB-0xDE, 0xFC-0xFF), NUL bytes (UTF-16 "Unicode
 * text" has them in its first line), and damaged UTF-8: bytes that are not UTF-8 after a UTF-8 byte-order mark or
 * after Thai text read as UTF-8, which as Windows-874 would import as mojibake.
 */
public enum TextEncoding {
    UTF_8(StandardCharsets.UTF_8),
    WINDOWS_874(Charset.forName("x-windows-874"));

    private static final int BUFFER = 64 * 1024;

    private final Charset charset;

    TextEncoding(Charset charset) {
        this.charset = charset;
    }

    /** The encoding's IANA name, as reports and the API give it: {@code UTF-8} or {@code windows-874}. */
    public String label() {
        return this == UTF_8 ? "UTF-8" : "windows-874";
    }

    /** A decoder that refuses bytes the encoding does not define instead of reading them as U+FFFD. */
    CharsetDecoder strictDecoder() {
        return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    /** A strict reader of {@code in} in this encoding; for UTF-8 a leading byte-order mark is skipped. */
    public Reader reader(InputStream in) throws IOException {
        if (this == UTF_8) {
            return TableReader.strictUtf8(in);
        }
        return new InputStreamReader(in, strictDecoder());
    }

    /**
     * Decides the encoding of {@code file} from its bytes, streaming through it (memory stays at a buffer's worth
     * whatever its size; an upload is already limited in size when it is copied).
     *
     * @throws UnreadableFileException when the file is in neither encoding
     */
    public static TextEncoding detect(Path file) throws IOException {
        Scan bytes = Scan.of(file);
        if (bytes.nulInFirstLine()) {
            throw neither("มีไบต์ NUL ในแถวแรก", "NUL bytes in the first line", null);
        }
        Decoded utf8 = decode(file, UTF_8.strictDecoder(), bytes.bom ? 3 : 0);
        if (utf8.error < 0) {
            return UTF_8;
        }
        if (bytes.bom || utf8.thaiBeforeError) {
            // text that began as UTF-8 (a byte-order mark, or Thai read as UTF-8) is damaged UTF-8, not Windows-874:
            // read as Windows-874 it would import as mojibake
            throw neither("ขึ้นต้นเป็น UTF-8 แต่ไบต์ที่ " + (utf8.error + 1) + " ไม่ใช่ UTF-8",
                    "it starts as UTF-8, but byte " + (utf8.error + 1) + " is not UTF-8", null);
        }
        if (bytes.firstNul >= 0) {
            throw neither("มีไบต์ NUL ที่ไบต์ที่ " + (bytes.firstNul + 1), "a NUL byte at byte " + (bytes.firstNul + 1), null);
        }
        Decoded cp874 = decode(file, WINDOWS_874.strictDecoder(), 0);
        if (cp874.error < 0) {
            return WINDOWS_874;
        }
        String at = (cp874.error + 1) + " (0x" + hex(file, cp874.error) + ")";
        throw neither("ไบต์ที่ " + at + " ไม่มีความหมายทั้งใน UTF-8 และ Windows-874", "byte " + at + " means nothing in UTF-8 or Windows-874", null);
    }

    /**
     * The reason for a CSV file in neither encoding, with {@code whereTh}/{@code whereEn} saying what gave it away;
     * it points to the Excel template.
     */
    public static UnreadableFileException neither(String whereTh, String whereEn, Throwable cause) {
        return new UnreadableFileException("อ่านไฟล์ CSV นี้ไม่ได้ เพราะไม่ได้บันทึกเป็นข้อความ UTF-8 หรือ Windows-874 (TIS-620) แบบที่ Excel ภาษาไทยบันทึก"
                + " (" + whereTh + " ไฟล์อาจบันทึกเป็น \"Unicode Text\" หรือเสียหาย) ให้ดาวน์โหลดแบบฟอร์ม Excel (.xlsx) ของระบบ กรอกข้อมูลแล้วอัปโหลดไฟล์ .xlsx"
                + " โดยตรง หรือบันทึกใน Excel เป็น \"CSV UTF-8 (Comma delimited)\" แล้วนำเข้าอีกครั้ง",
                "this CSV file cannot be read: it is neither UTF-8 nor Windows-874 (TIS-620) text as Thai Excel saves it (" + whereEn
                        + "; it may have been saved as \"Unicode Text\", or be damaged). Download the Excel template (.xlsx), fill it in and upload"
                        + " the .xlsx itself, or save it in Excel as \"CSV UTF-8 (Comma delimited)\" and import it again", cause);
    }

    /**
     * How far {@code decoder} reads the file from {@code start} on.
     *
     * @param error the offset of the first byte it refuses, or -1 when it reads the whole file
     * @param thaiBeforeError whether it read a Thai character (U+0E00-U+0E7F) before that
     */
    private record Decoded(long error, boolean thaiBeforeError) {
    }

    private static Decoded decode(Path file, CharsetDecoder decoder, long start) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            in.skipNBytes(start);
            ByteBuffer bytes = ByteBuffer.allocate(BUFFER);
            CharBuffer chars = CharBuffer.allocate(BUFFER);
            long consumed = start;
            boolean thai = false;
            boolean end = false;
            while (!end) {
                int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
                end = n < 0;
                if (n > 0) {
                    bytes.position(bytes.position() + n);
                }
                bytes.flip();
                while (true) {
                    CoderResult r = decoder.decode(bytes, chars, end);
                    thai |= hasThai(chars);
                    chars.clear();
                    if (r.isError()) {
                        return new Decoded(consumed + bytes.position(), thai);
                    }
                    if (r.isUnderflow()) {
                        break;
                    }
                }
                consumed += bytes.position();
                bytes.compact();
            }
            return new Decoded(decoder.flush(chars).isError() ? consumed : -1, thai);
        }
    }

    private static boolean hasThai(CharBuffer written) {
        for (int i = 0; i < written.position(); i++) {
            char c = written.get(i);
            if (c >= '\u0E00' && c <= '\u0E7F') {
                return true;
            }
        }
        return false;
    }

    private static String hex(Path file, long offset) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            in.skipNBytes(offset);
            return String.format(Locale.ROOT, "%02X", in.read());
        }
    }

    /** What one pass over the raw bytes shows: a UTF-8 byte-order mark, and where the first NUL and line feed are. */
    private record Scan(boolean bom, long firstNul, long firstLineFeed) {

        /**
         * A NUL in the first line, or just after its line feed, where UTF-16 and UTF-32 put theirs: a CSV written as
         * text has none, so the file is not one.
         */
        boolean nulInFirstLine() {
            return firstNul >= 0 && (firstLineFeed < 0 || firstNul <= firstLineFeed + 3);
        }

        static Scan of(Path file) throws IOException {
            try (InputStream in = Files.newInputStream(file)) {
                byte[] head = in.readNBytes(3);
                boolean bom = head.length == 3 && (head[0] & 0xff) == 0xEF && (head[1] & 0xff) == 0xBB && (head[2] & 0xff) == 0xBF;
                long firstNul = -1;
                long firstLineFeed = -1;
                long offset = 0;
                byte[] buffer = head;
                int n = head.length;
                while (n > 0 && firstNul < 0) {
                    for (int i = 0; i < n && firstNul < 0; i++) {
                        if (buffer[i] == 0) {
                            firstNul = offset + i;
                        } else if (buffer[i] == '\n' && firstLineFeed < 0) {
                            firstLineFeed = offset + i;
                        }
                    }
                    offset += n;
                    buffer = buffer.length == BUFFER ? buffer : new byte[BUFFER];
                    n = in.read(buffer);
                }
                return new Scan(bom, firstNul, firstLineFeed);
            }
        }
    }
}
