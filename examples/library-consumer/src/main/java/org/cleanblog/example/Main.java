package org.cleanblog.example;

import java.io.PrintStream;
import org.cleanblog.core.password.PasswordHasher;
import org.cleanblog.core.post.Post;
import org.cleanblog.core.post.PostContent;
import org.cleanblog.core.user.Email;
import org.cleanblog.core.user.NewUser;
import org.cleanblog.core.user.User;
import org.cleanblog.persistence.BlogDatabase;

/**
 * Opens a blog database (SQLite by default), writes a user and a post, reads the post back and prints it. Run it with
 * a JDBC URL as its only argument, or with none for {@code jdbc:sqlite:example-blog.db} in the working directory.
 * docs/persistence.md quotes the part between the "usage" markers.
 */
public final class Main {
    static final String DEFAULT_URL = "jdbc:sqlite:example-blog.db";

    private Main() {}

    public static void main(String[] args) {
        writeAndReadAPost(args.length > 0 ? args[0] : DEFAULT_URL, System.out);
    }

    static Post writeAndReadAPost(String jdbcUrl, PrintStream out) {
        // usage:start
        // Hashing is slow on purpose (PBKDF2, 600,000 iterations): do it before, not inside, a transaction.
        String passwordHash = PasswordHasher.standard().hash("correct horse battery staple");

        try (BlogDatabase db = BlogDatabase.open(jdbcUrl, null, null)) { // migrates the schema on first use
            // One transaction: the author and the post are stored together or not at all.
            Post written = db.inTransaction(tx -> {
                User author = tx.users()
                        .findByEmail("ada@example.org")
                        .orElseGet(() -> tx.users()
                                .create(new NewUser(new Email("ada@example.org"), "Ada Lovelace", passwordHash)));
                return tx.posts()
                        .create(
                                author.id(),
                                new PostContent(
                                        "Notes on the Analytical Engine",
                                        "A first program",
                                        "https://example.org/engine.jpg",
                                        "The engine *weaves* algebraic patterns.",
                                        "<p>The engine <em>weaves</em> algebraic patterns.</p>"));
            });

            Post read = db.posts().findById(written.id()).orElseThrow();
            out.printf("Post %d \"%s\" by %s, %s%n", read.id(), read.title(), read.authorName(), read.createdAt());
            out.println(read.bodyHtml());
            return read;
        }
        // usage:end
    }
}
