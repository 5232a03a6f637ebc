package org.cleanblog.example;

import java.util.List;
import javax.sql.DataSource;
import org.cleanblog.core.comment.Comment;
import org.cleanblog.core.comment.NewComment;
import org.cleanblog.core.post.Page;
import org.cleanblog.core.post.PageRequest;
import org.cleanblog.core.post.Post;
import org.cleanblog.core.post.PostSummary;
import org.cleanblog.core.user.User;
import org.cleanblog.persistence.BlogDatabase;
import org.flywaydb.core.Flyway;

/**
 * The snippets of docs/persistence.md beyond the first one, each between "NAME:start" and "NAME:end" markers, compiled
 * here and run by GuideTest on SQLite and PostgreSQL ({@code MainTest} fails when the guide's copy differs).
 */
final class Guide {
    private Guide() {}

    static List<Comment> comment(BlogDatabase db, Post post, User reader) {
        // comments:start
        // Markdown source and its HTML; the library stores the HTML through its allow-list (no <script> survives).
        db.comments()
                .create(new NewComment(post.id(), reader.id(), "Lovely *engine*.", "<p>Lovely <em>engine</em>.</p>"));
        List<Comment> comments = db.comments().findByPost(post.id()); // oldest first; empty for a post without any
        // comments:end
        return comments;
    }

    static List<Page<PostSummary>> pages(BlogDatabase db) {
        // paging:start
        Page<PostSummary> first = db.posts().findPage(PageRequest.first(10)); // newest first, 1 to 100 per page
        int lastNumber = first.totalPages(); // at least 1, also for an empty blog
        Page<PostSummary> last = db.posts().findPage(new PageRequest(lastNumber, 10));
        // Past the last page: no items, but the total and totalPages() are still right, so you can redirect.
        Page<PostSummary> beyond = db.posts().findPage(new PageRequest(lastNumber + 1, 10));
        // paging:end
        return List.of(first, last, beyond);
    }

    static BlogDatabase beside(String jdbcUrl, String user, String password) {
        // own-migrations:start
        // Your own migrations (classpath:db/migration, history in flyway_schema_history), before or after the blog's:
        // the blog keeps its own history table (cleanblog_schema_history) and folder (db/cleanblog/<dialect>).
        Flyway.configure()
                .dataSource(jdbcUrl, user, password)
                .baselineOnMigrate(true) // the database may already hold the blog's tables...
                .baselineVersion("0") // ...and then your V1 must still run
                .load()
                .migrate();
        BlogDatabase db = BlogDatabase.configure()
                .maximumPoolSize(5) // default: 20 on PostgreSQL, 8 on SQLite
                .open(jdbcUrl, user, password);
        // own-migrations:end
        return db;
    }

    static BlogDatabase releaseStep(String jdbcUrl, String user, String password) {
        // release-step:start
        // In the release step (one process, before the new version starts): migrate, then close.
        BlogDatabase.configure().open(jdbcUrl, user, password).close();
        // In the application: never change the schema; fail clearly when the release step did not run.
        BlogDatabase db = BlogDatabase.configure().migrateOnOpen(false).open(jdbcUrl, user, password);
        // release-step:end
        return db;
    }

    static BlogDatabase inSchema(String jdbcUrl, String user, String password) {
        // schema:start
        // PostgreSQL only: the blog's tables and history in a schema of their own, created when missing.
        BlogDatabase db = BlogDatabase.configure().schema("blog").open(jdbcUrl, user, password);
        // schema:end
        return db;
    }

    static BlogDatabase onDataSource(DataSource dataSource) {
        // datasource:start
        // Your pool, your settings (see the list above); close() leaves it open, and the BlogDatabase's
        // repositories refuse further calls (StorageException: "…was closed") once it is closed.
        BlogDatabase db = BlogDatabase.open(dataSource);
        // datasource:end
        return db;
    }
}
