import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.cleanblog.core.comment.NewComment;
import org.cleanblog.core.password.PasswordHasher;
import org.cleanblog.core.post.PageRequest;
import org.cleanblog.core.post.PostContent;
import org.cleanblog.core.post.PostSummary;
import org.cleanblog.core.user.Email;
import org.cleanblog.core.user.NewUser;
import org.cleanblog.persistence.BlogDatabase;

/**
 * Fills an empty blog for bench/pages.sh through the library's public API (the same calls a program that imports
 * blog-persistence would make), so the data is what the blog itself would have stored. Run as a source file with the
 * shipped jar on the class path:
 *
 * <pre>java -cp blog.jar bench/SeedBlog.java JDBC_URL POSTS READER_EMAIL READER_PASSWORD</pre>
 *
 * Writes two users (the author, who is the admin, and a reader who is not), POSTS posts of about 500 characters, and
 * 20 comments on every post that the benchmark reads: those of the first page, of page 5000 when it exists, and the
 * post in the middle, whose id it prints last as {@code post_id=N}.
 */
public final class SeedBlog {
    static final int POSTS_PER_PAGE = 10; // as PostPages.POSTS_PER_PAGE
    static final int DEEP_PAGE = 5000;
    static final int COMMENTS_PER_POST_READ = 20;
    static final int POSTS_PER_TRANSACTION = 2000;

    public static void main(String[] args) {
        if (args.length != 4) {
            System.err.println("usage: java -cp blog.jar SeedBlog.java JDBC_URL POSTS READER_EMAIL READER_PASSWORD");
            System.exit(2);
        }
        int posts = Integer.parseInt(args[1]);
        try (BlogDatabase db = BlogDatabase.open(args[0], null, null)) {
            if (db.posts().count() != 0 || db.users().count() != 0) {
                throw new IllegalStateException("the blog is not empty: seed a fresh database");
            }
            String hash = PasswordHasher.standard().hash(args[3]);
            long author = db.users().create(new NewUser(new Email("author@bench.invalid"), "Bench Author", hash)).id();
            long reader = db.users().create(new NewUser(new Email(args[2]), "Bench Reader", hash)).id();

            String text = "x".repeat(400);
            for (int first = 1; first <= posts; first += POSTS_PER_TRANSACTION) {
                int from = first;
                int to = Math.min(posts, first + POSTS_PER_TRANSACTION - 1);
                db.inTransaction(r -> {
                    for (int i = from; i <= to; i++) {
                        r.posts().create(author, new PostContent(
                                "Post number " + i,
                                "A subtitle for post " + i,
                                "https://images.example.org/" + i + ".jpg",
                                "Some *Markdown* for post " + i + "\n\n" + text,
                                "<p>Some <em>Markdown</em> for post " + i + "</p><p>" + text + "</p>"));
                    }
                    return null;
                });
            }

            Set<Long> read = new LinkedHashSet<>(idsOnPage(db, 1));
            if ((long) posts > (long) (DEEP_PAGE - 1) * POSTS_PER_PAGE) {
                read.addAll(idsOnPage(db, DEEP_PAGE));
            }
            long middle = db.posts().findPage(new PageRequest(1, 1)).items().get(0).id() - posts / 2;
            read.add(middle);
            db.inTransaction(r -> {
                for (long postId : read) {
                    for (int c = 1; c <= COMMENTS_PER_POST_READ; c++) {
                        String body = "Comment " + c + " on post " + postId + ", with *emphasis*.";
                        r.comments().create(new NewComment(
                                postId,
                                c % 2 == 0 ? author : reader,
                                body,
                                "<p>Comment " + c + " on post " + postId + ", with <em>emphasis</em>.</p>"));
                    }
                }
                return null;
            });
            System.out.println("seeded " + posts + " posts, " + read.size() * COMMENTS_PER_POST_READ + " comments");
            System.out.println("post_id=" + middle);
        }
    }

    private static List<Long> idsOnPage(BlogDatabase db, int number) {
        List<Long> ids = new ArrayList<>();
        for (PostSummary post : db.posts().findPage(new PageRequest(number, POSTS_PER_PAGE)).items()) {
            ids.add(post.id());
        }
        return ids;
    }
}
