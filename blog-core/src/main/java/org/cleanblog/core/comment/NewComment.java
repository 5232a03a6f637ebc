package org.cleanblog.core.comment;

import org.cleanblog.core.internal.Check;

/**
 * A comment before it is stored: Markdown source and its rendered HTML (sanitised by the repository as it stores it).
 * Both must hold only characters XML 1.0 allows.
 */
public record NewComment(long postId, long authorId, String body, String bodyHtml) {
    public static final int MAX_BODY_LENGTH = 10_000;

    /** The longest rendered HTML: four times the source, room for the markup that rendering and sanitising add. */
    public static final int MAX_BODY_HTML_LENGTH = 4 * MAX_BODY_LENGTH;

    public NewComment {
        Check.id("post id", postId);
        Check.id("author id", authorId);
        body = Check.text("comment_text", body == null ? null : body.strip(), MAX_BODY_LENGTH);
        Check.length("comment html", bodyHtml, MAX_BODY_HTML_LENGTH);
    }
}
