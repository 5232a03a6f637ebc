package org.cleanblog.web;

import org.cleanblog.core.password.PasswordHasher;
import org.cleanblog.web.account.AccountRoutes;
import org.cleanblog.web.cache.ContentCache;
import org.cleanblog.web.contact.ContactRoutes;
import org.cleanblog.web.content.MarkdownRenderer;
import org.cleanblog.web.http.Router;
import org.cleanblog.web.http.StaticAssets;
import org.cleanblog.web.post.PostRoutes;
import org.cleanblog.web.user.Viewers;
import org.cleanblog.web.view.Views;

/**
 * Every URL of the blog: each feature package adds its own (ADR 0004); the full list is the table in
 * docs/architecture.md, which {@code RoutesTest} compares with this router. The URLs and form fields are the
 * tutorial's (DESIGN.md, "Interfaces that users and tests rely on"); every POST is checked for its CSRF token before
 * its handler runs. The forms that cost the server are throttled per client address, logins also per account and
 * comments also per commenter, and password hashing is bounded to a few at a time ({@link Limits}).
 */
final class Routes {
    private Routes() {}

    static Router of(
            BlogStorage storage,
            WebSettings settings,
            PasswordHasher hasher,
            Limits limits,
            Viewers viewers,
            Views views,
            ContentCache cache) {
        var repositories = storage.repositories();
        var markdown = new MarkdownRenderer();
        var router = new Router();
        PostRoutes.register(
                router, views, viewers, repositories, markdown, settings.baseUrl(), limits.comments(), cache);
        AccountRoutes.register(
                router,
                views,
                viewers,
                repositories.users(),
                hasher,
                limits.forms(),
                limits.logins(),
                limits.hashing());
        ContactRoutes.register(router, views, viewers, repositories.contactMessages(), limits.forms());
        var health = new HealthCheck(storage.reachable(), HealthCheck.DEFAULT_TIMEOUT);
        router.get("/healthz", health::answer);
        StaticAssets.register(router);
        return router;
    }
}
