package org.cleanblog.web.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One command of the blog ({@code migrate}, {@code copy-db}, …) run to its end as its own operating-system process
 * ({@code org.cleanblog.web.cli.Main}, on the test's class path), configured only through its environment, as a
 * platform's release phase or an operator runs it.
 *
 * @param status the exit status
 * @param output standard output and standard error, interleaved as written
 */
public record CommandProcess(int status, String output) {
    private static final Duration TIMEOUT = Duration.ofSeconds(120);

    /**
     * Runs {@code Main args} in {@code folder} with only PATH and {@code environment} set, and waits for it to end.
     *
     * @throws IllegalStateException when it has not ended within two minutes (it is killed)
     */
    public static CommandProcess run(Path folder, Map<String, String> environment, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m",
                "-XX:+UseSerialGC",
                "-cp",
                System.getProperty("java.class.path"),
                "org.cleanblog.web.cli.Main"));
        command.addAll(List.of(args));
        Path output = Files.createTempFile(folder, "command-", ".log");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(folder.toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        // Only what the test sets: no DATABASE_URL or BLOG_* of the machine may leak in.
        String path = System.getenv("PATH");
        builder.environment().clear();
        if (path != null) {
            builder.environment().put("PATH", path);
        }
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (!process.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor();
            throw new IllegalStateException("'" + String.join(" ", args) + "' did not end within " + TIMEOUT + ":\n"
                    + Files.readString(output, StandardCharsets.UTF_8));
        }
        return new CommandProcess(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
    }
}
