package org.openita.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Working copies left by a killed server are removed at the next start; those of running servers stay. */
class TempFolderTest {

    @Test
    void foldersOfProcessesThatNoLongerRunAreRemovedAtStart(@TempDir Path root) throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Path abandoned = Files.createDirectories(root.resolve(Long.toString(gone.pid())));
        Files.writeString(abandoned.resolve("results-1.csv"), "half an upload");
        Path stray = Files.createDirectories(root.resolve("not-a-process"));
        Path running = Files.createDirectories(root.resolve(Long.toString(ProcessHandle.current().parent().orElseThrow().pid())));
        Files.writeString(running.resolve("results-2.csv"), "another server's upload");

        TempFolder folder = new TempFolder(root);

        assertThat(abandoned).doesNotExist();
        assertThat(stray).doesNotExist();
        assertThat(running.resolve("results-2.csv")).exists();
        assertThat(folder.path()).isEqualTo(root.resolve(Long.toString(ProcessHandle.current().pid()))).isDirectory();
        Path file = folder.newFile("results-", ".csv");
        assertThat(file.getParent()).isEqualTo(folder.path());
    }
}
