package org.cleanblog.persistence.copy;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects rejected rows: tells the listener of each, keeps the first {@link BlogCopy#MAX_REJECTS_KEPT} for the
 * exception, and with a file writes each as one JSON line {@code {"table":"comments","id":2,"reason":"..."}}. Lines go
 * to a temporary file beside it, moved into place by {@link #publish()} just before the copy commits, so that a
 * failed copy never leaves a half list, and a clean run removes the list of an earlier one. Not thread-safe.
 */
final class RejectLog {
    private final CopyListener listener;
    private final Path file;
    private final List<Reject> kept = new ArrayList<>();
    private Path temporary;
    private BufferedWriter writer;
    private boolean published;
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

    /** The file the rejects are listed in once published, or null when no row was rejected. */
    Path writtenFile() {
        return writer == null ? null : file;
    }

    /** Moves the list into place, or removes a list left by an earlier run when this one rejected nothing. */
    void publish() {
        if (file == null) {
            return;
        }
        try {
            if (writer == null) {
                Files.deleteIfExists(file);
                return;
            }
            writer.close();
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            published = true;
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the rejects file " + file + ": " + e.getMessage(), e);
        }
    }

    /** After a failure: removes what this run wrote; problems doing so are added to {@code failure}. */
    void discard(Throwable failure) {
        if (writer == null) {
            return;
        }
        try {
            writer.close();
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
        try {
            Files.deleteIfExists(published ? file : temporary);
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }

    private void write(Reject reject) {
        try {
            if (writer == null) {
                Path folder = file.toAbsolutePath().getParent();
                temporary = Files.createTempFile(folder, file.getFileName().toString(), ".part");
                writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8);
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
