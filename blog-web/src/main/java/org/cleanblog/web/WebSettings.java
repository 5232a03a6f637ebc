package org.cleanblog.web;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.cleanblog.config.TrustedProxies;

/**
 * The settings of the web application, resolved once from blog-config by {@code Main} (or built directly by tests).
 *
 * @param host the address to bind, e.g. {@code 0.0.0.0}
 * @param port the port, 0 for any free port
 * @param secretKeys the session signing key first, then older keys that still verify (SECRET_KEY_FALLBACKS)
 * @param trustedProxies the peers whose X-Forwarded-For and X-Forwarded-Proto are believed (TRUSTED_PROXIES)
 * @param sessionLifetime how long a login lasts
 * @param maxRequestBytes larger request bodies get 413
 * @param baseUrl the blog's public address without a trailing slash, for absolute links in the feed and sitemap; empty
 *     to derive it from each request's Host header
 */
public record WebSettings(
        String host,
        int port,
        List<String> secretKeys,
        TrustedProxies trustedProxies,
        Duration sessionLifetime,
        long maxRequestBytes,
        String baseUrl) {
    public static final Duration DEFAULT_SESSION_LIFETIME = Duration.ofDays(14);
    /** Room for a long post in Markdown; a form that large is no accident. */
    public static final long DEFAULT_MAX_REQUEST_BYTES = 1024 * 1024;

    /**
     * Settings for a server on {@code host}:{@code port} with the defaults for everything else (loopback the only
     * trusted proxy).
     */
    public static WebSettings of(String host, int port, List<String> secretKeys) {
        return new WebSettings(
                host,
                port,
                secretKeys,
                TrustedProxies.loopback(),
                DEFAULT_SESSION_LIFETIME,
                DEFAULT_MAX_REQUEST_BYTES,
                "");
    }

    /** Like the record's own, but with the secret keys masked: settings end up in logs and error reports. */
    @Override
    public String toString() {
        return "WebSettings[host=" + host + ", port=" + port + ", secretKeys=[" + secretKeys.size() + " masked]"
                + ", trustedProxies=" + trustedProxies + ", sessionLifetime=" + sessionLifetime + ", maxRequestBytes="
                + maxRequestBytes + ", baseUrl=" + baseUrl + "]";
    }

    public WebSettings {
        secretKeys = List.copyOf(secretKeys);
        Objects.requireNonNull(trustedProxies, "trustedProxies");
        baseUrl = baseUrl == null ? "" : baseUrl.replaceAll("/+$", "");
        if (secretKeys.isEmpty()) {
            throw new IllegalArgumentException("at least one secret key is needed to sign sessions");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be between 0 and 65535, was " + port);
        }
    }
}
