package org.cleanblog.web;

import java.time.Clock;
import java.util.List;
import org.cleanblog.core.password.PasswordHasher;
import org.cleanblog.web.cache.ContentCache;
import org.cleanblog.web.cache.VersionPoller;
import org.cleanblog.web.http.BlogServer;
import org.cleanblog.web.session.SessionCodec;
import org.cleanblog.web.user.Viewers;
import org.cleanblog.web.view.Views;

/** Puts the blog together: storage, settings and password hashing in, a running server out. */
public final class BlogApplication {
    private BlogApplication() {}

    /**
     * Starts the blog on {@code settings.host()}:{@code settings.port()}, with the standard limits whose throttle
     * buckets live in {@code storage.throttles()}, shared by every instance on that database (ADR 0030).
     *
     * @param hasher {@link PasswordHasher#standard()} in production; tests may pass a cheaper one
     * @throws Exception when Jetty cannot start, e.g. the port is taken
     */
    public static BlogServer start(BlogStorage storage, WebSettings settings, PasswordHasher hasher) throws Exception {
        return start(storage, settings, hasher, Limits.shared(storage.throttles()));
    }

    /**
     * As {@link #start(BlogStorage, WebSettings, PasswordHasher)}, with the given request limits (tests pass looser or
     * tighter ones and a clock they control).
     */
    public static BlogServer start(BlogStorage storage, WebSettings settings, PasswordHasher hasher, Limits limits)
            throws Exception {
        var sessions = new SessionCodec(settings.secretKeys(), settings.sessionLifetime(), Clock.systemUTC());
        // ADR 0034: this process's writes drop the cache at once, other processes' within a poll of the version.
        var cache = new ContentCache(ContentCache.standardBytes());
        storage.contentVersion().whenContentWrittenHere(cache::invalidate);
        var poller = new VersionPoller(storage.contentVersion()::readContentVersion, cache, VersionPoller.INTERVAL);
        var viewers = new Viewers(storage.repositories().users(), cache);
        var views = new Views(viewers, cache);
        return BlogServer.start(
                new BlogServer.Settings(
                        settings.host(), settings.port(), settings.maxRequestBytes(), settings.trustedProxies()),
                Routes.of(storage, settings, hasher, limits, viewers, views, cache),
                sessions,
                views,
                List.of(poller));
    }
}
