package org.cleanblog.web.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.cleanblog.config.BlogConfiguration;
import org.cleanblog.config.ConfigurationException;
import org.cleanblog.persistence.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code serve} reports a failed bind with its real cause and the setting that fixes it. */
class ServeCommandTest {
    /** TEST-NET-1 (RFC 5737): documentation only, never an address of a real machine. */
    private static final String NOT_LOCAL = "192.0.2.1";

    @TempDir
    Path directory;

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int serve(Map<String, String> environment) {
        Cli cli = new Cli(
                () -> BlogConfiguration.load(environment, new Properties(), directory),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return cli.run("serve");
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void shouldExit2NamingTheConnectionPoolWhenItLeadsToADatabaseWithoutTheSchema() {
        // The pooler's database is opened without migrating (ADR 0031): here an empty schema beside the migrated one.
        try (TestDatabase database = TestDatabase.postgresql("servepooled");
                TestDatabase elsewhere = TestDatabase.postgresql("servepooledelsewhere")) {
            int status = serve(Map.of(
                    "DATABASE_URL",
                    database.jdbcUrl(),
                    "DATABASE_CONNECTION_POOL_URL",
                    elsewhere.jdbcUrl(),
                    "BIND_HOST",
                    "127.0.0.1",
                    "PORT",
                    "8080"));

            assertThat(status).isEqualTo(Cli.USAGE);
            assertThat(err().lines())
                    .singleElement()
                    .asString()
                    .startsWith("DATABASE_CONNECTION_POOL_URL: leads to a database without the schema just migrated"
                            + " through DATABASE_URL: point it at a pooler in front of that database (")
                    .contains("has no Clean Blog schema yet");
        }
    }

    @Test
    void shouldExit1AdvisingAFreePortWhenThePortIsTaken() throws IOException {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            int port = taken.getLocalPort();

            int status = serve(Map.of("BIND_HOST", "127.0.0.1", "PORT", Integer.toString(port)));

            assertThat(status).isEqualTo(Cli.FAILURE);
            assertThat(err().lines())
                    .singleElement()
                    .isEqualTo("error: cannot listen on 127.0.0.1:" + port + " (Address already in use): another"
                            + " process listens there; set PORT to a free port");
        }
    }

    @Test
    void shouldExit2NamingBindHostWhenItIsNotAnAddressOfThisMachine() throws IOException {
        // If this machine had the address, serve would listen until killed: fail loudly instead of hanging.
        assertThat(NetworkInterface.getByInetAddress(InetAddress.getByName(NOT_LOCAL)))
                .as("%s must not be an address of the test machine", NOT_LOCAL)
                .isNull();

        int status = serve(Map.of("BIND_HOST", NOT_LOCAL, "PORT", "8080"));

        assertThat(status).isEqualTo(Cli.USAGE);
        assertThat(err().lines())
                .singleElement()
                .isEqualTo("BIND_HOST: 192.0.2.1 is not an address of this machine (cannot listen on 192.0.2.1:8080:"
                        + " Cannot assign requested address); set BIND_HOST to one of its addresses, 0.0.0.0 for all"
                        + " interfaces or 127.0.0.1 for this machine only");
    }

    @Test
    void shouldNameTheExceptionClassWhenTheCauseHasNoMessage() {
        RuntimeException failure = ServeCommand.bindFailure(
                new IOException("Failed to bind to nowhere.invalid:8080", new UnresolvedAddressException()),
                "nowhere.invalid",
                8080);

        assertThat(failure)
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("BIND_HOST: host name 'nowhere.invalid' does not resolve to an address (cannot listen on"
                        + " nowhere.invalid:8080: UnresolvedAddressException); set BIND_HOST to an address of this"
                        + " machine, 0.0.0.0 for all interfaces or 127.0.0.1")
                .hasMessageNotContaining("null");
    }

    @Test
    void shouldAdviseAPortAbove1023WhenBindingNeedsPrivileges() {
        RuntimeException failure = ServeCommand.bindFailure(
                new IOException("Failed to bind", new BindException("Permission denied")), "::", 80);

        assertThat(failure)
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("PORT: 80 needs privileges to listen on (cannot listen on [::]:80: Permission denied); set"
                        + " PORT to 1024 or above");
    }

    @Test
    void shouldReportAnUnknownCauseWithoutAdvisingTheWrongFix() {
        RuntimeException failure =
                ServeCommand.bindFailure(new IOException("Failed to bind", new IOException()), "0.0.0.0", 8080);

        assertThat(failure)
                .isInstanceOf(ServeCommand.StartupException.class)
                .hasMessage("cannot listen on 0.0.0.0:8080 (IOException); check BIND_HOST and PORT");
    }

    @Test
    void shouldLoadTheSqliteDriverEarlyOnlyWhenTheEnvironmentLeavesTheBlogOnSqlite() {
        assertThat(ServeCommand.looksLikeSqlite(Map.of())).isTrue();
        assertThat(ServeCommand.looksLikeSqlite(Map.of("DATABASE_URL", "sqlite:///blog.db")))
                .isTrue();
        assertThat(ServeCommand.looksLikeSqlite(Map.of("JDBC_DATABASE_URL", "jdbc:sqlite:blog.db")))
                .isTrue();
        assertThat(ServeCommand.looksLikeSqlite(Map.of("DATABASE_URL", "postgres://u@host/db")))
                .isFalse();
        assertThat(ServeCommand.looksLikeSqlite(
                        Map.of("DATABASE_URL", " ", "JDBC_DATABASE_URL", "jdbc:postgresql://h/db")))
                .isFalse();
        // DATABASE_URL wins over JDBC_DATABASE_URL, as in the configuration.
        assertThat(ServeCommand.looksLikeSqlite(
                        Map.of("DATABASE_URL", "sqlite:///b.db", "JDBC_DATABASE_URL", "jdbc:postgresql://h/db")))
                .isTrue();
    }
}
