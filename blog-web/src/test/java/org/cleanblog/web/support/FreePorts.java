package org.cleanblog.web.support;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Ports on 127.0.0.1 for a process that a test starts and that binds its port itself (a blog process, pgbouncer).
 *
 * <p>A port from {@code new ServerSocket(0)} is free only at that moment: until the process binds it, seconds later,
 * the kernel may hand it to the next {@code ServerSocket(0)} or to an outgoing connection (such as the pools that the
 * other processes open to PostgreSQL meanwhile). In CI, two of {@code MultiInstanceTest}'s three instances were once
 * given the same port, and one failed with "Address already in use". These ports come from below the kernel's
 * ephemeral range, which neither of those uses, and within one JVM none is handed out twice; JVMs started at the same
 * time begin at different places, from their process ids.
 */
public final class FreePorts {
    private static final int LOWEST = 10_000;
    private static final int EPHEMERAL_START = ephemeralStart();
    private static final int COUNT = EPHEMERAL_START - LOWEST;
    private static int next = (int) (ProcessHandle.current().pid() * 7_919 % COUNT);

    private FreePorts() {}

    /** A port that nothing listens on or is connected from now, below the ephemeral range, never returned before. */
    public static synchronized int next() {
        for (int tried = 0; tried < COUNT; tried++) {
            int port = LOWEST + next;
            next = (next + 1) % COUNT;
            if (bindable(port)) {
                return port;
            }
        }
        throw new IllegalStateException("no free port on 127.0.0.1 between " + LOWEST + " and " + EPHEMERAL_START);
    }

    private static boolean bindable(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * The first port of Linux's ephemeral range, or 32768 (Linux's default; other systems start higher) where it cannot
     * be read.
     */
    private static int ephemeralStart() {
        try {
            String range = Files.readString(Path.of("/proc/sys/net/ipv4/ip_local_port_range"));
            int start = Integer.parseInt(range.strip().split("\\s+")[0]);
            return start > LOWEST + 1_000 ? start : 32_768;
        } catch (IOException | RuntimeException e) {
            return 32_768;
        }
    }
}
