package org.cleanblog.persistence.copy;

import java.util.Arrays;

/**
 * The ids of the rows copied into one table, for checking the references of later tables. Sources are read in id
 * order, so ids arrive ascending: a growing sorted array costs 8 bytes an id and a binary search a lookup.
 */
final class IdSet {
    private long[] ids = new long[1024];
    private int size;

    void add(long id) {
        if (size > 0 && id <= ids[size - 1]) {
            throw new IllegalStateException("ids must be added in ascending order: " + id + " after " + ids[size - 1]);
        }
        if (size == ids.length) {
            ids = Arrays.copyOf(ids, size * 2);
        }
        ids[size++] = id;
    }

    boolean contains(long id) {
        return Arrays.binarySearch(ids, 0, size, id) >= 0;
    }
}
