package org.cleanblog.persistence.copy;

import java.nio.file.Path;
import java.time.Clock;
import org.cleanblog.core.content.HtmlSanitizer;

/**
 * What a {@link BlogCopy} was asked to do, the one value the run and the engine read; {@code target},
 * {@code rejectsFile} and {@code sanitizer} may be null until given. Each {@code with} method returns a changed copy,
 * which keeps {@link BlogCopy} immutable.
 */
record CopySettings(
        Endpoint source,
        Endpoint target,
        boolean replace,
        Path rejectsFile,
        HtmlSanitizer sanitizer,
        CopyListener listener,
        Clock clock) {

    /** A copy from {@code source} with nothing else given: no target, refusing a non-empty target and bad rows. */
    static CopySettings startingFrom(Endpoint source) {
        return new CopySettings(source, null, false, null, null, new CopyListener() {}, Clock.systemUTC());
    }

    /** Whether rows the target would refuse are skipped and listed in {@link #rejectsFile()}, not fatal. */
    boolean skipsInvalid() {
        return rejectsFile != null;
    }

    CopySettings withTarget(Endpoint newTarget) {
        return new CopySettings(source, newTarget, replace, rejectsFile, sanitizer, listener, clock);
    }

    CopySettings withReplace(boolean newReplace) {
        return new CopySettings(source, target, newReplace, rejectsFile, sanitizer, listener, clock);
    }

    CopySettings withRejectsFile(Path newRejectsFile) {
        return new CopySettings(source, target, replace, newRejectsFile, sanitizer, listener, clock);
    }

    CopySettings withSanitizer(HtmlSanitizer newSanitizer) {
        return new CopySettings(source, target, replace, rejectsFile, newSanitizer, listener, clock);
    }

    CopySettings withListener(CopyListener newListener) {
        return new CopySettings(source, target, replace, rejectsFile, sanitizer, newListener, clock);
    }

    CopySettings withClock(Clock newClock) {
        return new CopySettings(source, target, replace, rejectsFile, sanitizer, listener, newClock);
    }
}
