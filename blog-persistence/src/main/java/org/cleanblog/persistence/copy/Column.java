package org.cleanblog.persistence.copy;

/**
 * One column of our schema as the copy sees it.
 *
 * @param maxLength the limit PostgreSQL enforces, in characters; {@link Integer#MAX_VALUE} for unlimited text
 * @param references the table whose id this column holds, or null
 * @param uniqueIgnoringCase whether two rows may not hold the same value (compared as stored, already normalised)
 */
record Column(
        String name, ColumnType type, boolean nullable, int maxLength, String references, boolean uniqueIgnoringCase) {

    static Column id() {
        return new Column("id", ColumnType.LONG, false, 0, null, false);
    }

    static Column reference(String name, String table) {
        return new Column(name, ColumnType.LONG, false, 0, table, false);
    }

    static Column text(String name, int maxLength) {
        return new Column(name, ColumnType.TEXT, false, maxLength, null, false);
    }

    static Column unlimitedText(String name) {
        return text(name, Integer.MAX_VALUE);
    }

    static Column uniqueText(String name, int maxLength) {
        return new Column(name, ColumnType.TEXT, false, maxLength, null, true);
    }

    static Column bool(String name) {
        return new Column(name, ColumnType.BOOLEAN, false, 0, null, false);
    }

    static Column instant(String name) {
        return new Column(name, ColumnType.INSTANT, false, 0, null, false);
    }
}
