package org.cleanblog.persistence.copy;

/**
 * One column of our schema as the copy sees it.
 *
 * @param maxLength the longest text, in characters: the limit PostgreSQL enforces, or for a {@code text} column the
 *     one blog-core enforces; {@link Integer#MAX_VALUE} for no limit (a column of a source the copy only reads)
 * @param references the table whose id this column holds, or null
 * @param uniqueIgnoringCase whether two rows may not hold the same value (compared as stored, already normalised)
 * @param html whether the column holds HTML that pages show as it is: it passes the library's allow-list on the way
 */
record Column(
        String name,
        ColumnType type,
        boolean nullable,
        int maxLength,
        String references,
        boolean uniqueIgnoringCase,
        boolean html) {

    static Column id() {
        return new Column("id", ColumnType.LONG, false, 0, null, false, false);
    }

    static Column reference(String name, String table) {
        return new Column(name, ColumnType.LONG, false, 0, table, false, false);
    }

    static Column text(String name, int maxLength) {
        return new Column(name, ColumnType.TEXT, false, maxLength, null, false, false);
    }

    static Column uniqueText(String name, int maxLength) {
        return new Column(name, ColumnType.TEXT, false, maxLength, null, true, false);
    }

    static Column html(String name, int maxLength) {
        return new Column(name, ColumnType.TEXT, false, maxLength, null, false, true);
    }

    static Column bool(String name) {
        return new Column(name, ColumnType.BOOLEAN, false, 0, null, false, false);
    }

    static Column instant(String name) {
        return new Column(name, ColumnType.INSTANT, false, 0, null, false, false);
    }
}
