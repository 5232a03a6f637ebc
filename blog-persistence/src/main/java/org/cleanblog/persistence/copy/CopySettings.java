package org.cleanblog.persistence.copy;

import java.nio.file.Path;
import java.time.Clock;

/**
 * What a {@link BlogCopy} was asked to do, the one value the run and the engine read; {@code target} and
 * {@code rejectsFile} may be null until given. Each {@code with} method returns a changed copy,
 * which keeps {@link BlogCopy} immutable.
 */
record CopySettings(
        Endpoint source, Endpoint target, boolean replace, Path rejectsFile, CopyListener listener, Clock clock) {

    /** A copy from {@code source} with nothing else given: no target, refusing a non-empty target and bad rows. */
    static CopySettings startingFrom(Endpoint source) {
        return new CopySettings(source, null, false, null, new CopyListener() {}, Clock.systemUTC());
    }

    /** Whether rows the target would refuse are skipped and listed in {@link #rejectsFile()}, not fatal. */
    boolean skipsInvalid() {
        return rejectsFile != null;
    }

    CopySettings withTarget(Endpoint newTarget) {
        return new CopySettings(source, newTarget, replace, rejectsFile, listener, clock);
    }

    CopySettings withReplace(boolean newReplace) {
        return new CopySettings(source, target, newReplace, rejectsFile, listener, clock);
    }

    CopySettings withRejectsFile(Path newRejectsFile) {
        return new CopySettings(source, target, replace, newRejectsFile, listener, clock);
    }

    CopySettings withListener(CopyListener newListener) {
        return new CopySettings(source, target, replace, rejectsFile, newListener, clock);
    }

    CopySettings withClock(Clock newClock) {
        return new CopySettings(source, target, replace, rejectsFile, listener, newClock);
    }
}
