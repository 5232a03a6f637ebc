package org.cleanblog.persistence.copy;

import java.util.List;
import java.util.stream.Collectors;

/** A table of our schema: its name and columns in a fixed order; the first column is always {@code id}. */
record TableSpec(String name, List<Column> columns) {
    TableSpec {
        columns = List.copyOf(columns);
        if (!columns.get(0).name().equals("id")) {
            throw new IllegalArgumentException("the first column of " + name + " must be id");
        }
    }

    /** The column names separated by commas, for SQL the code itself builds. */
    String columnList() {
        return columns.stream().map(Column::name).collect(Collectors.joining(", "));
    }

    int width() {
        return columns.size();
    }
}
