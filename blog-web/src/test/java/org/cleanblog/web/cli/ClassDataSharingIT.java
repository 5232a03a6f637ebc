package org.cleanblog.web.cli;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.cleanblog.web.support.FreePorts;
import org.cleanblog.web.support.RunningBlog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The class-data sharing archive that the package phase writes beside the jar (ADR 0036) is one the JVM accepts for
 * the Procfile's command, and it holds the classes that serving needs. Run by failsafe after the package phase, on
 * the real {@code blog-web/target/blog.jar}, from the repository root as the Procfile runs it.
 */
@DisabledOnOs(value = OS.WINDOWS, disabledReason = "the build writes no archive where SIGTERM cannot stop a process")
class ClassDataSharingIT {
    /** The Procfile's paths: JDK 17 accepts the archive only for the jar named as in the training run. */
    private static final String JAR = "blog-web/target/blog.jar";

    private static final String ARCHIVE = "blog-web/target/blog.jsa";
    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    private static final String FROM_ARCHIVE = "source: shared objects file (top)";

    @TempDir
    Path folder;

    @Test
    void shouldServeWithClassesFromTheArchiveTheBuildWrote() throws Exception {
        assertThat(ROOT.resolve(JAR)).isRegularFile();
        assertThat(ROOT.resolve(ARCHIVE))
                .as("written by the package phase (CdsTraining)")
                .isRegularFile();
        Path classes = folder.resolve("classes.log");
        int port = FreePorts.next();

        // -Xshare:on makes the JVM refuse to start, instead of falling back, when the archive does not fit.
        Process server = start(
                port,
                List.of(
                        "-Xshare:on",
                        "-XX:SharedArchiveFile=" + ARCHIVE,
                        "-XX:+UseSerialGC",
                        "-Xlog:class+load=info:file=" + classes));
        try {
            assertThat(awaitAbout(server, port)).as("GET /about").isEqualTo(200);
        } finally {
            server.destroy();
            assertThat(server.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(server.exitValue()).as(log()).isZero();

        List<String> loaded = Files.readAllLines(classes, StandardCharsets.UTF_8);
        List<String> archived =
                loaded.stream().filter(line -> line.endsWith(FROM_ARCHIVE)).toList();
        List<String> fromJar =
                loaded.stream().filter(line -> line.contains("blog.jar")).toList();
        assertThat(archived)
                .anyMatch(line -> line.contains(" org.cleanblog.web.cli.Main "))
                .anyMatch(line -> line.contains(" org.cleanblog.web.http.BlogServer "))
                .anyMatch(line -> line.contains(" org.eclipse.jetty.server.Server "))
                .anyMatch(line -> line.contains(" org.apache.ibatis.session.Configuration "))
                .anyMatch(line -> line.contains(" org.flywaydb.core.Flyway "))
                .hasSizeGreaterThan(2_000);
        // A few classes cannot be archived (those that failed verification at dump time, e.g. logging bridges probing
        // for Log4j); many from the jar would mean the training run missed part of start-up.
        assertThat(fromJar)
                .as("classes read from the jar instead of the archive")
                .hasSizeLessThan(archived.size() / 100);
    }

    private Process start(int port, List<String> jvmOptions) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", JAR, "serve"));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(ROOT.toFile())
                .redirectErrorStream(true)
                .redirectOutput(folder.resolve("server.log").toFile());
        Map<String, String> environment = builder.environment();
        String path = environment.get("PATH");
        environment.clear();
        if (path != null) {
            environment.put("PATH", path);
        }
        environment.put("DATABASE_URL", "sqlite:///" + folder.resolve("blog.db"));
        environment.put("PORT", Integer.toString(port));
        environment.put("BIND_HOST", "127.0.0.1");
        environment.put("BLOG_ENV", "production");
        environment.put("SECRET_KEY", RunningBlog.SECRET);
        environment.put("BLOG_BASE_URL", "http://127.0.0.1:" + port);
        return builder.start();
    }

    /** The status of the first answer to {@code GET /about}; fails when the process exits or nothing answers. */
    private int awaitAbout(Process server, int port) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest about = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/about"))
                .timeout(Duration.ofSeconds(10))
                .build();
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() - deadline < 0) {
            assertThat(server.isAlive())
                    .as("the blog is running; its log:\n%s", log())
                    .isTrue();
            try {
                return client.send(about, HttpResponse.BodyHandlers.discarding())
                        .statusCode();
            } catch (IOException e) {
                Thread.sleep(100); // not listening yet
            }
        }
        throw new AssertionError("no answer from /about within 90 s; the log:\n" + log());
    }

    private String log() throws IOException {
        return Files.readString(folder.resolve("server.log"), StandardCharsets.UTF_8);
    }
}
