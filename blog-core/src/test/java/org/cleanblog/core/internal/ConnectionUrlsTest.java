package org.cleanblog.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Passwords in database URLs are hidden, whatever characters they contain; nothing else is. */
class ConnectionUrlsTest {
    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            postgres://u:secret@h/db                          | postgres://u:****@h/db
            postgres://u:se@cr/et@h:5432/db?sslmode=require   | postgres://u:****@h:5432/db?sslmode=require
            postgres://u:secret@h/db?application_name=a@b     | postgres://u:****@h/db?application_name=a@b
            postgres://u:se@cret                              | postgres://u:****@cret
            postgres:u:secret@h/db                            | postgres:u:****@h/db
            postgres://u@h/db                                 | postgres://u@h/db
            postgres://h/db?user=u&password=secret&x=1        | postgres://h/db?user=u&password=****&x=1
            jdbc:postgresql://h/db?sslpassword=secret         | jdbc:postgresql://h/db?sslpassword=****
            sqlite:////home/me@work/blog.db                   | sqlite:////home/me@work/blog.db
            jdbc:sqlite:/srv/a:b@c.db                         | jdbc:sqlite:/srv/a:b@c.db
            postgresql://u:p:a:ss@[2001:db8::1]:5432/db       | postgresql://u:****@[2001:db8::1]:5432/db
            postgres://u:secret@h:5432/db?PASSWORD=Two&a=b    | postgres://u:****@h:5432/db?PASSWORD=****&a=b
            jdbc:postgresql://u:secret@h/db                   | jdbc:postgresql://u:****@h/db
            jdbc:postgresql://h/db?password=se@c:r/et&ssl=true | jdbc:postgresql://h/db?password=****&ssl=true
            jdbc:postgresql://h/db;password=secret;a=b        | jdbc:postgresql://h/db;password=****;a=b
            jdbc:postgresql://h/db                            | jdbc:postgresql://h/db
            jdbc:sqlite:/srv/blog.db?password=secret          | jdbc:sqlite:/srv/blog.db?password=****
            JDBC:SQLITE:/srv/me@work:1/blog.db                | JDBC:SQLITE:/srv/me@work:1/blog.db
            mysql://u:secret@h/db                             | mysql://u:****@h/db
            not a url                                         | not a url
            """)
    void shouldMaskThePasswordAndNothingElse(String url, String masked) {
        assertThat(ConnectionUrls.redact(url)).isEqualTo(masked);
    }

    @Test
    void shouldSayNullForNull() {
        assertThat(ConnectionUrls.redact(null)).isEqualTo("null");
        assertThat(ConnectionUrls.quoted(null)).isEqualTo("'null'");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            postgres://u:secret@h/db      | 'postgres://u:****@h/db'
            postgres://h:5432/db          | 'postgres://h:5432/db'
            postgres://[::1]:5432/db      | 'postgres://[::1]:5432/db'
            postgres://u:Zx9/Secret       | the URL (not shown: it may contain a password)
            postgres://u:Zx9Secret        | the URL (not shown: it may contain a password)
            jdbc:postgresql://h:pw/db     | the URL (not shown: it may contain a password)
            sqlite:///a:b.db              | 'sqlite:///a:b.db'
            """)
    void shouldQuoteTheRedactedUrlOnlyWhenRedactionCanBeTrusted(String url, String quoted) {
        assertThat(ConnectionUrls.quoted(url)).isEqualTo(quoted);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            u:p@h/db              | 3
            u:p@ss@h:5432/db      | 6
            u:p@[::1]:5432/db     | 3
            u:p@h:x/db            | -1
            u:p@h?x=/db           | -1
            h/db?a=b@c            | -1
            u:p@h                 | -1
            """)
    void shouldEndTheUserInformationAtTheLastAtFollowedByHostPortAndPath(String afterScheme, int end) {
        assertThat(ConnectionUrls.userInfoEnd(afterScheme)).isEqualTo(end);
    }
}
