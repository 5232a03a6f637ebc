package org.cleanblog.example;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
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
        String guide = Files.readString(Path.of("../../docs/persistence.md"));
        Pattern marker = Pattern.compile("(?m)^( *)// ([a-z-]+):start\n(.*?)^ *// \\2:end$", Pattern.DOTALL);
        List<String> quoted = new ArrayList<>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source :
                    sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher block = marker.matcher(Files.readString(source));
                while (block.find()) {
                    int indent = block.group(1).length();
                    String dedented = block.group(3)
                            .lines()
                            .map(line -> line.length() >= indent ? line.substring(indent) : line.strip())
                            .collect(Collectors.joining("\n"));
                    assertThat(guide)
                            .as("docs/persistence.md quotes " + block.group(2) + " of " + source)
                            .contains("```java\n" + dedented + "\n```");
                    quoted.add(block.group(2));
                }
            }
        }
        assertThat(quoted)
                .containsExactlyInAnyOrder(
                        "usage",
                        "comments",
                        "paging",
                        "own-migrations",
                        "release-step",
                        "schema",
                        "datasource",
                        "sqlite-pool");
    }
}
