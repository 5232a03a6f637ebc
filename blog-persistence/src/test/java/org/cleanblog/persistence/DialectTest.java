package org.cleanblog.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.cleanblog.core.BlogException;
import org.junit.jupiter.api.Test;

class DialectTest {
    @Test
    void shouldDetectTheDialectFromAJdbcUrlIgnoringCase() {
        assertThat(Dialect.fromJdbcUrl("jdbc:sqlite:blog.db")).isEqualTo(Dialect.SQLITE);
        assertThat(Dialect.fromJdbcUrl("JDBC:SQLite:/tmp/blog.db")).isEqualTo(Dialect.SQLITE);
        assertThat(Dialect.fromJdbcUrl("jdbc:postgresql://db.example.org:5432/blog?sslmode=require"))
                .isEqualTo(Dialect.POSTGRESQL);
    }

    @Test
    void shouldNameTheAcceptedPrefixesAndHideThePasswordWhenTheUrlIsUnsupported() {
        assertThatThrownBy(() -> Dialect.fromJdbcUrl("jdbc:mysql://db/blog?password=secret"))
                .isInstanceOf(BlogException.class)
                .hasMessage("unsupported JDBC URL 'jdbc:mysql://db/blog?password=****' "
                        + "(expected one starting with jdbc:sqlite: or jdbc:postgresql:)");
        assertThatThrownBy(() -> Dialect.fromJdbcUrl(null)).hasMessageContaining("'null'");
    }

    @Test
    void shouldDetectTheDialectFromTheProductNamesTheDriversReport() {
        assertThat(Dialect.fromProductName("SQLite")).isEqualTo(Dialect.SQLITE);
        assertThat(Dialect.fromProductName("PostgreSQL")).isEqualTo(Dialect.POSTGRESQL);
    }

    @Test
    void shouldFailLoudlyOnAnUnknownProduct() {
        assertThatThrownBy(() -> Dialect.fromProductName("MySQL"))
                .isInstanceOf(BlogException.class)
                .hasMessage("unsupported database product 'MySQL' "
                        + "(Clean Blog runs on SQLite and PostgreSQL; point the DataSource at one of them)");
    }

    @Test
    void shouldUseTheMigrationFolderNamesAsIds() {
        assertThat(Dialect.SQLITE.id()).isEqualTo("sqlite");
        assertThat(Dialect.POSTGRESQL.id()).isEqualTo("postgresql");
    }
}
