package org.cleanblog.persistence.copy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cleanblog.persistence.BlogDatabase;
import org.cleanblog.persistence.Dialect;
import org.cleanblog.persistence.testing.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A copy into PostgreSQL sets the tables' indexes and keys aside for the load and builds them again (ADR 0037): what
 * it leaves behind is the schema the migrations made, and a copy that fails after the load leaves the old one.
 */
class LoadBeforeIndexesTest {
    /** Indexes, constraints and (user) triggers of the current schema, with the schema's name left out. */
    private static final List<String> CATALOG = List.of(
            "SELECT 'constraint ' || conrelid::regclass::text || ' ' || conname || ' ' || pg_get_constraintdef(oid)"
                    + " || ' validated=' || convalidated || ' deferrable=' || condeferrable"
                    + " FROM pg_constraint WHERE connamespace = current_schema()::regnamespace",
            "SELECT 'index ' || replace(pg_get_indexdef(i.indexrelid), current_schema() || '.', '')"
                    + " || ' valid=' || i.indisvalid"
                    + " FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid"
                    + " WHERE c.relnamespace = current_schema()::regnamespace",
            "SELECT 'trigger ' || replace(pg_get_triggerdef(t.oid), current_schema() || '.', '')"
                    + " || ' enabled=' || t.tgenabled::text"
                    + " FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid"
                    + " WHERE c.relnamespace = current_schema()::regnamespace AND NOT t.tgisinternal");

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void shouldLeaveTheIndexesConstraintsAndTriggersOfAFreshlyMigratedDatabase(Dialect sourceDialect) throws Exception {
        try (TestDatabase source = TestDatabase.create(sourceDialect, "indexsource");
                TestDatabase target = TestDatabase.postgresql("indextarget");
                TestDatabase fresh = TestDatabase.postgresql("indexfresh")) {
            fill(source);
            fill(target);
            fresh.open().close();
            List<String> migrated = catalog(fresh);
            assertThat(migrated)
                    .as("the migrations' schema, to compare with")
                    .anyMatch(line -> line.contains("comments_post_id_fkey FOREIGN KEY (post_id)"))
                    .anyMatch(line -> line.startsWith("index CREATE INDEX comments_post_id_idx"))
                    .anyMatch(line -> line.contains("TRIGGER posts_row_count AFTER INSERT OR DELETE"));

            assertThat(CopyTestData.replacing(source, target).run().verified()).isTrue();

            assertThat(catalog(target)).isEqualTo(migrated);
            assertThat(CopyTestData.readAll(target))
                    .isEqualTo(CopyTestData.withSessionsFrom(CopyTestData.readAll(source), CopyTestData.COPIED_AT));
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void shouldGiveEveryTriggerItsOwnStateBack(Dialect sourceDialect) throws Exception {
        try (TestDatabase source = TestDatabase.create(sourceDialect, "triggersource");
                TestDatabase target = TestDatabase.postgresql("triggertarget")) {
            fill(source);
            target.open().close();
            execute(
                    target,
                    "ALTER TABLE users ENABLE ALWAYS TRIGGER users_content_version",
                    "ALTER TABLE posts ENABLE REPLICA TRIGGER posts_content_version",
                    "ALTER TABLE comments DISABLE TRIGGER comments_content_version");
            List<String> before = catalog(target);
            assertThat(before)
                    .anyMatch(line -> line.contains("users_content_version") && line.endsWith("enabled=A"))
                    .anyMatch(line -> line.contains("posts_content_version") && line.endsWith("enabled=R"))
                    .anyMatch(line -> line.contains("comments_content_version") && line.endsWith("enabled=D"));

            assertThat(CopyTestData.copy(source, target).run().verified()).isTrue();

            assertThat(catalog(target)).isEqualTo(before);
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void shouldLeaveSchemaAndRowsAsTheyWereWhenVerificationFailsAfterTheLoad(Dialect sourceDialect) throws Exception {
        try (TestDatabase source = TestDatabase.create(sourceDialect, "failsource");
                TestDatabase target = TestDatabase.postgresql("failtarget")) {
            fill(source);
            fill(target);
            // Pads every comment body with blanks as it is stored, so the read-back differs.
            execute(target, "ALTER TABLE comments ALTER COLUMN body TYPE char(10000)");
            List<String> catalogBefore = catalog(target);
            Map<String, List<List<Object>>> rowsBefore = CopyTestData.readAll(target);

            CopyException failure = catchThrowableOfType(
                    CopyException.class,
                    () -> CopyTestData.replacing(source, target).run());

            assertThat(failure.reason()).isEqualTo(CopyException.Reason.VERIFICATION_FAILED);
            assertThat(catalog(target)).isEqualTo(catalogBefore);
            assertThat(CopyTestData.readAll(target)).isEqualTo(rowsBefore);
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void shouldLeaveSchemaAndRowsAsTheyWereWhenAnIndexCannotBeBuiltAgain(Dialect sourceDialect) throws Exception {
        try (TestDatabase source = TestDatabase.create(sourceDialect, "rebuildsource");
                TestDatabase target = TestDatabase.postgresql("rebuildtarget")) {
            fill(source);
            fill(target);
            // The target's own index, which its rows satisfy (no comment) and the copied ones (two) do not.
            execute(target, "DELETE FROM comments", "CREATE UNIQUE INDEX one_comment_at_most ON comments ((true))");
            List<String> catalogBefore = catalog(target);
            assertThat(catalogBefore).anyMatch(line -> line.contains("one_comment_at_most"));
            Map<String, List<List<Object>>> rowsBefore = CopyTestData.readAll(target);

            CopyException failure = catchThrowableOfType(
                    CopyException.class,
                    () -> CopyTestData.replacing(source, target).run());

            assertThat(failure.reason()).isEqualTo(CopyException.Reason.FAILED);
            assertThat(failure).hasMessageContaining("rolled back").hasMessageContaining("one_comment_at_most");
            assertThat(catalog(target)).isEqualTo(catalogBefore);
            assertThat(CopyTestData.readAll(target)).isEqualTo(rowsBefore);
        }
    }

    private static List<String> catalog(TestDatabase db) throws Exception {
        List<String> lines = new ArrayList<>();
        try (Connection connection = db.connect();
                Statement statement = connection.createStatement()) {
            for (String query : CATALOG) {
                try (ResultSet rs = statement.executeQuery(query)) {
                    while (rs.next()) {
                        lines.add(rs.getString(1));
                    }
                }
            }
        }
        lines.sort(null);
        return lines;
    }

    private static void fill(TestDatabase db) {
        try (BlogDatabase blog = db.open()) {
            CopyTestData.writeBlog(blog);
        }
    }

    private static void execute(TestDatabase db, String... sql) throws Exception {
        try (Connection connection = db.connect();
                Statement statement = connection.createStatement()) {
            for (String each : sql) {
                statement.execute(each);
            }
        }
    }
}
