package org.cleanblog.persistence.copy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Finds the rows the target would refuse before they are written, so that every one of them can be listed (a failed
 * insert names only the first, and on PostgreSQL aborts the transaction). Keeps the ids of accepted rows to check
 * references: a row that refers to a rejected row is rejected too. Not thread-safe; one per copy.
 */
final class RowValidator {
    private final Map<String, IdSet> acceptedIds = new HashMap<>();
    private final Set<String> referencedTables;
    private final Map<String, Map<String, Long>> uniqueValues = new HashMap<>();

    RowValidator(List<TableSpec> tables) {
        referencedTables = tables.stream()
                .flatMap(t -> t.columns().stream())
                .map(Column::references)
                .filter(Objects::nonNull)
                .collect(Collectors.toUnmodifiableSet());
    }

    /** Null when {@code row} can be written to {@code table}, otherwise the reason it cannot. */
    String check(TableSpec table, Object[] row) {
        List<Column> columns = table.columns();
        for (int i = 0; i < columns.size(); i++) {
            String problem = problem(table, columns.get(i), row[i]);
            if (problem != null) {
                return problem;
            }
        }
        Long id = (Long) row[0];
        if (id <= 0) {
            return "id " + id + " is not positive";
        }
        for (int i = 0; i < columns.size(); i++) {
            Column column = columns.get(i);
            if (column.uniqueIgnoringCase()) {
                Long other = uniqueValues
                        .computeIfAbsent(table.name() + "." + column.name(), k -> new HashMap<>())
                        .putIfAbsent((String) row[i], id);
                if (other != null) {
                    return column.name() + " '" + row[i] + "' equals that of " + table.name() + " id " + other
                            + " ignoring case";
                }
            }
        }
        return null;
    }

    /** Records that {@code id} was written to {@code table}, so rows referring to it are accepted. */
    void accepted(TableSpec table, long id) {
        if (!referencedTables.contains(table.name())) {
            return; // nothing refers to it: a million comment ids need not be kept
        }
        acceptedIds.computeIfAbsent(table.name(), k -> new IdSet()).add(id);
    }

    private String problem(TableSpec table, Column column, Object value) {
        if (value instanceof Invalid invalid) {
            return column.name() + " " + invalid.reason();
        }
        if (value == null) {
            if (column.nullable()) {
                return null;
            }
            return column.references() == null
                    ? column.name() + " is NULL, the target requires a value"
                    : column.name() + " is NULL, the target requires a row of " + column.references()
                            + " (in the Flask tutorial, what deleting a " + singular(column.references()) + " leaves)";
        }
        if (value instanceof String text) {
            return textProblem(column, text);
        }
        if (column.references() != null) {
            IdSet ids = acceptedIds.get(column.references());
            long ref = (Long) value;
            if (ids == null || !ids.contains(ref)) {
                return column.name() + " " + ref + ": " + column.references() + " has no such row (or it was rejected)";
            }
        }
        return null;
    }

    private static String textProblem(Column column, String text) {
        if (text.indexOf('\0') >= 0) {
            return column.name() + " contains a NUL character, which PostgreSQL text cannot hold";
        }
        if (column.maxLength() != Integer.MAX_VALUE && text.length() > column.maxLength()) {
            int characters = text.codePointCount(0, text.length());
            if (characters > column.maxLength()) {
                return column.name() + " is " + characters + " characters long, the limit is " + column.maxLength();
            }
        }
        return null;
    }

    private static String singular(String table) {
        return table.endsWith("s") ? table.substring(0, table.length() - 1) : table;
    }
}
