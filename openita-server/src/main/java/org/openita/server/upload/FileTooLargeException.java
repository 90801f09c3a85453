package org.openita.server.upload;

/** An upload larger than its limit; nothing of it was kept. */
public final class FileTooLargeException extends UnreadableFileException {

    private final long limit;

    FileTooLargeException(long limit) {
        super("ไฟล์ใหญ่เกิน " + limit / (1024 * 1024) + " MB", "the file is larger than " + limit / (1024 * 1024) + " MB", null);
        this.limit = limit;
    }

    /** The limit, in bytes. */
    public long limit() {
        return limit;
    }
}
