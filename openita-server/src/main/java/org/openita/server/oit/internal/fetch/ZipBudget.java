package org.openita.server.oit.internal.fetch;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Before POI opens a DOCX or XLSX: the parts, inflated as they really are (not as the zip says), must stay within a
 * budget, so a small file that inflates to gigabytes is never handed to POI. POI's own zip-bomb checks stay on too.
 */
final class ZipBudget {

    static final long MAX_INFLATED = 200L << 20;
    static final int MAX_PARTS = 1000;

    private ZipBudget() {
    }

    static boolean within(byte[] zip) {
        return within(zip, MAX_INFLATED);
    }

    static boolean within(byte[] zip, long maxInflated) {
        long total = 0;
        int parts = 0;
        byte[] buffer = new byte[64 * 1024];
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                if (++parts > MAX_PARTS) {
                    return false;
                }
                for (int n; (n = read(in, buffer)) > 0; ) {
                    total += n;
                    if (total > maxInflated) {
                        return false;
                    }
                }
            }
            return parts > 0;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }

    private static int read(InputStream in, byte[] buffer) throws IOException {
        return in.read(buffer);
    }
}
