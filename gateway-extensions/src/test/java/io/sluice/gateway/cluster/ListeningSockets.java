package io.sluice.gateway.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The TCP sockets a process listens on, read from Linux's {@code /proc} as {@code ss -ltnp} would: the socket inodes
 * among the process's file descriptors, looked up in {@code /proc/net/tcp} and {@code tcp6}. Every port counts, not
 * only those a config names, so a port opened by a component nobody configured is found too.
 */
final class ListeningSockets {

    private static final String LISTEN = "0A";

    /** A listening socket: its local address as the kernel prints it (hex) and its port. */
    record Socket(String address, int port) {

        /** 127.0.0.0/8, ::1, or 127.0.0.0/8 mapped into IPv6 (how Java binds 127.0.0.1 on a dual-stack socket). */
        boolean isLoopback() {
            if (address.length() == 8) {
                return address.endsWith("7F");
            }
            return address.equals("00000000000000000000000001000000")
                    || (address.startsWith("0000000000000000FFFF0000") && address.endsWith("7F"));
        }
    }

    private ListeningSockets() {}

    static List<Socket> of(long pid) throws IOException {
        Set<String> inodes = new HashSet<>();
        try (Stream<Path> fds = Files.list(Path.of("/proc", String.valueOf(pid), "fd"))) {
            for (Path fd : fds.toList()) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        inodes.add(target.substring("socket:[".length(), target.length() - 1));
                    }
                } catch (IOException closedMeanwhile) {
                    // the descriptor was closed while we listed them
                }
            }
        }
        List<Socket> sockets = new ArrayList<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            List<String> lines = Files.readAllLines(Path.of(table));
            for (String line : lines.subList(1, lines.size())) {
                String[] fields = line.trim().split("\\s+");
                if (fields[3].equals(LISTEN) && inodes.contains(fields[9])) {
                    String[] local = fields[1].split(":");
                    sockets.add(new Socket(local[0], Integer.parseInt(local[1], 16)));
                }
            }
        }
        return sockets;
    }
}
