package org.cleanblog.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DatabaseUrlErrorTest {
    private static final String PASSWORD = "Zx9Secret";

    @TempDir
    static Path workingDirectory;

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', ignoreLeadingAndTrailingWhitespace = false, textBlock = """
            ''                                                | is empty (expected sqlite, postgres, postgresql, jdbc:sqlite, jdbc:postgresql)
            '   \n'                                           | is empty
            mysql://u:Zx9Secret@db.example.com/blog           | unsupported scheme 'mysql' (expected sqlite, postgres, postgresql, jdbc:sqlite, jdbc:postgresql)
            MySQL://u:Zx9Secret@db.example.com/blog           | unsupported scheme 'mysql'
            jdbc:mysql://db.example.com/blog                  | unsupported scheme 'jdbc:mysql'
            https://db.example.com/blog                       | unsupported scheme 'https'
            blog.db                                           | 'blog.db' is not a database URL
            /var/lib/blog/blog.db                             | is not a database URL (expected sqlite
            sqlite:blog.db                                    | cannot parse 'sqlite:blog.db' (expected sqlite:///blog.db
            sqlite://blog.db                                  | 'sqlite://blog.db' names a host (a SQLite URL has three slashes
            sqlite:///                                        | empty SQLite path in 'sqlite:///'
            sqlite://                                         | empty SQLite path in 'sqlite://'
            sqlite:///?mode=ro                                | empty SQLite path
            jdbc:sqlite:                                      | empty SQLite path in 'jdbc:sqlite:'
            postgres:u:Zx9Secret@db.example.com/blog          | cannot parse 'postgres:u:****@db.example.com/blog'
            postgres://u:Zx9Secret@/blog                      | no host in 'postgres://u:****@/blog'
            postgres:///blog                                  | no host in 'postgres:///blog' (expected postgres://user:password@host:5432/database)
            postgres://u:Zx9Secret@                           | no host
            postgres://u:Zx9Secret@db.example.com             | no database name in 'postgres://u:****@db.example.com'
            postgres://u:Zx9Secret@db.example.com/            | no database name
            postgres://u:Zx9Secret@db.example.com?sslmode=require | no database name
            postgres://u:Zx9Secret@db.example.com:abc/blog    | port is not a number in 'postgres://u:****@db.example.com:abc/blog' (expected 1-65535)
            postgres://u:Zx9Secret@db.example.com:/blog       | port is not a number
            postgres://u:Zx9Secret@db.example.com:-1/blog     | port is not a number
            postgres://u:Zx9Secret@db.example.com:0/blog      | port is out of range
            postgres://u:Zx9Secret@db.example.com:65536/blog  | port is out of range in 'postgres://u:****@db.example.com:65536/blog' (expected 1-65535)
            postgres://u:Zx9Secret@db.example.com:99999999999/blog | port is out of range
            postgres://u:Zx9Secret@::1/blog                   | must be in brackets
            postgres://u:Zx9Secret@[::1/blog                  | unclosed '['
            postgres://u:Zx9Secret@[zz::1]/blog               | invalid IPv6 address
            postgres://u:Zx9Secret@[1:2]/blog                 | invalid IPv6 address
            postgres://u:Zx9Secret@[192.0.2.1]/blog           | invalid IPv6 address
            postgres://u:Zx9Secret@[::1]x/blog                | unexpected text after the IPv6 address
            postgres://u:Zx9Secret@h1,h2/blog                 | several hosts
            postgres://u:Zx9Secret@db!example.com/blog        | invalid host name
            postgres://u:Zx9Secret@db.example.com/a/b         | invalid database name
            postgres://u:Zx9/Secret                           | port is not a number in the URL (not shown: it may contain a password)
            postgres://u:Zx9Secret                            | port is not a number in the URL (not shown: it may contain a password)
            postgres://u:Zx9Secret@[bad/blog                  | unclosed '['
            jdbc:postgresql:                                  | no database name in 'jdbc:postgresql:'
            jdbc:postgresql://                                | no database name
            jdbc:postgresql://db.example.com                  | no database name
            jdbc:postgresql://db.example.com/                 | no database name
            jdbc:postgresql://u:Zx9Secret@db.example.com/blog | is not understood by the JDBC driver
            """)
    void shouldRejectUrlWithOneClearLineWithoutThePassword(String url, String expectedMessage) {
        ConfigurationException error = catchThrowableOfType(
                ConfigurationException.class,
                () -> DatabaseUrl.parse("DATABASE_URL", url.replace("\\n", "\n"), workingDirectory));

        assertThat(error).as("no ConfigurationException for %s", url).isNotNull();
        assertThat(error.getMessage()).startsWith("DATABASE_URL: ").contains(expectedMessage);
        assertThat(error.getMessage())
                .doesNotContain(PASSWORD)
                .doesNotContain("Secret")
                .doesNotContain("\n");
        assertThat(error.variable()).isEqualTo("DATABASE_URL");
    }
}
