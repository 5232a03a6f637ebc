import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The training run that writes the blog's class-data sharing archive (ADR 0036): starts {@code java
 * -XX:ArchiveClassesAtExit=ARCHIVE -jar JAR serve} on a new SQLite blog in a temporary folder, asks it for the pages a
 * visitor sees first, stops it with SIGTERM (the JVM writes the archive as it exits), and moves the archive into place
 * only when all of that succeeded, so that a failed or interrupted run never leaves a half-written archive: JDK 17
 * crashes on a truncated one instead of ignoring it. The temporary folder (blog, server log, sqlite-jdbc's native
 * library) is deleted in every case, and a run that does not finish within {@link #DEADLINE} is killed.
 *
 * <p>JDK 17 accepts an archive only when the JVM runs the jar under the same path as the training run, relative or
 * absolute: run this from the folder the blog will be started in, with the jar named exactly as the start command
 * names it. The Maven build runs it from the repository root as {@code blog-web/target/blog.jar}, the Procfile's path.
 *
 * <p>Usage: {@code java CdsTraining.java JAR ARCHIVE [JVM_OPTION...]}. Exit status 0 when the archive was written
 * (or when the platform cannot stop a process with SIGTERM, Windows: then it says so and writes none), 1 otherwise.
 */
public final class CdsTraining {
    private static final Duration DEADLINE = Duration.ofSeconds(120);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(20);
    private static final int ATTEMPTS = 3;

    /** The first pages of a visit, in order, each with the status it must answer. */
    private static final List<Map.Entry<String, Integer>> PAGES = List.of(
            Map.entry("/about", 200),
            Map.entry("/", 200),
            Map.entry("/post/1", 404),
            Map.entry("/login", 200),
            Map.entry("/register", 200),
            Map.entry("/contact", 200),
            Map.entry("/feed.xml", 200),
            Map.entry("/sitemap.xml", 200),
            Map.entry("/sitemap/1.xml", 200),
            Map.entry("/static/blog.css", 200),
            Map.entry("/healthz", 200));

    private final String jar;
    private final Path archive;
    private final List<String> jvmOptions;
    private final long deadline = System.nanoTime() + DEADLINE.toNanos();
    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    private CdsTraining(String jar, Path archive, List<String> jvmOptions) {
        this.jar = jar;
        this.archive = archive;
        this.jvmOptions = jvmOptions;
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: java CdsTraining.java JAR ARCHIVE [JVM_OPTION...]");
            System.exit(2);
        }
        CdsTraining training =
                new CdsTraining(args[0], Path.of(args[1]), List.of(args).subList(2, args.length));
        try {
            training.run();
        } catch (TrainingFailed e) {
            System.err.println("CDS training run failed: " + e.getMessage());
            System.exit(1);
        }
    }

    private void run() throws Exception {
        if (!Files.isRegularFile(Path.of(jar))) {
            throw new TrainingFailed(jar + " does not exist (run from the folder the blog is started in)");
        }
        // An archive of an older jar would only be refused with a warning; without one the outcome is clear.
        Files.deleteIfExists(archive);
        Path written = archive.resolveSibling(archive.getFileName() + ".tmp");
        Files.deleteIfExists(written);
        if (!ProcessHandle.current().supportsNormalTermination()) {
            System.out.println("CDS archive not written: this platform cannot stop the training run with SIGTERM");
            return;
        }
        long started = System.nanoTime();
        Path folder = Files.createTempDirectory("blog-cds-training-");
        try {
            train(folder, written);
            if (!Files.isRegularFile(written) || Files.size(written) == 0) {
                throw new TrainingFailed("the JVM wrote no archive to " + written);
            }
            Files.move(written, archive, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            System.out.printf(
                    Locale.ROOT,
                    "CDS archive %s (%.1f MB) written by a training run of %s in %.1f s%n",
                    archive,
                    Files.size(archive) / 1e6,
                    jar,
                    (System.nanoTime() - started) / 1e9);
        } finally {
            Files.deleteIfExists(written);
            deleteRecursively(folder);
        }
    }

    /** Starts the blog, visits it and stops it; retries when another process took the free port meanwhile. */
    private void train(Path folder, Path written) throws Exception {
        for (int attempt = 1; ; attempt++) {
            int port = freePort();
            Path log = folder.resolve("server-" + attempt + ".log");
            Process server = start(folder, written, port, log);
            try {
                if (awaitHealthy(server, port)) {
                    visit(port, log);
                    stop(server, log);
                    return;
                }
                if (attempt == ATTEMPTS || !Files.readString(log).contains("another process listens there")) {
                    throw new TrainingFailed(
                            "the blog exited with status " + server.exitValue() + " on start-up" + tail(log));
                }
            } finally {
                if (server.isAlive()) {
                    server.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            }
        }
    }

    private Process start(Path folder, Path written, int port, Path log) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-XX:ArchiveClassesAtExit=" + written);
        // sqlite-jdbc unpacks its native library there: it goes away with the folder.
        command.add("-Djava.io.tmpdir=" + folder);
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar, "serve"));
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        // Only these settings: no DATABASE_URL, DYNO or BLOG_CONFIG_FILE of the machine may reach the training blog.
        Map<String, String> environment = builder.environment();
        String path = environment.get("PATH");
        environment.clear();
        if (path != null) {
            environment.put("PATH", path);
        }
        environment.put("DATABASE_URL", "sqlite:///" + folder.resolve("blog.db").toAbsolutePath());
        environment.put("PORT", Integer.toString(port));
        environment.put("BIND_HOST", "127.0.0.1");
        environment.put("BLOG_ENV", "production");
        environment.put("BLOG_BASE_URL", "http://127.0.0.1:" + port);
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        environment.put("SECRET_KEY", HexFormat.of().formatHex(key));
        return builder.start();
    }

    /** Whether {@code /healthz} answered 200; false when the process exited first. */
    private boolean awaitHealthy(Process server, int port) throws Exception {
        while (server.isAlive()) {
            requireTime("the blog did not answer /healthz");
            try {
                if (get(port, "/healthz") == 200) {
                    return true;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(50);
        }
        return false;
    }

    private void visit(int port, Path log) throws Exception {
        for (Map.Entry<String, Integer> page : PAGES) {
            requireTime("the pages took too long");
            int status = get(port, page.getKey());
            if (status != page.getValue()) {
                throw new TrainingFailed(
                        "GET " + page.getKey() + " answered " + status + ", not " + page.getValue() + tail(log));
            }
        }
    }

    /** SIGTERM: the blog stops gracefully and exits with 0, and the JVM writes the archive on its way out. */
    private void stop(Process server, Path log) throws Exception {
        server.destroy();
        long left = deadline - System.nanoTime();
        if (left <= 0 || !server.waitFor(left, TimeUnit.NANOSECONDS)) {
            throw new TrainingFailed(
                    "the blog did not stop within " + DEADLINE.toSeconds() + " s of starting" + tail(log));
        }
        if (server.exitValue() != 0) {
            throw new TrainingFailed("the blog exited with status " + server.exitValue() + " on SIGTERM" + tail(log));
        }
    }

    private int get(int port, String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(REQUEST_TIMEOUT)
                .build();
        return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private void requireTime(String what) {
        if (System.nanoTime() - deadline > 0) {
            throw new TrainingFailed(what + " within " + DEADLINE.toSeconds() + " s");
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** The end of the blog's log, for a failure message. */
    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return "; the end of its log:\n  "
                    + String.join("\n  ", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "; its log " + log + " could not be read: " + e.getMessage();
        }
    }

    private static void deleteRecursively(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    private static final class TrainingFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TrainingFailed(String message) {
            super(message);
        }
    }
}
