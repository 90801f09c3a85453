package org.openita.server.hostile;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;

/** Text to bytes the way a careless or hostile sender makes them, and byte-level damage. */
final class Bytes {

    private Bytes() {
    }

    /**
     * UTF-8, except that a lone surrogate is written as its three-byte (CESU-8) form, as a broken encoder would,
     * instead of being replaced by '?' as Java's encoder does.
     */
    static byte[] utf8(String s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length() + 16);
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean lone = Character.isHighSurrogate(c) ? i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))
                    : Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(s.charAt(i - 1)));
            if (lone) {
                out.writeBytes(s.substring(start, i).getBytes(StandardCharsets.UTF_8));
                out.write(0xE0 | (c >> 12));
                out.write(0x80 | ((c >> 6) & 0x3F));
                out.write(0x80 | (c & 0x3F));
                start = i + 1;
            }
        }
        out.writeBytes(s.substring(start).getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    /** Byte sequences that are not UTF-8: overlong forms, surrogates, beyond U+10FFFF, stray or missing continuation bytes, TIS-620. */
    static final List<byte[]> NOT_UTF8 = List.of(new byte[] {(byte) 0xFF}, new byte[] {(byte) 0xFE}, new byte[] {(byte) 0xC0, (byte) 0x80},
            new byte[] {(byte) 0xC1, (byte) 0xBF}, new byte[] {(byte) 0xE0, (byte) 0x80, (byte) 0x80}, new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
            new byte[] {(byte) 0xED, (byte) 0xBF, (byte) 0xBF}, new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
            new byte[] {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80}, new byte[] {(byte) 0x80}, new byte[] {(byte) 0xBF},
            new byte[] {(byte) 0xE0, (byte) 0xB8}, new byte[] {(byte) 0xA1, (byte) 0xD2});

    static String hex(byte[] b) {
        StringBuilder s = new StringBuilder();
        for (byte x : b) {
            s.append(String.format("%02X", x & 0xFF));
        }
        return s.toString();
    }

    static byte[] insert(byte[] into, int at, byte[] what) {
        byte[] out = new byte[into.length + what.length];
        System.arraycopy(into, 0, out, 0, at);
        System.arraycopy(what, 0, out, at, what.length);
        System.arraycopy(into, at, out, at + what.length, into.length - at);
        return out;
    }

    /**
     * Whether the bytes are Windows-874 text as the CSV imports accept it since issue 11 (every byte defined in the code
     * page, no NUL): judged with the JDK's own decoder, not the importer's.
     */
    static boolean windows874(byte[] bytes) {
        for (byte b : bytes) {
            if (b == 0) {
                return false;
            }
        }
        try {
            java.nio.charset.Charset.forName("x-windows-874").newDecoder()
                    .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(bytes));
            return true;
        } catch (java.nio.charset.CharacterCodingException e) {
            return false;
        }
    }

    static byte[] concat(byte[] a, byte[] b) {
        return insert(a, a.length, b);
    }

    /** A byte position that is not inside a multi-byte character of UTF-8 text (so an insertion stays where it is put). */
    static int boundary(SplittableRandom r, byte[] b) {
        int at = b.length == 0 ? 0 : r.nextInt(b.length + 1);
        while (at < b.length && (b[at] & 0xC0) == 0x80) {
            at++;
        }
        return at;
    }

    /** Re-encodes text in a charset a Thai spreadsheet may be saved in. */
    static byte[] encode(String text, Charset charset, boolean bom) {
        byte[] body = text.getBytes(charset);
        if (!bom) {
            return body;
        }
        String name = charset.name();
        byte[] mark = name.equals("UTF-16LE") ? new byte[] {(byte) 0xFF, (byte) 0xFE}
                : name.equals("UTF-16BE") || name.equals("UTF-16") ? new byte[] {(byte) 0xFE, (byte) 0xFF}
                : name.equals("UTF-32LE") ? new byte[] {(byte) 0xFF, (byte) 0xFE, 0, 0}
                : name.equals("UTF-32BE") ? new byte[] {0, 0, (byte) 0xFE, (byte) 0xFF} : new byte[0];
        if (name.equals("UTF-16")) {
            return body; // Java's UTF-16 encoder writes its own mark
        }
        return concat(mark, body);
    }

    /** Text as the importer would see it if it read the bytes as UTF-8, for finding it repeated in an answer. */
    static String lenient(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
