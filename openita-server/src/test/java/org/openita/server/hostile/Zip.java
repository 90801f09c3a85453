package org.openita.server.hostile;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * A ZIP writer that does what it is told, where java.util.zip would refuse: the same name twice, a wrong CRC or
 * size, an encryption flag, a compression method nobody supports.
 */
final class Zip {

    /** One entry as written. */
    static final class Entry {
        final String name;
        final byte[] data;
        boolean stored;
        Long crc;
        Integer method;
        int flags;
        Long declaredSize;
        /** The entry's data already deflated (with crc and declaredSize set), for large parts made once and reused. */
        byte[] deflated;

        Entry(String name, byte[] data) {
            this.name = name;
            this.data = data;
        }
    }

    private final List<Entry> entries = new ArrayList<>();

    Entry add(String name, byte[] data) {
        Entry e = new Entry(name, data);
        entries.add(e);
        return e;
    }

    List<Entry> entries() {
        return entries;
    }

    byte[] bytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream central = new ByteArrayOutputStream();
        for (Entry e : entries) {
            byte[] name = e.name.getBytes(StandardCharsets.UTF_8);
            CRC32 crc = new CRC32();
            if (e.deflated == null) {
                crc.update(e.data);
            }
            byte[] body = e.deflated != null ? e.deflated : e.stored ? e.data : deflate(e.data);
            int method = e.method != null ? e.method : e.stored ? 0 : 8;
            long crcValue = e.crc != null ? e.crc : crc.getValue();
            long size = e.declaredSize != null ? e.declaredSize : e.data.length;
            int offset = out.size();
            int flags = e.flags | 0x800; // names in UTF-8
            le32(out, 0x04034b50);
            le16(out, 20);
            le16(out, flags);
            le16(out, method);
            le32(out, 0); // time and date
            le32(out, (int) crcValue);
            le32(out, body.length);
            le32(out, (int) size);
            le16(out, name.length);
            le16(out, 0);
            out.writeBytes(name);
            out.writeBytes(body);

            le32(central, 0x02014b50);
            le16(central, 20);
            le16(central, 20);
            le16(central, flags);
            le16(central, method);
            le32(central, 0);
            le32(central, (int) crcValue);
            le32(central, body.length);
            le32(central, (int) size);
            le16(central, name.length);
            le16(central, 0);
            le16(central, 0);
            le16(central, 0);
            le16(central, 0);
            le32(central, 0);
            le32(central, offset);
            central.writeBytes(name);
        }
        int start = out.size();
        out.writeBytes(central.toByteArray());
        le32(out, 0x06054b50);
        le16(out, 0);
        le16(out, 0);
        le16(out, entries.size());
        le16(out, entries.size());
        le32(out, central.size());
        le32(out, start);
        le16(out, 0);
        return out.toByteArray();
    }

    static byte[] deflate(byte[] data) {
        Deflater d = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        d.setInput(data);
        d.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, data.length / 4));
        byte[] buf = new byte[64 * 1024];
        while (!d.finished()) {
            int n = d.deflate(buf);
            out.write(buf, 0, n);
        }
        d.end();
        return out.toByteArray();
    }

    private static void le16(ByteArrayOutputStream out, int v) {
        out.write(v & 0xFF);
        out.write((v >> 8) & 0xFF);
    }

    private static void le32(ByteArrayOutputStream out, int v) {
        le16(out, v & 0xFFFF);
        le16(out, (v >>> 16) & 0xFFFF);
    }
}
