package org.openita.server.survey.internal;

import java.nio.ByteBuffer;
import java.util.Optional;
import org.openita.server.agency.AgencyCode;

/**
 * Single-use IIT slip codes: 16 characters of Crockford's base 32 (no I, L, O or U to misread), printed in four
 * groups. A code holds the version of the year's key, a serial number and 40 bits of an HMAC over the fiscal year,
 * the agency, the version and the serial: nobody can make a valid code without the key, and a code of one agency or
 * year is worthless for another. Spending is recorded by serial in survey_spent_slip, whose key spends it once.
 */
final class SlipCodes {

    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final int BYTES = 10;

    /** What a well-formed code says; its signature is checked by {@link #valid}. */
    record Slip(int keyVersion, int serial, byte[] mac) {
    }

    private SlipCodes() {
    }

    static String make(byte[] secret, int year, AgencyCode agency, int keyVersion, int serial) {
        byte[] mac = Signatures.sign(secret, text(year, agency, keyVersion, serial));
        ByteBuffer b = ByteBuffer.allocate(BYTES).put((byte) keyVersion).putInt(serial).put(mac, 0, 5);
        return group(encode(b.array()));
    }

    static boolean valid(byte[] secret, int year, AgencyCode agency, Slip slip) {
        return Signatures.matches(secret, text(year, agency, slip.keyVersion(), slip.serial()), slip.mac());
    }

    /** A typed or scanned code read leniently (spaces, dashes, lower case, I/L for 1 and O for 0), if well formed. */
    static Optional<Slip> read(String typed) {
        if (typed == null || typed.length() > 40) {
            return Optional.empty();
        }
        StringBuilder clean = new StringBuilder();
        for (char c : typed.toUpperCase(java.util.Locale.ROOT).toCharArray()) {
            if (c == '-' || c == ' ') {
                continue;
            }
            clean.append(c == 'I' || c == 'L' ? '1' : c == 'O' ? '0' : c);
        }
        if (clean.length() != 16) {
            return Optional.empty();
        }
        byte[] bytes = decode(clean.toString());
        if (bytes == null) {
            return Optional.empty();
        }
        ByteBuffer b = ByteBuffer.wrap(bytes);
        int version = b.get() & 0xff;
        int serial = b.getInt();
        byte[] mac = new byte[5];
        b.get(mac);
        return serial > 0 && version > 0 ? Optional.of(new Slip(version, serial, mac)) : Optional.empty();
    }

    private static String text(int year, AgencyCode agency, int keyVersion, int serial) {
        return "slip|" + year + "|" + agency.value() + "|" + keyVersion + "|" + serial;
    }

    private static String group(String s) {
        return s.substring(0, 4) + "-" + s.substring(4, 8) + "-" + s.substring(8, 12) + "-" + s.substring(12, 16);
    }

    private static String encode(byte[] bytes) {
        StringBuilder out = new StringBuilder();
        int buffer = 0;
        int bits = 0;
        for (byte x : bytes) {
            buffer = (buffer << 8) | (x & 0xff);
            bits += 8;
            while (bits >= 5) {
                out.append(ALPHABET[(buffer >> (bits - 5)) & 31]);
                bits -= 5;
            }
        }
        return out.toString();
    }

    private static byte[] decode(String s) {
        byte[] out = new byte[BYTES];
        int buffer = 0;
        int bits = 0;
        int i = 0;
        for (char c : s.toCharArray()) {
            int v = new String(ALPHABET).indexOf(c);
            if (v < 0) {
                return null;
            }
            buffer = (buffer << 5) | v;
            bits += 5;
            if (bits >= 8) {
                out[i++] = (byte) (buffer >> (bits - 8));
                bits -= 8;
            }
        }
        return out;
    }
}
