package org.cleanblog.persistence.copy;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import org.cleanblog.persistence.Dialect;
import org.cleanblog.persistence.testing.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Table names are matched exactly: '_' in blog_posts or contact_messages is no wildcard. */
class CatalogTest {
    @ParameterizedTest
    @EnumSource(Dialect.class)
    void shouldNotTakeATableWhoseNameDiffersOnlyWhereTheNameHasAnUnderscore(Dialect dialect) throws Exception {
        try (TestDatabase db = TestDatabase.create(dialect, "catalog");
                Connection connection = db.connect();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE blogxposts (id INTEGER, title VARCHAR(10))");

            Catalog catalog = new Catalog(connection, dialect);

            assertThat(catalog.columns("blog_posts")).isEmpty();
            assertThat(catalog.missingColumn("blog_posts", List.of("id"))).isEqualTo("id");

            statement.execute("CREATE TABLE blog_posts (id INTEGER, body TEXT)");

            assertThat(catalog.columns("blog_posts")).containsExactly("id", "body");
            assertThat(catalog.columns("blogxposts")).containsExactly("id", "title");
        }
    }
}
