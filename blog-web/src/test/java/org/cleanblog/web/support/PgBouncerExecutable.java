package org.cleanblog.web.support;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.opentest4j.TestAbortedException;

/**
 * Finds Debian's {@code pgbouncer} for the tests that start a {@link PgBouncer}. Where it is not installed the test is
 * skipped with a message saying so, unless PgBouncer tests are required ({@code BLOG_PGBOUNCER_TESTS} or the system
 * property {@code blog.pgbouncer-tests} set to {@code required}, as CI does), where its absence fails the run (ADR 0031,
 * as ADR 0015 for the browser). Stateless.
 */
public final class PgBouncerExecutable {
    public static final String REQUIREMENT_VARIABLE = "BLOG_PGBOUNCER_TESTS";
    public static final String REQUIREMENT_PROPERTY = "blog.pgbouncer-tests";

    private static final String BINARY = "pgbouncer";
    /** Debian installs it in /usr/sbin, which is not on every user's PATH. */
    private static final List<String> SYSTEM_DIRECTORIES = List.of("/usr/sbin", "/usr/local/sbin", "/usr/local/bin");

    private PgBouncerExecutable() {}

    /**
     * The PgBouncer executable of this run: found, or the test aborted (skipped, saying so) or failed as the
     * requirement says.
     */
    public static Path forThisRun() {
        try {
            return require(
                    System.getenv("PATH"),
                    SYSTEM_DIRECTORIES,
                    System.getProperty(REQUIREMENT_PROPERTY, System.getenv(REQUIREMENT_VARIABLE)));
        } catch (TestAbortedException skipped) {
            // Printed as well as counted as skipped, so that it stands out in the build log.
            System.out.println(skipped.getMessage());
            throw skipped;
        }
    }

    /** The executable on {@code searchPath} or else in one of {@code systemDirectories}, as the requirement says. */
    static Path require(String searchPath, List<String> systemDirectories, String requirement) {
        boolean required = isRequired(requirement);
        Optional<Path> found = find(searchPath, systemDirectories);
        if (found.isPresent()) {
            return found.get();
        }
        String missing = "no " + BINARY + " on the PATH or in " + String.join(", ", systemDirectories)
                + "; on Debian: apt-get install -y pgbouncer";
        if (required) {
            throw new IllegalStateException(
                    "PgBouncer tests are required (" + REQUIREMENT_VARIABLE + "=required) but " + missing);
        }
        throw new TestAbortedException("PGBOUNCER TESTS NOT RUN: " + missing + ". Set " + REQUIREMENT_VARIABLE
                + "=required to make this a failure (CI does).");
    }

    static Optional<Path> find(String searchPath, List<String> systemDirectories) {
        List<String> directories = new ArrayList<>();
        if (searchPath != null) {
            directories.addAll(List.of(searchPath.split(File.pathSeparator)));
        }
        directories.addAll(systemDirectories);
        return directories.stream()
                .filter(dir -> !dir.isBlank())
                .map(dir -> Path.of(dir, BINARY))
                .filter(Files::isExecutable)
                .findFirst();
    }

    private static boolean isRequired(String requirement) {
        String value = requirement == null ? "" : requirement.strip().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "required" -> true;
            case "", "optional" -> false;
            default ->
                throw new IllegalArgumentException(REQUIREMENT_VARIABLE + " / " + REQUIREMENT_PROPERTY + ": '"
                        + requirement + "' is neither 'required' nor 'optional'");
        };
    }
}
