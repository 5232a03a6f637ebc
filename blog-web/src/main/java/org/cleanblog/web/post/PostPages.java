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
import org.cleanblog.web.cache.ContentCache;
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
    private final ContentCache cache;

    PostPages(
            BlogRepositories repositories,
            MarkdownRenderer markdown,
            Viewers viewers,
            Views views,
            Throttle comments,
            ContentCache cache) {
        this.repositories = repositories;
        this.markdown = markdown;
        this.viewers = viewers;
        this.views = views;
        this.comments = comments;
        this.cache = cache;
    }

    /**
     * {@code GET /?page=N}: newest first; a page number that is not a number or past the last page is a 404. The page
     * of posts is kept in the content cache, and so is the whole page as anonymous visitors get it (ADR 0034).
     */
    void home(Exchange ex) throws IOException {
        int number = ex.pageNumber();
        views.renderShared(ex, new HomeKey(number), () -> {
            Page<PostSummary> page = cache.get(
                    new HomeKey(number),
                    CacheWeights::summaries,
                    () -> repositories.posts().findPage(new PageRequest(number, POSTS_PER_PAGE)));
            if (number > page.totalPages()) {
                throw HttpError.notFound();
            }
            return (out, ctx) -> JtehomeGenerated.render(out, null, ctx, page);
        });
    }

    /**
     * {@code GET /post/{id}?page=N}: the post and page N of its comments (1 when absent); a page past the last is a
     * 404, except page 1 of a post without comments. Kept in the content cache as {@link #home} is.
     */
    void show(Exchange ex) throws IOException {
        long id = ex.pathId("id");
        int number = ex.pageNumber();
        PostKey key = new PostKey(id, number);
        views.renderShared(ex, key, () -> {
            PostView view = cache.get(key, CacheWeights::post, () -> load(id, number));
            return (out, ctx) -> JtepostGenerated.render(out, null, ctx, view.post(), view.comments(), "", "");
        });
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
        PostView view = load(id, number);
        views.render(
                ex,
                status,
                (out, ctx) -> JtepostGenerated.render(out, null, ctx, view.post(), view.comments(), error, draft));
    }

    /**
     * The post and page {@code number} of its comments, from the database.
     *
     * @throws NotFoundException when there is no such post
     * @throws HttpError 404 when the page is past the last one
     */
    private PostView load(long id, int number) {
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
        return new PostView(post, comments);
    }

    /** A comment as the post page shows it, with its author's Gravatar URL. */
    record CommentView(Comment comment, String gravatarUrl) {}

    /** What the post page shows: the post and one page of its comments. Immutable, so it can be kept. */
    record PostView(Post post, Page<CommentView> comments) {}

    /** Page {@code number} of the home page: the key of its data and of its anonymous rendering. */
    private record HomeKey(int number) {}

    /** A post and page {@code number} of its comments. */
    private record PostKey(long id, int number) {}
}
