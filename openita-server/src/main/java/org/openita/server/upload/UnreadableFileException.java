package org.openita.server.upload;

import java.io.IOException;

/** A file that cannot be read at all (damaged, the wrong kind, or over a limit); says why in Thai and English. */
public class UnreadableFileException extends IOException {

    private final String th;

    public UnreadableFileException(String th, String en, Throwable cause) {
        super(en, cause);
        this.th = th;
    }

    public String th() {
        return th;
    }

    public String en() {
        return getMessage();
    }
}
