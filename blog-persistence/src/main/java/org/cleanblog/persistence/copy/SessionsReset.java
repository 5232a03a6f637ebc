package org.cleanblog.persistence.copy;

import java.sql.SQLException;
import java.time.Instant;

/**
 * The sessions rule of replacing a target ({@link BlogCopy#replace(boolean)}, ADR 0010). Sessions are signed cookies
 * that name a user by id, and {@code SECRET_KEY} is often shared between the two blogs (a staging refresh from
 * production): when the target held other users, a cookie it issued for its user N would log in as the source's user
 * N, its admin too, once that user's {@code sessions_valid_from} is older than the cookie. So when replacing clears a
 * target that held any user, every copied user's sessions start at the copy time, set after the load; everyone logs
 * in again. A copy into an empty target keeps {@code sessions_valid_from}, so a move keeps its users logged in.
 *
 * <p>Verification compares the column modulo this rule: in the users' checksums the column stands as
 * {@link Checksum.Marker#COPY_TIME}, in the rows as written by rule and in the rows read back only where they hold
 * exactly the copy time, so a user left with any other value makes the table differ. Not thread-safe; one per copy.
 */
final class SessionsReset {
    private static final int COLUMN = columnIndex();

    private final boolean active;
    private Instant copyTime;

    private SessionsReset(boolean active) {
        this.active = active;
    }

    /** The rule applies when the target held users before it was cleared. */
    static SessionsReset forTargetThatHeldUsers(boolean heldUsers) {
        return new SessionsReset(heldUsers);
    }

    boolean active() {
        return active;
    }

    /** The row as the users' checksum sees it as written (the row itself, which is written unchanged). */
    Object[] asWritten(TableSpec table, Object[] row) {
        return applies(table) ? withMarker(row) : row;
    }

    /** After the load, inside the copy's transaction: sets the column of every user to {@code at}. */
    void apply(TargetDatabase target, Instant at) throws SQLException {
        if (!active) {
            return;
        }
        copyTime = Values.micros(at);
        target.startSessionsAt(copyTime);
    }

    /** The row as the users' checksum sees it as read back: the marker only where the column is the copy time. */
    Object[] asReadBack(TableSpec table, Object[] row) {
        return applies(table) && copyTime != null && copyTime.equals(row[COLUMN]) ? withMarker(row) : row;
    }

    private boolean applies(TableSpec table) {
        return active && table.equals(BlogSchema.USERS);
    }

    private static Object[] withMarker(Object[] row) {
        Object[] masked = row.clone();
        masked[COLUMN] = Checksum.Marker.COPY_TIME;
        return masked;
    }

    private static int columnIndex() {
        int index =
                BlogSchema.USERS.columns().stream().map(Column::name).toList().indexOf("sessions_valid_from");
        if (index < 0) {
            throw new IllegalStateException("BlogSchema.USERS has no column sessions_valid_from");
        }
        return index;
    }
}
