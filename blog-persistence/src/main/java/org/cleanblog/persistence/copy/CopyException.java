package org.cleanblog.persistence.copy;

import java.util.List;
import java.util.Optional;
import org.cleanblog.core.BlogException;

/**
 * A copy that did not happen. Whatever the reason, the target holds what it held before the copy started (only its
 * schema may have been brought to the latest version). The message names the cause and what to do about it.
 */
public final class CopyException extends BlogException {
    private static final long serialVersionUID = 1L;

    /**
     * What kept the copy from happening. A caller decides what each means to its users (blog-web's copy-db turns them
     * into exit statuses and into the options that fix them); the message says it in the library's terms.
     */
    public enum Reason {
        /** The source or target is not SQLite or PostgreSQL. */
        UNSUPPORTED_DATABASE,
        /** The source is a SQLite file that does not exist (a copy never creates its source). */
        SOURCE_NOT_FOUND,
        /** The source holds neither our schema nor the Flask tutorial's. */
        UNKNOWN_SOURCE,
        /** The source and the target are one database, reached by two URLs. */
        SAME_DATABASE,
        /** The target holds rows and {@link BlogCopy#replace(boolean) replace} was not asked for. */
        TARGET_NOT_EMPTY,
        /** The target's schema has tables or columns this version of the copy does not know. */
        UNKNOWN_TARGET_SCHEMA,
        /** Some source rows would be rejected by the target, and {@link BlogCopy#skipInvalid} was not asked for. */
        INVALID_ROWS,
        /** What was read back from the target differs from what was written. */
        VERIFICATION_FAILED,
        /** A database or file failed, or the copy was interrupted. */
        FAILED
    }

    private final Reason reason;
    private final transient List<Reject> rejects;
    private final transient CopyReport report;

    CopyException(Reason reason, String message) {
        this(reason, message, null, List.of(), null);
    }

    CopyException(Reason reason, String message, Throwable cause) {
        this(reason, message, cause, List.of(), null);
    }

    CopyException(Reason reason, String message, Throwable cause, List<Reject> rejects, CopyReport report) {
        super(message, cause);
        this.reason = reason;
        this.rejects = List.copyOf(rejects);
        this.report = report;
    }

    /** What went wrong; never null. */
    public Reason reason() {
        return reason;
    }

    /**
     * For {@link Reason#INVALID_ROWS}: the first rejected rows (at most {@link BlogCopy#MAX_REJECTS_KEPT}); every one
     * of them was also passed to the listener. Empty, never null, for other reasons.
     */
    public List<Reject> rejects() {
        // Transient: null after deserialisation.
        return rejects == null ? List.of() : rejects;
    }

    /**
     * For {@link Reason#VERIFICATION_FAILED}: the comparison that failed; empty for other reasons, and after
     * deserialisation (the report is not serialised).
     */
    public Optional<CopyReport> report() {
        return Optional.ofNullable(report);
    }
}
