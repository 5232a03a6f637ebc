package org.cleanblog.web.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP relay between the blog and its database server, to make the database unreachable for real: after {@link
 * #blackHole()} nothing more is relayed on open connections and new connections are accepted but never answered, as
 * when the database host or the network to it stops responding (the case where a client waits for its full timeout
 * rather than failing fast). Thread-safe.
 */
public final class TcpRelay implements AutoCloseable {
    private final ServerSocket listener;
    private final String targetHost;
    private final int targetPort;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private volatile boolean blackHole;

    public TcpRelay(String targetHost, int targetPort) {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        try {
            listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        daemon(this::acceptLoop, "relay-accept");
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** From now on every byte is swallowed: open connections stall, new ones are accepted and left unanswered. */
    public void blackHole() {
        blackHole = true;
    }

    @Override
    public void close() throws IOException {
        listener.close();
        sockets.forEach(TcpRelay::closeQuietly);
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                sockets.add(client);
                if (!blackHole) {
                    Socket server = new Socket(targetHost, targetPort);
                    sockets.add(server);
                    daemon(() -> pump(client, server), "relay-up");
                    daemon(() -> pump(server, client), "relay-down");
                }
            } catch (IOException e) {
                // The listener was closed: the relay is done.
            }
        }
    }

    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[8192];
        try (InputStream in = from.getInputStream();
                OutputStream out = to.getOutputStream()) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                if (!blackHole) {
                    out.write(buffer, 0, n);
                    out.flush();
                }
            }
        } catch (IOException e) {
            // One side closed: close the other too, below.
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static void daemon(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // Closing is best effort; the socket is abandoned either way.
        }
    }
}
