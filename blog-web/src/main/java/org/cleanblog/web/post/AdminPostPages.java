package org.cleanblog.web.post;

import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import org.cleanblog.core.BlogRepositories;
import org.cleanblog.core.NotFoundException;
import org.cleanblog.core.ValidationException;
import org.cleanblog.core.post.Post;
import org.cleanblog.core.post.PostContent;
import org.cleanblog.web.content.MarkdownRenderer;
import org.cleanblog.web.content.XmlText;
import org.cleanblog.web.http.Exchange;
import org.cleanblog.web.user.Access;
import org.cleanblog.web.user.Viewer;

/** Writing, editing and deleting posts: the admin only (anonymous visitors are sent to log in, others get 403). */
public final class AdminPostPages {
    private final BlogRepositories repositories;
    private final MarkdownRenderer markdown;

    public AdminPostPages(BlogRepositories repositories, MarkdownRenderer markdown) {
        this.repositories = repositories;
        this.markdown = markdown;
    }

    /** {@code GET /new-post}. */
    public void newForm(Exchange ex) throws IOException {
        Access.requireAdmin(ex);
        form(ex, 200, PostForm.EMPTY, "/new-post", "");
    }

    /** {@code POST /new-post}: stores the post and redirects to it. */
    public void create(Exchange ex) throws IOException {
        Viewer admin = Access.requireAdmin(ex);
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
    public void editForm(Exchange ex) throws IOException {
        Access.requireAdmin(ex);
        long id = ex.pathId("id");
        Post post = repositories.posts().findById(id).orElseThrow(() -> NotFoundException.of("post", id));
        form(ex, 200, new PostForm(post.title(), post.subtitle(), post.imgUrl(), post.body()), "/edit-post/" + id, "");
    }

    /** {@code POST /edit-post/{id}}: replaces the content and redirects to the post. */
    public void update(Exchange ex) throws IOException {
        Access.requireAdmin(ex);
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
    public void confirmDelete(Exchange ex) throws IOException {
        Access.requireAdmin(ex);
        long id = ex.pathId("id");
        Post post = repositories.posts().findById(id).orElseThrow(() -> NotFoundException.of("post", id));
        int comments = repositories.comments().findByPost(id).size();
        ex.csrfToken();
        ex.render(200, "delete.jte", Map.of("post", post, "commentCount", comments));
    }

    /** {@code POST /delete/{id}} (from the confirmation page): deletes the post and its comments, then goes home. */
    public void delete(Exchange ex) {
        Access.requireAdmin(ex);
        repositories.posts().delete(ex.pathId("id"));
        ex.redirect("/");
    }

    private PostContent content(PostForm form) {
        XmlText.requireValid("title", form.title());
        XmlText.requireValid("subtitle", form.subtitle());
        String img = form.imgUrl().strip();
        // The Content-Security-Policy lets images load from https: only, so an http:// image would never show.
        if (!img.isEmpty() && !(img.toLowerCase(Locale.ROOT).startsWith("https://") && img.length() > 8)) {
            throw new ValidationException("img_url must be an https:// address of an image, or empty (http:// images "
                    + "are blocked by the blog's Content-Security-Policy); was '" + img + "'");
        }
        return new PostContent(form.title(), form.subtitle(), img, form.body(), markdown.render(form.body()));
    }

    private static void form(Exchange ex, int status, PostForm form, String action, String error) throws IOException {
        ex.csrfToken();
        ex.render(status, "editor.jte", Map.of("form", form, "action", action, "error", error));
    }

    /** The fields of the post form as typed, to show them again when something is wrong. */
    public record PostForm(String title, String subtitle, String imgUrl, String body) {
        static final PostForm EMPTY = new PostForm("", "", "", "");

        static PostForm from(Exchange ex) {
            return new PostForm(ex.form("title"), ex.form("subtitle"), ex.form("img_url"), ex.form("body"));
        }
    }
}
