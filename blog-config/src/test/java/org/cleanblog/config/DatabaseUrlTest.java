package org.cleanblog.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DatabaseUrlTest {
    private static final String SSL = "?sslmode=require";
    private static final String REMOTE = "jdbc:postgresql://db.example.com:5432/blog";

    @TempDir
    static Path workingDirectory;

    /** url, expected JDBC URL ({wd} = working directory), user, password (null = none), dialect. */
    static Stream<Arguments> validUrls() {
        return Stream.of(
                // SQLite, the tutorial's form and its variants
                sqlite("sqlite:///blog.db", "jdbc:sqlite:{wd}/blog.db"),
                sqlite("sqlite:///data/blog.db", "jdbc:sqlite:{wd}/data/blog.db"),
                sqlite("sqlite:///./blog.db", "jdbc:sqlite:{wd}/blog.db"),
                sqlite("sqlite:///data/../blog.db", "jdbc:sqlite:{wd}/blog.db"),
                sqlite("sqlite:///my blog.db", "jdbc:sqlite:{wd}/my blog.db"),
                sqlite("sqlite:////var/lib/blog/blog.db", "jdbc:sqlite:/var/lib/blog/blog.db"),
                sqlite("sqlite:////tmp/blog.db?journal_mode=WAL", "jdbc:sqlite:/tmp/blog.db?journal_mode=WAL"),
                sqlite("SQLite:///blog.db", "jdbc:sqlite:{wd}/blog.db"),
                sqlite("  sqlite:///blog.db\n", "jdbc:sqlite:{wd}/blog.db"),
                sqlite("sqlite:///:memory:", "jdbc:sqlite::memory:"),
                sqlite("jdbc:sqlite:blog.db", "jdbc:sqlite:blog.db"),
                sqlite("jdbc:sqlite:/srv/blog/blog.db", "jdbc:sqlite:/srv/blog/blog.db"),
                sqlite("jdbc:sqlite::memory:", "jdbc:sqlite::memory:"),
                sqlite("JDBC:SQLITE:/srv/blog.db", "jdbc:sqlite:/srv/blog.db"),
                sqlite("\tjdbc:sqlite:/srv/blog.db\r\n", "jdbc:sqlite:/srv/blog.db"),
                // postgres:// and postgresql:// as platforms hand them out
                pg("postgres://u:s3cret@db.example.com/blog", REMOTE + SSL, "u", "s3cret"),
                pg("postgresql://u:s3cret@db.example.com/blog", REMOTE + SSL, "u", "s3cret"),
                pg("POSTGRES://u:s3cret@DB.Example.com/blog", REMOTE + SSL, "u", "s3cret"),
                pg(
                        "postgres://u:s3cret@db.example.com:6543/blog",
                        "jdbc:postgresql://db.example.com:6543/blog" + SSL,
                        "u",
                        "s3cret"),
                pg("  postgres://u:s3cret@db.example.com/blog \n", REMOTE + SSL, "u", "s3cret"),
                pg("postgres://u:s3cret@10.0.0.5/blog", "jdbc:postgresql://10.0.0.5:5432/blog" + SSL, "u", "s3cret"),
                pg(
                        "postgres://u:s3cret@[2001:db8::5]:5433/blog",
                        "jdbc:postgresql://[2001:db8::5]:5433/blog" + SSL,
                        "u",
                        "s3cret"),
                // local hosts get no sslmode
                pg("postgres://u:s3cret@localhost/blog", "jdbc:postgresql://localhost:5432/blog", "u", "s3cret"),
                pg("postgres://u:s3cret@LocalHost:5433/blog", "jdbc:postgresql://localhost:5433/blog", "u", "s3cret"),
                pg("postgres://u:s3cret@127.0.0.1/blog", "jdbc:postgresql://127.0.0.1:5432/blog", "u", "s3cret"),
                pg("postgres://u:s3cret@127.1.2.3/blog", "jdbc:postgresql://127.1.2.3:5432/blog", "u", "s3cret"),
                pg("postgres://u:s3cret@[::1]:5432/blog", "jdbc:postgresql://[::1]:5432/blog", "u", "s3cret"),
                pg("postgres://u:s3cret@[::1]/blog", "jdbc:postgresql://[::1]:5432/blog", "u", "s3cret"),
                pg(
                        "postgres://u:s3cret@[::ffff:127.0.0.1]/blog",
                        "jdbc:postgresql://[::ffff:127.0.0.1]:5432/blog",
                        "u",
                        "s3cret"),
                pg(
                        "postgres://u:s3cret@[fe80::1%25eth0]/blog",
                        "jdbc:postgresql://[fe80::1%25eth0]:5432/blog" + SSL, "u", "s3cret"),
                pg(
                        "postgres://u:s3cret@[0:0:0:0:0:0:0:1]/blog",
                        "jdbc:postgresql://[0:0:0:0:0:0:0:1]:5432/blog",
                        "u",
                        "s3cret"),
                pg(
                        "postgres://u:s3cret@%2Fvar%2Frun%2Fpostgresql/blog",
                        "jdbc:postgresql://localhost:5432/blog?socketFactory=org.newsclub.net.unix.AFUNIXSocketFactory"
                                + "$FactoryArg&socketFactoryArg=/var/run/postgresql/.s.PGSQL.5432",
                        "u",
                        "s3cret"),
                pg(
                        "postgresql:///blog?host=/run/postgresql&application_name=blog",
                        "jdbc:postgresql://localhost:5432/blog?application_name=blog&socketFactory=org.newsclub.net.unix"
                                + ".AFUNIXSocketFactory$FactoryArg&socketFactoryArg=/run/postgresql/.s.PGSQL.5432",
                        null,
                        null),
                // query parameters are kept; an explicit sslmode is respected
                pg(
                        "postgres://u:s3cret@db.example.com/blog?sslmode=disable",
                        REMOTE + "?sslmode=disable",
                        "u",
                        "s3cret"),
                pg(
                        "postgres://u:s3cret@db.example.com/blog?sslmode=verify-full&sslrootcert=/etc/ca.pem",
                        REMOTE + "?sslmode=verify-full&sslrootcert=/etc/ca.pem",
                        "u",
                        "s3cret"),
                pg(
                        "postgres://u:s3cret@db.example.com/blog?application_name=blog&connectTimeout=10",
                        REMOTE + "?application_name=blog&connectTimeout=10&sslmode=require",
                        "u",
                        "s3cret"),
                // a transaction pooler's URL, with the driver setting it needs (docs/deploy.md, ADR 0031)
                pg(
                        "postgres://u:s3cret@pooler.example.com:6432/blog?prepareThreshold=0",
                        "jdbc:postgresql://pooler.example.com:6432/blog?prepareThreshold=0&sslmode=require",
                        "u",
                        "s3cret"),
                pg(
                        "postgres://u:s3cret@db.example.com/blog?application_name=a@b",
                        REMOTE + "?application_name=a@b&sslmode=require",
                        "u",
                        "s3cret"),
                pg(
                        "postgres://u:s3cret@db.example.com/my%20blog",
                        "jdbc:postgresql://db.example.com:5432/my%20blog" + SSL, "u", "s3cret"),
                // credentials: percent-encoded, raw specials as some providers hand them out, partial, in the query
                pg("postgres://u:p%40ss@db.example.com/blog", REMOTE + SSL, "u", "p@ss"),
                pg("postgres://u:s3cret@ss@db.example.com/blog", REMOTE + SSL, "u", "s3cret@ss"),
                pg("postgres://u:p%25ss@db.example.com/blog", REMOTE + SSL, "u", "p%ss"),
                pg("postgres://u:p%ss@db.example.com/blog", REMOTE + SSL, "u", "p%ss"),
                pg("postgres://u:pa/ss?w#rd@db.example.com/blog", REMOTE + SSL, "u", "pa/ss?w#rd"),
                pg("postgres://u:s3cret@x/y@db.example.com/blog", REMOTE + SSL, "u", "s3cret@x/y"),
                pg("postgres://u:pa:ss@db.example.com/blog", REMOTE + SSL, "u", "pa:ss"),
                pg("postgres://u:p+q@db.example.com/blog", REMOTE + SSL, "u", "p+q"),
                pg("postgres://us%65r%40corp:s3cret@db.example.com/blog", REMOTE + SSL, "user@corp", "s3cret"),
                pg("postgres://u:%E2%82%AC@db.example.com/blog", REMOTE + SSL, "u", "€"),
                pg("postgres://u@localhost/blog", "jdbc:postgresql://localhost:5432/blog", "u", null),
                pg("postgres://localhost/blog", "jdbc:postgresql://localhost:5432/blog", null, null),
                pg("postgres://:s3cret@localhost/blog", "jdbc:postgresql://localhost:5432/blog", null, "s3cret"),
                pg("postgres://u:s3cret@localhost/blog?user=v", "jdbc:postgresql://localhost:5432/blog", "v", "s3cret"),
                pg(
                        "postgres://localhost/blog?password=q%40r&application_name=a",
                        "jdbc:postgresql://localhost:5432/blog?application_name=a", null, "q@r"),
                // jdbc:postgresql: is passed through, only the credentials leave the URL
                pg(
                        "jdbc:postgresql://db.example.com:5432/blog?sslmode=require&user=u&password=s3cret",
                        REMOTE + SSL,
                        "u",
                        "s3cret"),
                pg("jdbc:postgresql://localhost/blog", "jdbc:postgresql://localhost/blog", null, null),
                pg("jdbc:postgresql:blog", "jdbc:postgresql:blog", null, null),
                pg("JDBC:PostgreSQL://localhost/blog", "jdbc:postgresql://localhost/blog", null, null),
                pg(
                        "jdbc:postgresql://localhost/blog?password=a%2Bb+c",
                        "jdbc:postgresql://localhost/blog", null, "a+b c"),
                pg(
                        "jdbc:postgresql://h1:5432,h2:5432/blog?targetServerType=primary",
                        "jdbc:postgresql://h1:5432,h2:5432/blog?targetServerType=primary",
                        null,
                        null));
    }

    private static Arguments sqlite(String url, String jdbcUrl) {
        return arguments(url, jdbcUrl, null, null, "sqlite");
    }

    private static Arguments pg(String url, String jdbcUrl, String user, String password) {
        return arguments(url, jdbcUrl, user, password, "postgresql");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("validUrls")
    void shouldResolveUrlWhenFormIsSupported(String url, String jdbcUrl, String user, String password, String dialect) {
        DatabaseSettings settings = DatabaseUrl.parse("DATABASE_URL", url, workingDirectory);

        assertThat(settings.jdbcUrl()).isEqualTo(jdbcUrl.replace("{wd}", workingDirectory.toString()));
        assertThat(settings.user()).isEqualTo(Optional.ofNullable(user));
        assertThat(settings.password()).isEqualTo(Optional.ofNullable(password));
        assertThat(settings.dialect()).isEqualTo(dialect);
        if (password != null) {
            assertThat(settings.jdbcUrl()).doesNotContain(password);
            assertThat(settings.displayUrl()).doesNotContain(password).contains("****");
            assertThat(settings.toString()).doesNotContain(password);
        }
    }
}
