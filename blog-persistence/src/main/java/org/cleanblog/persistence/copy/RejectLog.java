package org.cleanblog.persistence.copy;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects rejected rows: tells the listener of each, keeps the first {@link BlogCopy#MAX_REJECTS_KEPT} for the
 * exception, and with a file writes each as one JSON line {@code {"table":"comments","id":2,"reason":"..."}}. The
 * file is created only when a row is rejected. Not thread-safe.
 */
final class RejectLog implements AutoCloseable {
    private final CopyListener listener;
    private final Path file;
    private final List<Reject> kept = new ArrayList<>();
    private BufferedWriter writer;
    private long count;

    RejectLog(CopyListener listener, Path file) {
        this.listener = listener;
        this.file = file;
    }

    void add(Reject reject) {
        count++;
        if (kept.size() < BlogCopy.MAX_REJECTS_KEPT) {
            kept.add(reject);
        }
        listener.rejected(reject);
        if (file != null) {
            write(reject);
        }
    }

    long count() {
        return count;
    }

    List<Reject> kept() {
        return kept;
    }

    /** The file the rejects were written to, or null when there is none. */
    Path writtenFile() {
        return writer == null ? null : file;
    }

    @Override
    public void close() {
        if (writer != null) {
            try {
                writer.close();
            } catch (IOException e) {
                throw new UncheckedIOException("could not finish the rejects file " + file, e);
            }
        }
    }

    private void write(Reject reject) {
        try {
            if (writer == null) {
                writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
            }
            writer.write("{\"table\":" + json(reject.table()) + ",\"id\":" + reject.id() + ",\"reason\":"
                    + json(reject.reason()) + "}\n");
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the rejects file " + file + ": " + e.getMessage(), e);
        }
    }

    static String json(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
