package org.openita.server.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Where uploads and their working copies wait while they are read: a folder per server process under the
 * OpenITA home ({@code openita.temp-directory}, by default {@code ~/.openita/tmp}), never the system's shared
 * temporary folder. At start, the folders of processes that no longer run (a server killed mid-import) are
 * removed; the folders of other running servers on the same data are left alone.
 */
@Component
public class TempFolder {

    private static final Logger log = LoggerFactory.getLogger(TempFolder.class);

    private final Path mine;

    TempFolder(@Value("${openita.temp-directory:${openita.home:${user.home}/.openita}/tmp}") Path root) {
        try {
            Files.createDirectories(root);
            removeAbandoned(root);
            mine = Files.createDirectories(root.resolve(Long.toString(ProcessHandle.current().pid())));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the temporary folder " + root, e);
        }
    }

    /** This process's folder. */
    public Path path() {
        return mine;
    }

    /** A new empty file in this process's folder; the caller deletes it when done. */
    public Path newFile(String prefix, String suffix) throws IOException {
        return Files.createTempFile(mine, prefix, suffix);
    }

    private static void removeAbandoned(Path root) throws IOException {
        try (DirectoryStream<Path> folders = Files.newDirectoryStream(root)) {
            for (Path folder : folders) {
                String name = folder.getFileName().toString();
                boolean running = !name.isEmpty() && name.length() < 19 && name.chars().allMatch(Character::isDigit)
                        && (Long.parseLong(name) == ProcessHandle.current().pid()
                        || ProcessHandle.of(Long.parseLong(name)).map(ProcessHandle::isAlive).orElse(false));
                if (!running) {
                    deleteTree(folder);
                }
            }
        }
    }

    private static void deleteTree(Path folder) {
        try (Stream<Path> all = Files.walk(folder)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    log.warn("could not remove the abandoned temporary file {}", p, e);
                }
            });
            log.info("Removed the temporary files of a server that is no longer running: {}", folder);
        } catch (IOException e) {
            log.warn("could not remove the abandoned temporary folder {}", folder, e);
        }
    }
}
