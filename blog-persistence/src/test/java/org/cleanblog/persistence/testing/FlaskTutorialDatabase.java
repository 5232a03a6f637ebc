package org.cleanblog.persistence.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.cleanblog.persistence.Dialect;

/**
 * The Flask tutorial's own database, made with the DDL Flask-SQLAlchemy emits ({@code /copy/schema.sql} for SQLite,
 * {@code /copy/schema-postgresql.sql}) and the rows of {@code /copy/rows.sql}: owner@example.org / owner-password (id
 * 1, the tutorial's admin), reader@example.org / reader-password, one post and one orphaned comment. Shared by the
 * copy tests and, through the test jar, by blog-web's.
 */
public final class FlaskTutorialDatabase {
    private FlaskTutorialDatabase() {}

    /**
     * The tutorial's database on {@code dialect} (a SQLite file, or a schema of its own on PostgreSQL), plus
     * {@code extraSql}. Foreign keys stay off on SQLite, as in the tutorial: SQLite's default, which Flask-SQLAlchemy
     * keeps.
     */
    public static TestDatabase create(Dialect dialect, String... extraSql) throws SQLException {
        TestDatabase db = TestDatabase.create(dialect, "flasksource");
        String schema = dialect == Dialect.SQLITE ? "/copy/schema.sql" : "/copy/schema-postgresql.sql";
        try (Connection connection = DriverManager.getConnection(db.jdbcUrl());
                Statement statement = connection.createStatement()) {
            for (String resource : List.of(schema, "/copy/rows.sql")) {
                for (String sql : resource(resource).split(";\\s*\n")) {
                    if (!sql.isBlank()) {
                        statement.execute(sql);
                    }
                }
            }
            for (String sql : extraSql) {
                statement.execute(sql);
            }
        } catch (SQLException | RuntimeException e) {
            db.close();
            throw e;
        }
        return db;
    }

    private static String resource(String name) {
        try (InputStream in = FlaskTutorialDatabase.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("test resource " + name + " is missing from blog-persistence's tests");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
