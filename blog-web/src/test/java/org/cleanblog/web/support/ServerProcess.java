package org.cleanblog.web.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The blog as its own operating-system process ({@code org.cleanblog.web.cli.Main serve}, on the test's class path), on
 * 127.0.0.1 and a free port, configured only through its environment as a platform would: for tests that kill it.
 * Its output goes to a log file. Not thread-safe.
 */
public final class ServerProcess implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private final Process process;
    private final URI uri;
    private final Path log;
    private final HttpClient client = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    private ServerProcess(Process process, URI uri, Path log) {
        this.process = process;
        this.uri = uri;
        this.log = log;
    }

    /**
     * Starts {@code serve} on {@code databaseUrl} in {@code folder} (its working directory, where its log {@code
     * name.log} goes too) and waits until {@code /healthz} answers 200.
     *
     * @throws IllegalStateException when it exits or does not answer in time; the message holds the end of its log
     */
    public static ServerProcess start(String databaseUrl, Path folder, String name) throws Exception {
        return start(databaseUrl, folder, name, Map.of());
    }

    /** As {@link #start(String, Path, String)}, with more environment variables (for example SHUTDOWN_TIMEOUT). */
    public static ServerProcess start(String databaseUrl, Path folder, String name, Map<String, String> environment)
            throws Exception {
        ServerProcess server = launch(databaseUrl, folder, name, environment);
        try {
            server.awaitHealthy();
            return server;
        } catch (Exception | AssertionError e) {
            server.kill();
            throw e;
        }
    }

    /**
     * As {@link #start(String, Path, String, Map)}, but returns as soon as the process exists, without waiting for it
     * to serve: to start several at the same moment. Call {@link #awaitHealthy()} before sending requests.
     */
    public static ServerProcess launch(String databaseUrl, Path folder, String name, Map<String, String> environment)
            throws IOException {
        int port = FreePorts.next();
        Path log = folder.resolve(name + ".log");
        ProcessBuilder builder = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx256m",
                        "-XX:+UseSerialGC",
                        "-cp",
                        System.getProperty("java.class.path"),
                        "org.cleanblog.web.cli.Main",
                        "serve")
                .directory(folder.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        // Only what the test sets: no DATABASE_URL, BLOG_* or ADMIN_EMAILS of the machine may leak in.
        String path = System.getenv("PATH");
        builder.environment().clear();
        if (path != null) {
            builder.environment().put("PATH", path);
        }
        builder.environment().put("DATABASE_URL", databaseUrl);
        builder.environment().put("PORT", Integer.toString(port));
        builder.environment().put("BIND_HOST", "127.0.0.1");
        builder.environment().put("SECRET_KEY", RunningBlog.SECRET);
        builder.environment().putAll(environment);
        return new ServerProcess(builder.start(), URI.create("http://127.0.0.1:" + port + "/"), log);
    }

    /**
     * Runs another command of the blog ({@code java … Main args}, e.g. {@code copy-db}) as its own process in {@code
     * folder}, with the test's class path and no environment but {@code PATH}, and waits for it to end.
     *
     * @throws IllegalStateException when it does not end within {@code timeout} (it is killed)
     */
    public static Finished run(Path folder, Duration timeout, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-cp",
                System.getProperty("java.class.path"),
                "org.cleanblog.web.cli.Main"));
        command.addAll(List.of(args));
        Path output = Files.createTempFile(folder, "command-", ".log");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(folder.toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        String path = System.getenv("PATH");
        builder.environment().clear();
        if (path != null) {
            builder.environment().put("PATH", path);
        }
        Process process = builder.start();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(
                    String.join(" ", args) + " did not end within " + timeout + ":\n" + Files.readString(output));
        }
        return new Finished(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
    }

    /** A command that ended: its exit status and everything it printed. */
    public record Finished(int status, String output) {}

    public URI uri() {
        return uri;
    }

    /** A new visitor with no cookies. */
    public Browser browser() {
        return new Browser(client, uri);
    }

    /** {@code kill -9}: the process gets no chance to finish anything. Waits until it is gone. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the blog process survived SIGKILL for 30 s");
        }
    }

    /** {@code kill -TERM}, as a platform stops a process; returns at once. */
    public void terminate() {
        if (!process.supportsNormalTermination()) {
            throw new IllegalStateException("this platform cannot send SIGTERM");
        }
        process.destroy();
    }

    /**
     * Waits up to {@code timeout} for the process to end.
     *
     * @return its exit status, or null when it is still running
     */
    public Integer awaitExit(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) ? process.exitValue() : null;
    }

    /** Everything the process has written so far. */
    public String log() throws IOException {
        return Files.readString(log, StandardCharsets.UTF_8);
    }

    /** The last lines of the process's output, for failure messages. */
    public String logTail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    /** Stops the process as an operator would (SIGTERM), then forcibly if it lingers. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            kill();
        }
    }

    /**
     * Waits until {@code /healthz} answers 200 (the schema is migrated and the database answers).
     *
     * @throws IllegalStateException when the process exits or does not answer in time; the message holds the end of
     *     its log
     */
    public void awaitHealthy() throws InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        HttpRequest healthz = HttpRequest.newBuilder(uri.resolve("/healthz"))
                .timeout(Duration.ofSeconds(10))
                .build();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        "the blog process exited with " + process.exitValue() + ":\n" + logTail());
            }
            try {
                if (client.send(healthz, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // Not listening yet.
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException(
                "the blog process did not answer /healthz within " + START_TIMEOUT + ":\n" + logTail());
    }
}
