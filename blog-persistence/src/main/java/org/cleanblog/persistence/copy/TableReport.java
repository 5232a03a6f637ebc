package org.cleanblog.persistence.copy;

/**
 * What the copy did for one table and what reading the target back found.
 *
 * @param table the target table
 * @param sourceRows rows read from the source for it
 * @param rejectedRows of those, the rows the target would refuse (skipped with {@code skipInvalid})
 * @param sanitizedValues of the written rows' HTML values, how many the library's allow-list changed (what the
 *     target holds, and the checksums cover, is the sanitised HTML)
 * @param sourceChecksum SHA-256 (hex) over the rows as written, after mapping and sanitising, in a dialect-free form
 * @param targetRows rows read back from the target
 * @param targetChecksum the same checksum over the rows read back
 */
public record TableReport(
        String table,
        long sourceRows,
        long rejectedRows,
        long sanitizedValues,
        String sourceChecksum,
        long targetRows,
        String targetChecksum) {

    /** Rows that should be in the target. */
    public long writtenRows() {
        return sourceRows - rejectedRows;
    }

    /** Whether the target holds exactly the rows written: same count, same checksum. */
    public boolean matches() {
        return writtenRows() == targetRows && sourceChecksum.equals(targetChecksum);
    }
}
