package org.cleanblog.web.security;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * One request of arbitrary bytes on its own connection to 127.0.0.1, and what came back. The client closes its side
 * once the request is written, so a server that waits for more bytes than were sent sees the end of the stream.
 */
final class RawExchange {
    private static final int MAX_RESPONSE_BYTES = 4 * 1024 * 1024;

    private RawExchange() {}

    /**
     * What the server answered; {@link Reply#status()} is 0 when it closed without a status line, -1 when it did not
     * answer within the timeout.
     */
    static Reply send(int port, byte[] request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(20_000);
            try {
                socket.getOutputStream().write(request);
                socket.getOutputStream().flush();
                socket.shutdownOutput();
            } catch (IOException e) {
                // The server may refuse (413, 431) and close before the whole request is written: read its answer.
            }
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            try {
                InputStream in = socket.getInputStream();
                byte[] buffer = new byte[16 * 1024];
                int n;
                while (received.size() < MAX_RESPONSE_BYTES && (n = in.read(buffer)) > 0) {
                    received.write(buffer, 0, n);
                }
            } catch (SocketTimeoutException e) {
                return new Reply(-1, received.toString(StandardCharsets.ISO_8859_1), "");
            } catch (IOException e) {
                // A reset after the answer was sent: judge what arrived.
            }
            return Reply.of(received.toString(StandardCharsets.UTF_8));
        }
    }

    /** A response split into its status, header block and body. */
    record Reply(int status, String head, String body) {
        static Reply of(String text) {
            int end = text.indexOf("\r\n\r\n");
            String head = end < 0 ? text : text.substring(0, end);
            String body = end < 0 ? "" : text.substring(end + 4);
            int status = 0;
            if (head.startsWith("HTTP/1.") && head.length() >= 12) {
                try {
                    status = Integer.parseInt(head.substring(9, 12));
                } catch (NumberFormatException e) {
                    status = 0;
                }
            }
            return new Reply(status, head, body);
        }
    }
}
