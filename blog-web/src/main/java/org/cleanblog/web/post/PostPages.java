package org.cleanblog.web.post;

import java.io.IOException;
import java.util.List;
import org.cleanblog.core.BlogRepositories;
import org.cleanblog.core.NotFoundException;
import org.cleanblog.core.ValidationException;
import org.cleanblog.core.comment.Comment;
import org.cleanblog.core.comment.NewComment;
import org.cleanblog.core.post.Page;
import org.cleanblog.core.post.PageRequest;
import org.cleanblog.core.post.Post;
import org.cleanblog.core.post.PostSummary;
import org.cleanblog.web.content.Gravatar;
import org.cleanblog.web.content.MarkdownRenderer;
import org.cleanblog.web.http.Exchange;
import org.cleanblog.web.http.HttpError;
import org.cleanblog.web.user.Viewer;
import org.cleanblog.web.user.Viewers;
import org.cleanblog.web.view.Views;

/** The pages every visitor reads: the home page with its pagination, a post with its comments, and commenting. */
final class PostPages {
    static final int POSTS_PER_PAGE = 10;

    private final BlogRepositories repositories;
    private final MarkdownRenderer markdown;
    private final Viewers viewers;
    private final Views views;

    PostPages(BlogRepositories repositories, MarkdownRenderer markdown, Viewers viewers, Views views) {
        this.repositories = repositories;
        this.markdown = markdown;
        this.viewers = viewers;
        this.views = views;
    }

    /** {@code GET /?page=N}: newest first; a page number that is not a number or past the last page is a 404. */
    void home(Exchange ex) throws IOException {
        int number = ex.pageNumber();
        Page<PostSummary> page = repositories.posts().findPage(new PageRequest(number, POSTS_PER_PAGE));
        if (number > page.totalPages()) {
            throw HttpError.notFound();
        }
        views.render(ex, 200, (out, ctx) -> JtehomeGenerated.render(out, null, ctx, page));
    }

    /** {@code GET /post/{id}}. */
    void show(Exchange ex) throws IOException {
        long id = ex.pathId("id");
        showPost(ex, id, 200, "", "");
    }

    /** {@code POST /post/{id}} with {@code comment_text}: logged-in users only; redirects back to the new comment. */
    void comment(Exchange ex) throws IOException {
        long postId = ex.pathId("id");
        Viewer viewer = viewers.requireUser(ex, "/post/" + postId);
        String text = ex.form("comment_text");
        Comment comment;
        try {
            comment = repositories.comments().create(new NewComment(postId, viewer.id(), text, markdown.render(text)));
        } catch (ValidationException e) {
            showPost(ex, postId, 400, e.getMessage(), text);
            return;
        }
        ex.redirect("/post/" + postId + "#comment-" + comment.id());
    }

    private void showPost(Exchange ex, long id, int status, String error, String draft) throws IOException {
        Post post = repositories.posts().findById(id).orElseThrow(() -> NotFoundException.of("post", id));
        List<CommentView> comments = repositories.comments().findByPost(id).stream()
                .map(c -> new CommentView(c, Gravatar.url(c.authorEmail())))
                .toList();
        views.render(ex, status, (out, ctx) -> JtepostGenerated.render(out, null, ctx, post, comments, error, draft));
    }

    /** A comment as the post page shows it, with its author's Gravatar URL. */
    record CommentView(Comment comment, String gravatarUrl) {}
}
