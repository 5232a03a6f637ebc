package org.cleanblog.web.post;

import org.cleanblog.core.BlogRepositories;
import org.cleanblog.web.cache.ContentCache;
import org.cleanblog.web.content.MarkdownRenderer;
import org.cleanblog.web.http.Router;
import org.cleanblog.web.http.Throttle;
import org.cleanblog.web.user.Viewers;
import org.cleanblog.web.view.Views;

/** The URLs of posts: reading and commenting, the admin's writing, editing and deleting, the feed and the sitemap. */
public final class PostRoutes {
    private PostRoutes() {}

    /**
     * Adds {@code GET /}, {@code GET|POST /post/{id}}, {@code GET|POST /new-post}, {@code GET|POST /edit-post/{id}},
     * {@code GET|POST /delete/{id}}, {@code GET /feed.xml}, {@code GET /sitemap.xml} (the index) and {@code GET
     * /sitemap/{n}.xml} (its parts).
     *
     * @param baseUrl the blog's public address for absolute links in the feed and sitemap, or empty to take it from
     *     each request
     * @param comments throttles {@code POST /post/{id}} per commenter's account and per client address (ADR 0024)
     * @param cache keeps what the reading pages, the feed and the sitemap show until the content changes (ADR 0034)
     */
    public static void register(
            Router router,
            Views views,
            Viewers viewers,
            BlogRepositories repositories,
            MarkdownRenderer markdown,
            String baseUrl,
            Throttle comments,
            ContentCache cache) {
        register(router, views, viewers, repositories, markdown, baseUrl, comments, cache, SitemapPages.POSTS_PER_PART);
    }

    /** As the public {@code register}, with {@code postsPerSitemapPart} posts per part of the sitemap (tests). */
    static void register(
            Router router,
            Views views,
            Viewers viewers,
            BlogRepositories repositories,
            MarkdownRenderer markdown,
            String baseUrl,
            Throttle comments,
            ContentCache cache,
            int postsPerSitemapPart) {
        var posts = new PostPages(repositories, markdown, viewers, views, comments, cache);
        var admin = new AdminPostPages(repositories, markdown, viewers, views);
        var feeds = new FeedPages(repositories.posts(), baseUrl, cache);
        var sitemap = new SitemapPages(repositories.posts(), baseUrl, cache, postsPerSitemapPart);
        router.get("/", posts::home)
                .get("/post/{id}", posts::show)
                .post("/post/{id}", posts::comment)
                .get("/new-post", admin::newForm)
                .post("/new-post", admin::create)
                .get("/edit-post/{id}", admin::editForm)
                .post("/edit-post/{id}", admin::update)
                .get("/delete/{id}", admin::confirmDelete)
                .post("/delete/{id}", admin::delete)
                .get("/feed.xml", feeds::feed)
                .get("/sitemap.xml", sitemap::index)
                .get("/sitemap/{n}.xml", sitemap::part);
    }
}
