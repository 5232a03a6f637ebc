package org.cleanblog.web;

import org.cleanblog.core.password.PasswordHasher;
import org.cleanblog.web.contact.ContactPages;
import org.cleanblog.web.content.MarkdownRenderer;
import org.cleanblog.web.http.HttpError;
import org.cleanblog.web.http.Router;
import org.cleanblog.web.http.StaticAssets;
import org.cleanblog.web.post.AdminPostPages;
import org.cleanblog.web.post.FeedPages;
import org.cleanblog.web.post.PostPages;
import org.cleanblog.web.user.AccountPages;

/**
 * Every URL of the blog, in one table (ADR 0004). The URLs and form fields are the tutorial's (DESIGN.md, "Interfaces
 * that users and tests rely on"); every POST is checked for its CSRF token before its handler runs. The forms that
 * cost the server are throttled per client address, and password hashing is bounded to a few at a time
 * ({@link Limits}).
 */
final class Routes {
    static final String BLOG_TITLE = "Clean Blog";

    private Routes() {}

    static Router of(BlogStorage storage, WebSettings settings, PasswordHasher hasher, Limits limits) {
        var repositories = storage.repositories();
        var markdown = new MarkdownRenderer();
        var posts = new PostPages(repositories, markdown);
        var admin = new AdminPostPages(repositories, markdown);
        var accounts = new AccountPages(repositories.users(), hasher);
        var contact = new ContactPages(repositories.contactMessages());
        var feeds = new FeedPages(repositories.posts(), BLOG_TITLE, settings.baseUrl());
        var assets = new StaticAssets();
        var health = new HealthCheck(storage.reachable(), HealthCheck.DEFAULT_TIMEOUT);

        return new Router()
                .get("/", posts::home)
                .get("/post/{id}", posts::show)
                .post("/post/{id}", posts::comment)
                .get("/register", accounts::registerForm)
                .post("/register", limits.forms().limit(limits.hashing().limit(accounts::register)))
                .get("/login", accounts::loginForm)
                .post("/login", limits.forms().limit(limits.hashing().limit(accounts::login)))
                .post("/logout", accounts::logout)
                .get("/new-post", admin::newForm)
                .post("/new-post", admin::create)
                .get("/edit-post/{id}", admin::editForm)
                .post("/edit-post/{id}", admin::update)
                .get("/delete/{id}", admin::confirmDelete)
                .post("/delete/{id}", admin::delete)
                .get("/about", contact::about)
                .get("/contact", contact::contactForm)
                .post("/contact", limits.forms().limit(contact::contact))
                .get("/messages", contact::list)
                .get("/feed.xml", feeds::feed)
                .get("/sitemap.xml", feeds::sitemap)
                .get("/healthz", ex -> {
                    boolean up = health.isHealthy();
                    ex.send(up ? 200 : 503, "text/plain; charset=UTF-8", up ? "ok\n" : "database unreachable\n");
                })
                .get("/static/{file}", ex -> {
                    var asset = assets.find(ex.pathParam("file")).orElseThrow(HttpError::notFound);
                    ex.sendAsset(asset.contentType(), asset.bytes());
                });
    }
}
