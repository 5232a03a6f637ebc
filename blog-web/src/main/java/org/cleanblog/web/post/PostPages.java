package org.cleanblog.web.post;

import java.io.IOException;
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
import org.cleanblog.web.http.Throttle;
import org.cleanblog.web.user.Viewer;
import org.cleanblog.web.user.Viewers;
import org.cleanblog.web.view.Views;

/**
 * The pages every visitor reads: the home page with its pagination, a post with a page of its comments, and
 * commenting.
 */
final class PostPages {
    static final int POSTS_PER_PAGE = 10;
    /** Comments on one post page, oldest first; {@code ?page=N} shows the later ones, so a page's size is bounded. */
    static final int COMMENTS_PER_PAGE = 50;

    private final BlogRepositories repositories;
    private final MarkdownRenderer markdown;
    private final Viewers viewers;
    private final Views views;
    private final Throttle comments;

    PostPages(
            BlogRepositories repositories, MarkdownRenderer markdown, Viewers viewers, Views views, Throttle comments) {
        this.repositories = repositories;
        this.markdown = markdown;
        this.viewers = viewers;
        this.views = views;
        this.comments = comments;
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

    /**
     * {@code GET /post/{id}?page=N}: the post and page N of its comments (1 when absent); a page past the last is a
     * 404, except page 1 of a post without comments.
     */
    void show(Exchange ex) throws IOException {
        long id = ex.pathId("id");
        showPost(ex, id, ex.pageNumber(), 200, "", "");
    }

    /**
     * {@code POST /post/{id}} with {@code comment_text}: logged-in users only, throttled per account and per address
     * (429); redirects to the new comment on the last page of comments, where it is.
     */
    void comment(Exchange ex) throws IOException {
        long postId = ex.pathId("id");
        Viewer viewer = viewers.requireUser(ex, "/post/" + postId);
        comments.takeWithAddress(ex, "account:" + viewer.id(), "Too many comments in a short time.");
        String text = ex.form("comment_text");
        Comment comment;
        try {
            comment = repositories.comments().create(new NewComment(postId, viewer.id(), text, markdown.render(text)));
        } catch (ValidationException e) {
            showPost(ex, postId, 1, 400, e.getMessage(), text);
            return;
        }
        long total = repositories
                .comments()
                .findPageByPost(postId, PageRequest.first(1))
                .total();
        int lastPage = (int) Math.max(1, (total + COMMENTS_PER_PAGE - 1) / COMMENTS_PER_PAGE);
        ex.redirect(commentsPage(postId, lastPage) + "#comment-" + comment.id());
    }

    /** The address of page {@code number} of a post's comments: the post's own address for the first. */
    static String commentsPage(long postId, int number) {
        return "/post/" + postId + (number == 1 ? "" : "?page=" + number);
    }

    private void showPost(Exchange ex, long id, int number, int status, String error, String draft) throws IOException {
        Post post = repositories.posts().findById(id).orElseThrow(() -> NotFoundException.of("post", id));
        Page<Comment> page = repositories.comments().findPageByPost(id, new PageRequest(number, COMMENTS_PER_PAGE));
        if (number > page.totalPages()) {
            throw HttpError.notFound();
        }
        Page<CommentView> comments = new Page<>(
                page.items().stream()
                        .map(c -> new CommentView(c, Gravatar.url(c.authorEmail())))
                        .toList(),
                page.request(),
                page.total());
        views.render(ex, status, (out, ctx) -> JtepostGenerated.render(out, null, ctx, post, comments, error, draft));
    }

    /** A comment as the post page shows it, with its author's Gravatar URL. */
    record CommentView(Comment comment, String gravatarUrl) {}
}
