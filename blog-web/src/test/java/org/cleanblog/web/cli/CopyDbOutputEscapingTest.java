package org.cleanblog.web.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;
import java.util.Properties;
import org.cleanblog.config.BlogConfiguration;
import org.cleanblog.persistence.Dialect;
import org.cleanblog.persistence.testing.FlaskTutorialDatabase;
import org.cleanblog.persistence.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A crafted source database cannot drive the terminal through what copy-db prints (issue 9, 1.6): values it quotes
 * (rejected rows, the source's table names in an error) reach standard output and error escaped, with no ESC, BEL, C1
 * or bidirectional override character left.
 */
class CopyDbOutputEscapingTest {
    /** What the review's crafted e-mail did: set the window title, clear the screen, print a red fake result. */
    private static final String ATTACK = "\u001b]0;PWNED\u0007\u001b[2J\u001b[31mFAKE: copy verified ok";

    @TempDir
    Path directory;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int copyDb(String from, String to) {
        Cli cli = new Cli(
                () -> BlogConfiguration.load(Map.of(), new Properties(), directory),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return cli.run("copy-db", "--from", from, "--to", to, "--progress", "lines");
    }

    private String printed() {
        return out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void shouldPrintNoEscapeCodesOfAnEmailInTheSource() throws Exception {
        try (TestDatabase flask = FlaskTutorialDatabase.create(
                        Dialect.SQLITE,
                        "INSERT INTO users (id, email, password, name) VALUES (3, '" + ATTACK + "', 'x', 'Mallory')");
                TestDatabase target = TestDatabase.sqlite()) {
            assertThat(copyDb(flask.jdbcUrl(), target.jdbcUrl())).isEqualTo(1);

            assertThat(printed()).doesNotContain("\u001b", "\u0007").contains("rejected: users id 3: email contains");
            assertThat(printed().lines()).noneMatch(line -> line.startsWith("FAKE"));
        }
    }

    @Test
    void shouldEscapeC1AndBidiCharactersQuotedFromTheSource() throws Exception {
        // XML 1.0 allows these, so the row is refused for its shape, and the reason quotes the e-mail.
        String email = "evil\u009b2J\u202e moc.elpmaxe@x";
        try (TestDatabase flask = FlaskTutorialDatabase.create(
                        Dialect.SQLITE,
                        "INSERT INTO users (id, email, password, name) VALUES (3, '" + email + "', 'x', 'Mallory')");
                TestDatabase target = TestDatabase.sqlite()) {
            assertThat(copyDb(flask.jdbcUrl(), target.jdbcUrl())).isEqualTo(1);

            assertThat(printed())
                    .doesNotContain("\u009b", "\u202e")
                    .contains("rejected: users id 3: email 'evil\\u009B2J\\u202E moc.elpmaxe@x' is not an e-mail");
        }
    }

    @Test
    void shouldEscapeTheTableNamesOfASourceThatIsNoBlog() throws Exception {
        try (TestDatabase source = TestDatabase.sqlite()) {
            try (Connection connection = source.connect();
                    Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE \"" + ATTACK + "\" (id INTEGER)");
            }

            assertThat(copyDb(source.jdbcUrl(), "jdbc:sqlite:" + directory.resolve("target.db")))
                    .isEqualTo(2);

            assertThat(printed())
                    .doesNotContain("\u001b", "\u0007")
                    // The catalog reports table names in lower case.
                    .contains("its tables are \\u001B]0;pwned\\u0007\\u001B[2j\\u001B[31mfake: copy verified ok");
        }
    }
}
