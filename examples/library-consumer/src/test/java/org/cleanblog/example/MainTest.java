package org.cleanblog.example;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.cleanblog.core.post.Post;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {
    @TempDir
    Path folder;

    @Test
    void shouldWriteAndPrintAPostWhenRunOnANewSqliteFile() {
        Path file = folder.resolve("blog.db");
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        Post post =
                Main.writeAndReadAPost("jdbc:sqlite:" + file, new PrintStream(printed, true, StandardCharsets.UTF_8));

        assertThat(Files.exists(file)).isTrue();
        assertThat(post.authorName()).isEqualTo("Ada Lovelace");
        assertThat(printed.toString(StandardCharsets.UTF_8))
                .startsWith("Post " + post.id() + " \"Notes on the Analytical Engine\" by Ada Lovelace, "
                        + post.createdAt())
                .contains("<p>The engine <em>weaves</em> algebraic patterns.</p>");
    }

    @Test
    void shouldReuseTheAuthorAndAddAPostWhenRunAgainOnTheSameFile() {
        String url = "jdbc:sqlite:" + folder.resolve("blog.db");
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);

        Post first = Main.writeAndReadAPost(url, quiet);
        Post second = Main.writeAndReadAPost(url, quiet);

        assertThat(second.id()).isNotEqualTo(first.id());
        assertThat(second.authorId()).isEqualTo(first.authorId());
    }

    @Test
    void shouldRunAsAProgramWithTheUrlAsItsArgument() {
        Path file = folder.resolve("from-main.db");
        PrintStream original = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            Main.main(new String[] {"jdbc:sqlite:" + file});
        } finally {
            System.setOut(original);
        }

        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("\"Notes on the Analytical Engine\" by Ada");
        assertThat(Files.exists(file)).isTrue();
    }

    @Test
    void shouldBeQuotedVerbatimInTheLibraryGuide() throws IOException {
        // Maven runs the tests in the module folder, in the reactor and on its own alike.
        String source = Files.readString(Path.of("src/main/java/org/cleanblog/example/Main.java"));
        String guide = Files.readString(Path.of("../../docs/persistence.md"));
        String usage = source.substring(
                source.indexOf("// usage:start\n") + "// usage:start\n".length(),
                source.indexOf("        // usage:end"));
        String dedented = usage.lines()
                .map(line -> line.startsWith("        ") ? line.substring(8) : line)
                .collect(Collectors.joining("\n"));

        assertThat(guide).contains("```java\n" + dedented + "\n```");
    }
}
