package org.cleanblog.web;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.opentest4j.TestAbortedException;

/**
 * The browser of the browser tests: a Chromium and its ChromeDriver found on the {@code PATH}. Where they are absent
 * the tests are skipped with a message saying so, unless browser tests are required ({@code BLOG_BROWSER_TESTS} or
 * the system property {@code blog.browser-tests} set to {@code required}, as CI does), where absence fails the run.
 */
record Chromium(Path browser, Path driver) {
    static final String REQUIREMENT_VARIABLE = "BLOG_BROWSER_TESTS";
    static final String REQUIREMENT_PROPERTY = "blog.browser-tests";

    // Debian names it chromium; other systems ship the same browser under these names.
    private static final List<String> BROWSERS =
            List.of("chromium", "chromium-browser", "google-chrome", "google-chrome-stable");
    private static final String DRIVER = "chromedriver";

    /** The browser for this run: found, or the test aborted (skipped) or failed as the requirement says. */
    static Chromium forThisRun() {
        try {
            return require(
                    System.getenv("PATH"),
                    System.getProperty(REQUIREMENT_PROPERTY, System.getenv(REQUIREMENT_VARIABLE)));
        } catch (TestAbortedException skipped) {
            // Printed as well as counted as skipped, so that it stands out in the build log.
            System.out.println(skipped.getMessage());
            throw skipped;
        }
    }

    static Chromium require(String searchPath, String requirement) {
        boolean required = isRequired(requirement);
        Optional<Chromium> found = find(searchPath);
        if (found.isPresent()) {
            return found.get();
        }
        String missing = "no Chromium (" + String.join(", ", BROWSERS) + ") and " + DRIVER + " on the PATH; on Debian: "
                + "apt-get install -y chromium chromium-driver";
        if (required) {
            throw new IllegalStateException(
                    "Browser tests are required (" + REQUIREMENT_VARIABLE + "=required) but " + missing);
        }
        throw new TestAbortedException("BROWSER TESTS NOT RUN: " + missing + ". Set " + REQUIREMENT_VARIABLE
                + "=required to make this a failure (CI does).");
    }

    static Optional<Chromium> find(String searchPath) {
        return BROWSERS.stream()
                .map(name -> onPath(searchPath, name))
                .flatMap(Optional::stream)
                .findFirst()
                .flatMap(browser -> onPath(searchPath, DRIVER).map(driver -> new Chromium(browser, driver)));
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

    private static Optional<Path> onPath(String searchPath, String name) {
        if (searchPath == null) {
            return Optional.empty();
        }
        return List.of(searchPath.split(File.pathSeparator)).stream()
                .filter(dir -> !dir.isBlank())
                .map(dir -> Path.of(dir, name))
                .filter(Files::isExecutable)
                .findFirst();
    }
}
