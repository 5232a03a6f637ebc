package org.cleanblog.web.post;

import java.io.IOException;
import org.cleanblog.core.BlogRepositories;
import org.cleanblog.core.NotFoundException;
import org.cleanblog.core.ValidationException;
import org.cleanblog.core.post.PageRequest;
import org.cleanblog.core.post.Post;
import org.cleanblog.core.post.PostContent;
import org.cleanblog.web.content.MarkdownRenderer;
import org.cleanblog.web.content.XmlText;
import org.cleanblog.web.http.Exchange;
import org.cleanblog.web.user.Viewer;
import org.cleanblog.web.user.Viewers;
import org.cleanblog.web.view.Views;

/** Writing, editing and deleting posts: the admin only (anonymous visitors are sent to log in, others get 403). */
final class AdminPostPages {
    private final BlogRepositories repositories;
    private final MarkdownRenderer markdown;
    private final Viewers viewers;
    private final Views views;

    AdminPostPages(BlogRepositories repositories, MarkdownRenderer markdown, Viewers viewers, Views views) {
        this.repositories = repositories;
        this.markdown = markdown;
        this.viewers = viewers;
        this.views = views;
    }

    /** {@code GET /new-post}. */
    void newForm(Exchange ex) throws IOException {
        viewers.requireAdmin(ex);
        form(ex, 200, PostForm.EMPTY, "/new-post", "");
    }

    /** {@code POST /new-post}: stores the post and redirects to it. */
    void create(Exchange ex) throws IOException {
        Viewer admin = viewers.requireAdmin(ex);
        PostForm form = PostForm.from(ex);
        Post post;
        try {
            post = repositories.posts().create(admin.id(), content(form));
        } catch (ValidationException e) {
            form(ex, 400, form, "/new-post", e.getMessage());
            return;
        }
        ex.redirect("/post/" + post.id());
    }

    /** {@code GET /edit-post/{id}}. */
    void editForm(Exchange ex) throws IOException {
        viewers.requireAdmin(ex);
        long id = ex.pathId("id");
        Post post = repositories.posts().findById(id).orElseThrow(() -> NotFoundException.of("post", id));
        form(ex, 200, new PostForm(post.title(), post.subtitle(), post.imgUrl(), post.body()), "/edit-post/" + id, "");
    }

    /** {@code POST /edit-post/{id}}: replaces the content and redirects to the post. */
    void update(Exchange ex) throws IOException {
        viewers.requireAdmin(ex);
        long id = ex.pathId("id");
        PostForm form = PostForm.from(ex);
        try {
            repositories.posts().update(id, content(form));
        } catch (ValidationException e) {
            form(ex, 400, form, "/edit-post/" + id, e.getMessage());
            return;
        }
        ex.redirect("/post/" + id);
    }

    /** {@code GET /delete/{id}}: asks the admin to confirm, naming the post and how many comments go with it. */
    void confirmDelete(Exchange ex) throws IOException {
        viewers.requireAdmin(ex);
        long id = ex.pathId("id");
        Post post = repositories.posts().findById(id).orElseThrow(() -> NotFoundException.of("post", id));
        int comments = (int)
                repositories.comments().findPageByPost(id, PageRequest.first(1)).total();
        views.render(ex, 200, (out, ctx) -> JtedeleteGenerated.render(out, null, ctx, post, comments));
    }

    /** {@code POST /delete/{id}} (from the confirmation page): deletes the post and its comments, then goes home. */
    void delete(Exchange ex) {
        viewers.requireAdmin(ex);
        repositories.posts().delete(ex.pathId("id"));
        ex.redirect("/");
    }

    private PostContent content(PostForm form) {
        XmlText.requireValid("title", form.title());
        XmlText.requireValid("subtitle", form.subtitle());
        // PostContent refuses a header image that is not https (the Content-Security-Policy would block it).
        return new PostContent(form.title(), form.subtitle(), form.imgUrl(), form.body(), markdown.render(form.body()));
    }

    private void form(Exchange ex, int status, PostForm form, String action, String error) throws IOException {
        views.render(ex, status, (out, ctx) -> JteeditorGenerated.render(out, null, ctx, form, action, error));
    }

    /** The fields of the post form as typed, to show them again when something is wrong. */
    record PostForm(String title, String subtitle, String imgUrl, String body) {
        static final PostForm EMPTY = new PostForm("", "", "", "");

        static PostForm from(Exchange ex) {
            return new PostForm(ex.form("title"), ex.form("subtitle"), ex.form("img_url"), ex.form("body"));
        }
    }
}
