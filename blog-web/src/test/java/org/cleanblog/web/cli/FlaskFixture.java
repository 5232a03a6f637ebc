package org.cleanblog.web.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.cleanblog.persistence.testing.TestDatabase;

/**
 * The Flask tutorial's {@code blog.db}, made with the Flask-SQLAlchemy DDL and rows of blog-persistence's copy tests
 * ({@code /copy/schema.sql}, {@code /copy/rows.sql} from its test jar): owner@example.org / owner-password (id 1, the
 * tutorial's admin), reader@example.org / reader-password, one post, and one orphaned comment.
 */
public final class FlaskFixture {
    private FlaskFixture() {}

    /** A new SQLite file with the tutorial's blog, then {@code extraSql}. */
    public static TestDatabase create(String... extraSql) throws SQLException {
        TestDatabase db = TestDatabase.sqlite();
        try (Connection connection = DriverManager.getConnection(db.jdbcUrl());
                Statement statement = connection.createStatement()) {
            for (String resource : List.of("/copy/schema.sql", "/copy/rows.sql")) {
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
        try (InputStream in = FlaskFixture.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(
                        "test resource " + name + " is missing: it comes from blog-persistence's test jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
