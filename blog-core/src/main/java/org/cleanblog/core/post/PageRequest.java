package org.cleanblog.core.post;

import org.cleanblog.core.ValidationException;

/** Page {@code number} (1-based) of {@code size} items. */
public record PageRequest(int number, int size) {
    public static final int MAX_SIZE = 100;

    public PageRequest {
        if (number < 1) {
            throw new ValidationException("page number must be 1 or more, was " + number);
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new ValidationException("page size must be between 1 and " + MAX_SIZE + ", was " + size);
        }
    }

    public static PageRequest first(int size) {
        return new PageRequest(1, size);
    }

    /** How many items come before this page. */
    public long offset() {
        return (long) (number - 1) * size;
    }
}
