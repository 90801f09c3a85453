package org.openita.server.upload;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Counts what is read (for a progress bar) and refuses a row (a CSV record, a JSON result) longer than
 * {@link TableReader#MAX_ROW_BYTES}, line breaks aside so that blank lines count against no row. Parsers read
 * ahead, so the count may run a buffer or two ahead of the row: the limit allows for that.
 */
public final class RowLimitedStream extends FilterInputStream {

    private static final int READ_AHEAD = 32 * 1024;

    private long read;
    private long count;
    private long rowStart;
    private int lastRow;

    public RowLimitedStream(InputStream in) {
        super(in);
    }

    /** Bytes read so far. */
    public long bytesRead() {
        return read;
    }

    /** Row {@code row} ended: the next one starts its own budget. */
    public void rowEnded(int row) {
        rowStart = count;
        lastRow = row;
    }

    private void check() throws UnreadableFileException {
        if (count - rowStart > TableReader.MAX_ROW_BYTES + READ_AHEAD) {
            int kb = TableReader.MAX_ROW_BYTES / 1024;
            throw new UnreadableFileException("แถวที่ " + (lastRow + 1) + " ยาวเกิน " + kb + " KB ไฟล์นี้ไม่ใช่ตารางตามแบบฟอร์ม",
                    "row " + (lastRow + 1) + " is longer than " + kb + " KB; this is not a table in the template's shape", null);
        }
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            read++;
            count += b == '\n' || b == '\r' ? 0 : 1;
            check();
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        for (int i = 0; i < n; i++) {
            count += b[off + i] == '\n' || b[off + i] == '\r' ? 0 : 1;
        }
        read += Math.max(n, 0);
        check();
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long k = super.skip(n);
        read += k;
        count += k;
        check();
        return k;
    }
}
