package org.cleanblog.persistence;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.cleanblog.core.BlogException;
import org.junit.jupiter.api.Test;

class SqliteOpeningOptionsTest extends OpeningOptionsContract {
    SqliteOpeningOptionsTest() {
        super(Dialect.SQLITE);
    }

    @Test
    void shouldRefuseASchemaOnSqlite() {
        assertThatThrownBy(() -> BlogDatabase.configure().schema("blog").open(database.jdbcUrl(), null, null))
                .isInstanceOf(BlogException.class)
                .hasMessageContaining("applies to PostgreSQL only");
    }
}
