package org.openita.server.upload;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.apache.commons.io.input.BoundedInputStream;
import org.openita.server.web.TempFolder;

/** Copies of uploads, taken while they arrive and refused as soon as they pass their limit. */
public final class Uploads {

    private Uploads() {
    }

    /**
     * Copies {@code upload} to a new file in {@code folder}; the caller deletes it when done.
     *
     * @throws FileTooLargeException once more than {@code maxBytes} have arrived (the partial copy is removed)
     */
    public static Path copy(InputStream upload, TempFolder folder, String prefix, String suffix, long maxBytes) throws IOException {
        Path tmp = folder.newFile(prefix, suffix);
        try (InputStream limited = BoundedInputStream.builder().setInputStream(upload).setMaxCount(maxBytes + 1).get()) {
            long n = Files.copy(limited, tmp, StandardCopyOption.REPLACE_EXISTING);
            if (n > maxBytes) {
                throw new FileTooLargeException(maxBytes);
            }
            return tmp;
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
    }
}
