package org.cleanblog.core.post;

import java.util.List;

/** One page of items and the total over all pages. {@code items} is never null. */
public record Page<T>(List<T> items, PageRequest request, long total) {
    public Page {
        items = List.copyOf(items);
    }

    public int number() {
        return request.number();
    }

    /** At least 1, so that an empty blog still has a (empty) first page. */
    public int totalPages() {
        return (int) Math.max(1, (total + request.size() - 1) / request.size());
    }

    public boolean hasPrevious() {
        return request.number() > 1;
    }

    public boolean hasNext() {
        return request.number() < totalPages();
    }
}
