package org.cleanblog.persistence.testing;

import org.cleanblog.core.comment.NewComment;
import org.cleanblog.core.post.PostContent;
import org.cleanblog.core.user.Email;
import org.cleanblog.core.user.NewUser;

/** Valid domain values for tests, so that each test spells out only what it is about. */
public final class Fixtures {
    /** A syntactically valid Werkzeug hash; no test here needs one that verifies. */
    public static final String PASSWORD_HASH = "pbkdf2:sha256:600000$salt$" + "ab".repeat(32);

    private Fixtures() {}

    public static NewUser newUser(String email) {
        return new NewUser(new Email(email), "Name of " + email, PASSWORD_HASH);
    }

    public static PostContent content(String title) {
        return new PostContent(
                title,
                "Subtitle of " + title,
                "https://example.org/" + title.hashCode() + ".jpg",
                "Body of *" + title + "*",
                "<p>Body of <em>" + title + "</em></p>");
    }

    public static NewComment comment(long postId, long authorId, String text) {
        return new NewComment(postId, authorId, text, "<p>" + text + "</p>");
    }
}
