package org.cleanblog.web.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cleanblog.persistence.testing.Fixtures.newUser;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.cleanblog.config.BlogConfiguration;
import org.cleanblog.core.user.User;
import org.cleanblog.persistence.BlogDatabase;
import org.cleanblog.persistence.Dialect;
import org.cleanblog.persistence.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code admin grant|revoke|list} on the configured database (issue 9, 1.1): the operator's way to make admins, now
 * that {@code ADMIN_EMAILS} is refused by every command that loads the configuration.
 */
class AdminCommandTest {
    private static final String REFUSED = "ADMIN_EMAILS: is no longer supported: it made anyone who registered a listed"
            + " address an admin; unset it and run `java -jar blog.jar admin grant EMAIL` for each admin instead";

    @TempDir
    Path directory;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    int run(Map<String, String> environment, String... args) {
        out.reset();
        err.reset();
        Cli cli = new Cli(
                () -> BlogConfiguration.load(environment, new Properties(), directory),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return cli.run(args);
    }

    String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    /**
     * Every command that reads the configuration stops at a configured ADMIN_EMAILS. {@code serve} gets an address
     * that is not this machine's, so it would fail fast with another message rather than serve if the setting were
     * read as before.
     */
    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"serve", "migrate", "config", "admin list"})
    void shouldRefuseEveryCommandWhileAdminEmailsIsSet(String command) {
        Map<String, String> environment =
                Map.of("ADMIN_EMAILS", "boss@example.org", "BIND_HOST", "192.0.2.1", "PORT", "8080");

        assertThat(run(environment, command.split(" "))).isEqualTo(Cli.USAGE);
        assertThat(err().lines()).containsExactly(REFUSED);
    }

    @Test
    void shouldExit2WithOneLineWithoutASubcommandOrWithAMalformedAddress() {
        assertThat(run(Map.of(), "admin")).isEqualTo(Cli.USAGE);
        assertThat(err().lines())
                .singleElement()
                .asString()
                .startsWith("admin: needs a command: grant, list or revoke (see admin --help)");

        assertThat(run(Map.of(), "admin", "grant", "bob")).isEqualTo(Cli.USAGE);
        assertThat(err().lines())
                .containsExactly("admin grant: 'bob' is not an e-mail address (expected name@example.org) (see admin"
                        + " grant --help)");

        assertThat(run(Map.of(), "admin", "revoke")).isEqualTo(Cli.USAGE);
        assertThat(err().lines()).singleElement().asString().startsWith("admin revoke: ");
    }

    @Test
    void shouldShowTheCommandsInTheHelp() {
        assertThat(run(Map.of(), "--help")).isZero();
        assertThat(out()).contains("admin", "TRUSTED_PROXIES").doesNotContain("ADMIN_EMAILS");
        assertThat(run(Map.of(), "admin", "--help")).isZero();
        assertThat(out()).contains("grant", "revoke", "list");
        assertThat(run(Map.of(), "admin", "revoke", "--help")).isZero();
        assertThat(out()).contains("--force", "EMAIL");
    }

    @Test
    void shouldEscapeControlCharactersOfStoredText() {
        assertThat(TerminalText.escape("Eve\u001b]0;owned\u0007\u001b[2J\u202e"))
                .isEqualTo("Eve\\u001B]0;owned\\u0007\\u001B[2J\\u202E");
    }

    @Nested
    class OnSqlite extends OnADatabase {
        OnSqlite() {
            super(Dialect.SQLITE);
        }
    }

    @Nested
    class OnPostgresql extends OnADatabase {
        OnPostgresql() {
            super(Dialect.POSTGRESQL);
        }
    }

    abstract class OnADatabase {
        private final Dialect dialect;
        private TestDatabase database;
        private BlogDatabase db;
        private User owner;
        private User reader;

        OnADatabase(Dialect dialect) {
            this.dialect = dialect;
        }

        @BeforeEach
        void createUsers() {
            database = TestDatabase.create(dialect, "admincmd");
            db = database.open();
            owner = db.users().create(newUser("owner@example.org"));
            reader = db.users().create(newUser("Reader@Example.org"));
        }

        @AfterEach
        void close() {
            db.close();
            database.close();
        }

        private int admin(String... args) {
            Map<String, String> environment = new HashMap<>();
            environment.put("DATABASE_URL", database.jdbcUrl());
            String[] command = new String[args.length + 1];
            command[0] = "admin";
            System.arraycopy(args, 0, command, 1, args.length);
            return run(environment, command);
        }

        private boolean isAdmin(User user) {
            return db.users().findById(user.id()).orElseThrow().admin();
        }

        @Test
        void shouldGrantTheAdminRightToARegisteredUserIgnoringCase() {
            assertThat(admin("grant", "reader@EXAMPLE.org")).isZero();

            assertThat(out()).isEqualTo("Reader@Example.org (Name of Reader@Example.org) is now an admin.\n");
            assertThat(isAdmin(reader)).isTrue();

            assertThat(admin("grant", "reader@example.org")).isZero();
            assertThat(out()).endsWith("is already an admin.\n");
        }

        @Test
        void shouldExit1NamingTheAddressWhenNobodyRegisteredIt() {
            assertThat(admin("grant", "boss@example.org")).isEqualTo(Cli.FAILURE);

            assertThat(err().lines())
                    .containsExactly("admin grant: no user has the e-mail boss@example.org (the person registers at"
                            + " /register first; `admin list` shows the admins)");
            assertThat(db.users().findAdmins()).containsExactly(owner);
        }

        @Test
        void shouldListTheAdminsWithTheirNames() {
            db.users().grantAdmin(reader.id());

            assertThat(admin("list")).isZero();

            assertThat(out().lines())
                    .containsExactly(
                            "owner@example.org   Name of owner@example.org",
                            "Reader@Example.org  Name of Reader@Example.org");
        }

        @Test
        void shouldRevokeWhileAnotherAdminRemains() {
            db.users().grantAdmin(reader.id());

            assertThat(admin("revoke", "owner@example.org")).isZero();

            assertThat(out()).isEqualTo("owner@example.org (Name of owner@example.org) is no longer an admin.\n");
            assertThat(isAdmin(owner)).isFalse();
            assertThat(admin("revoke", "owner@example.org")).isZero();
            assertThat(out()).endsWith("is not an admin; nothing changed.\n");
        }

        @Test
        void shouldKeepTheLastAdminUnlessForced() {
            assertThat(admin("revoke", "owner@example.org")).isEqualTo(Cli.FAILURE);
            assertThat(err().lines())
                    .containsExactly("admin revoke: owner@example.org (Name of owner@example.org) is the only admin;"
                            + " grant the right to another user first, or add --force to leave the blog without an"
                            + " admin");
            assertThat(isAdmin(owner)).isTrue();

            assertThat(admin("revoke", "--force", "owner@example.org")).isZero();
            assertThat(isAdmin(owner)).isFalse();
            assertThat(err()).contains("the blog has no admin now");

            assertThat(admin("list")).isZero();
            assertThat(out()).isEmpty();
            assertThat(err()).contains("The blog has no admin");
        }
    }
}
