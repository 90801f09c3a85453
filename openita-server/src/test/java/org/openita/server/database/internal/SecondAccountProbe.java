package org.openita.server.database.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Tries the embedded database as a hostile second OS account on the same machine would: a small Java program,
 * run as the unprivileged account {@code nobody} (through {@code setpriv}, so the test must run as root on Linux),
 * opens the server's socket, reads the passwords file and lists the data folder, and prints what happened.
 */
final class SecondAccountProbe {

    static final String ACCOUNT = "nobody";
    /** nobody's user id (and nogroup's group id) on Debian, Ubuntu, Fedora and Alpine alike. */
    private static final String UID = "65534";

    private static final String PROGRAM = """
            import java.net.*;
            import java.nio.channels.SocketChannel;
            import java.nio.file.*;

            public class Probe {
                public static void main(String[] args) {
                    System.out.println("uid " + System.getProperty("user.name"));
                    try (SocketChannel c = SocketChannel.open(StandardProtocolFamily.UNIX)) {
                        c.connect(UnixDomainSocketAddress.of(args[0]));
                        System.out.println("socket CONNECTED");
                    } catch (Exception e) {
                        System.out.println("socket refused: " + e);
                    }
                    try {
                        Files.readString(Path.of(args[1]));
                        System.out.println("credentials READ");
                    } catch (Exception e) {
                        System.out.println("credentials refused: " + e);
                    }
                    try (var list = Files.list(Path.of(args[2]))) {
                        System.out.println("data folder LISTED " + list.count());
                    } catch (Exception e) {
                        System.out.println("data folder refused: " + e);
                    }
                }
            }
            """;

    private SecondAccountProbe() {
    }

    /** Whether this process can switch to another account: root on Linux with setpriv installed. */
    static boolean possible() {
        return "root".equals(ProcessHandle.current().info().user().orElse(""))
                && Files.isExecutable(Path.of("/usr/bin/setpriv"));
    }

    /** The probe's output lines, run as {@value #ACCOUNT}. */
    static List<String> run(Path socketFile, Path credentialsFile, Path dataDirectory) throws IOException, InterruptedException {
        Path folder = Files.createTempDirectory("openita-probe-");
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path source = folder.resolve("Probe.java");
        Files.writeString(source, PROGRAM, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(source, PosixFilePermissions.fromString("rw-r--r--"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process probe = new ProcessBuilder("/usr/bin/setpriv", "--reuid=" + UID, "--regid=" + UID, "--clear-groups",
                "--reset-env", java, source.toString(), socketFile.toString(), credentialsFile.toString(), dataDirectory.toString())
                .directory(folder.toFile()).redirectErrorStream(true).start();
        if (!probe.waitFor(2, TimeUnit.MINUTES)) {
            probe.destroyForcibly();
            throw new IOException("the probe did not finish");
        }
        List<String> lines = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        Files.delete(source);
        Files.delete(folder);
        return lines;
    }
}
