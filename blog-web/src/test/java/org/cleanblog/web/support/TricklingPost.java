package org.cleanblog.web.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A form POST over a raw socket whose headers go at once and whose body a thread of its own sends slowly, {@value
 * #CHUNK} bytes at a time: the request is in flight, for the server too, from {@link #begin} until its last byte. For
 * tests that stop a server in the middle of requests. Use from one thread.
 */
public final class TricklingPost {
    private static final int CHUNK = 100;

    /**
     * The response's head as the client read it.
     *
     * @param statusLine e.g. {@code HTTP/1.1 303 See Other}; "" when the server closed the connection without an answer
     * @param headers by lower-case name (the last value of a repeated header)
     */
    public record Answer(String statusLine, Map<String, String> headers) {
        /** The Location header, or "". */
        public String location() {
            return headers.getOrDefault("location", "");
        }
    }

    private final Socket socket;
    private final Thread sender;

    private TricklingPost(Socket socket, Thread sender) {
        this.socket = socket;
        this.sender = sender;
    }

    /**
     * Sends the request line and headers of {@code POST path} to {@code server} at once, then {@code fields}
     * (form-encoded) at {@code bytesPerSecond}: a body of 1,000 bytes at 500 bytes a second is in flight for two
     * seconds.
     *
     * @param headers further request headers, e.g. Cookie or X-Forwarded-For
     */
    public static TricklingPost begin(
            URI server, String path, Map<String, String> headers, Map<String, String> fields, int bytesPerSecond)
            throws IOException {
        byte[] body = fields.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"))
                .getBytes(StandardCharsets.US_ASCII);
        StringBuilder head = new StringBuilder("POST " + path + " HTTP/1.1\r\nHost: " + server.getHost() + "\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + body.length + "\r\n");
        headers.forEach(
                (name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        head.append("\r\n");
        Socket socket = new Socket(server.getHost(), server.getPort());
        // Generous: a server that neither answers nor closes within this is broken, not slow.
        socket.setSoTimeout(60_000);
        OutputStream out = socket.getOutputStream();
        out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
        out.flush();
        long pauseMillis = Math.max(1, CHUNK * 1000L / bytesPerSecond);
        Thread sender = new Thread(() -> trickle(out, body, pauseMillis), "trickling-post");
        sender.setDaemon(true);
        sender.start();
        return new TricklingPost(socket, sender);
    }

    /**
     * Waits for the response's head (the server answers only once it has read the whole body) and closes the
     * connection.
     */
    public Answer answer() throws IOException {
        try (socket) {
            BufferedReader in =
                    new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
            String status = in.readLine();
            if (status == null) {
                return new Answer("", Map.of());
            }
            Map<String, String> headers = new LinkedHashMap<>();
            for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                int colon = line.indexOf(':');
                if (colon > 0) {
                    headers.put(
                            line.substring(0, colon).strip().toLowerCase(Locale.ROOT),
                            line.substring(colon + 1).strip());
                }
            }
            return new Answer(status, headers);
        } catch (SocketException reset) {
            return new Answer("", Map.of());
        } finally {
            sender.interrupt();
        }
    }

    private static void trickle(OutputStream out, byte[] body, long pauseMillis) {
        try {
            for (int sent = 0; sent < body.length; sent += CHUNK) {
                out.write(body, sent, Math.min(CHUNK, body.length - sent));
                out.flush();
                Thread.sleep(pauseMillis);
            }
        } catch (IOException | InterruptedException closed) {
            // The server cut the request off; answer() reports that.
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
