package org.openita.server.database.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The TCP sockets a process and its children listen on, read from Linux's /proc (what {@code ss -ltnp} shows):
 * the inodes of the processes' open sockets matched against the LISTEN rows of /proc/net/tcp and tcp6.
 */
final class ListeningSockets {

    private ListeningSockets() {
    }

    static boolean available() {
        return Files.isReadable(Path.of("/proc/net/tcp"));
    }

    /** "address:port" of every TCP socket in LISTEN state held by {@code pid} or a descendant. */
    static List<String> of(long pid) throws IOException {
        Set<String> inodes = new HashSet<>();
        List<Long> pids = new ArrayList<>(List.of(pid));
        ProcessHandle.of(pid).ifPresent(p -> p.descendants().forEach(d -> pids.add(d.pid())));
        for (long p : pids) {
            Path fds = Path.of("/proc", Long.toString(p), "fd");
            if (!Files.isDirectory(fds)) {
                continue;
            }
            try (Stream<Path> links = Files.list(fds)) {
                for (Path link : links.toList()) {
                    try {
                        String target = Files.readSymbolicLink(link).toString();
                        if (target.startsWith("socket:[")) {
                            inodes.add(target.substring(8, target.length() - 1));
                        }
                    } catch (IOException gone) {
                        // the descriptor closed while we looked
                    }
                }
            }
        }
        List<String> listening = new ArrayList<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            Path file = Path.of(table);
            if (!Files.exists(file)) {
                continue;
            }
            List<String> rows = Files.readAllLines(file);
            for (String line : rows.subList(1, rows.size())) {
                String[] f = line.trim().split("\\s+");
                if (f[3].equals("0A") && inodes.contains(f[9])) { // 0A = LISTEN
                    listening.add(address(f[1]));
                }
            }
        }
        return listening;
    }

    /** Decodes /proc's "0100007F:1538" into "127.0.0.1:5432" (IPv6 is shown in hex). */
    private static String address(String hex) {
        String[] parts = hex.split(":");
        int port = Integer.parseInt(parts[1], 16);
        if (parts[0].length() != 8) {
            return "[" + parts[0] + "]:" + port;
        }
        long ip = Long.parseLong(parts[0], 16); // little-endian on x86 and arm
        return (ip & 0xff) + "." + (ip >> 8 & 0xff) + "." + (ip >> 16 & 0xff) + "." + (ip >> 24 & 0xff) + ":" + port;
    }

    /** The PID of the server running on {@code dataDirectory}, from the first line of its postmaster.pid. */
    static long postmasterPid(Path dataDirectory) throws IOException {
        return Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0).trim());
    }
}
