package org.cleanblog.persistence.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.apache.ibatis.cursor.Cursor;
import org.apache.ibatis.exceptions.PersistenceException;

/** Turns a MyBatis cursor into a stream whose failures, also those while iterating, are StorageExceptions. */
final class CursorStreams {
    private CursorStreams() {}

    /** A sequential stream over {@code cursor}; closing it closes the cursor, then runs {@code afterClose}. */
    static <T> Stream<T> of(String operation, Cursor<T> cursor, Runnable afterClose) {
        Iterator<T> rows = cursor.iterator();
        Iterator<T> translated = new Iterator<>() {
            @Override
            public boolean hasNext() {
                try {
                    return rows.hasNext();
                } catch (PersistenceException e) {
                    throw SqlErrors.storage(operation, e);
                }
            }

            @Override
            public T next() {
                try {
                    return rows.next();
                } catch (PersistenceException e) {
                    throw SqlErrors.storage(operation, e);
                }
            }
        };
        return StreamSupport.stream(
                        Spliterators.spliteratorUnknownSize(translated, Spliterator.ORDERED | Spliterator.NONNULL),
                        false)
                .onClose(() -> {
                    try {
                        cursor.close();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    } finally {
                        afterClose.run();
                    }
                });
    }
}
