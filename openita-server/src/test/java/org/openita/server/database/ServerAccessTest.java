package org.openita.server.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Where the Unix socket goes, and how settings are written into PostgreSQL's configuration file. */
class ServerAccessTest {

    @Test
    void theSocketLivesInAFolderInsideTheDataFolder() {
        assertThat(ServerAccess.socketDirectory(Path.of("/home/somchai/.openita/pgdata"), false))
                .contains(Path.of("/home/somchai/.openita/pgdata/socket"));
    }

    @Test
    void aDataFolderPathTooLongForASocketGetsNoSocket() {
        Path longPath = Path.of("/home/somchai/" + "เอกสาร/".repeat(8) + ".openita/pgdata");
        assertThat(ServerAccess.socketDirectory(longPath, false)).isEmpty();
    }

    @Test
    void windowsGetsNoSocket() {
        assertThat(ServerAccess.socketDirectory(Path.of("/short"), true)).isEmpty();
    }

    @Test
    void quotesAndBackslashesAreEscaped() {
        assertThat(ServerAccess.quote("C:\\Users\\O'Brien")).isEqualTo("'C:\\\\Users\\\\O''Brien'");
    }
}
