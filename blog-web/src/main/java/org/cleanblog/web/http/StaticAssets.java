package org.cleanblog.web.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code GET /static/{file}}: the stylesheet and images under {@code static/} on the class path (inside the jar), so the
 * blog needs no CDN and works offline. The files are listed here and read once; a request answers from that fixed set
 * and remembers nothing, so no stream of made-up names can grow the heap (issue 9, finding 1.3).
 * {@code StaticAssetsTest} fails when a file under {@code static/} is missing from {@link #FILES}.
 *
 * <p>Each file has two names (ADR 0035): its plain name ({@code blog.css}), which keeps working for links made before,
 * and a name with a hash of its content ({@code blog.0123456789.css}), which the templates use through {@link #url}
 * and which caches may keep for a year without asking again: a release that changes the file changes its name.
 *
 * <p>Thread-safe: immutable once built.
 */
public final class StaticAssets {
    /** Every file of {@code static/}. */
    static final List<String> FILES = List.of("blog.css", "favicon.svg");
    /** Hexadecimal digits of the content's SHA-256 in a hashed name: 40 bits, no collision among a few files. */
    static final int HASH_DIGITS = 10;

    private static final Map<String, String> TYPES = Map.of(
            "css", "text/css; charset=UTF-8",
            "svg", "image/svg+xml",
            "png", "image/png",
            "ico", "image/x-icon",
            "txt", "text/plain; charset=UTF-8");

    private final Map<String, Asset> assets;
    private final Map<String, String> urls;

    private StaticAssets(Map<String, Asset> assets, Map<String, String> urls) {
        this.assets = Map.copyOf(assets);
        this.urls = Map.copyOf(urls);
    }

    /**
     * Adds {@code GET /static/{file}}: a file of the jar's {@code static/} folder by either name, or 404.
     *
     * @throws IllegalStateException when a listed file is not on the class path (a broken build)
     */
    public static void register(Router router) {
        StaticAssets assets = standard();
        router.get("/static/{file}", assets::serve);
    }

    /** The files of the class path, read once per process. */
    public static StaticAssets standard() {
        return Standard.ASSETS;
    }

    /**
     * The URL of a listed file under its hashed name, e.g. {@code /static/blog.0123456789.css}, for templates.
     *
     * @throws IllegalArgumentException when {@code file} is not one of {@link #FILES}
     */
    public static String url(String file) {
        String url = standard().urls.get(file);
        if (url == null) {
            throw new IllegalArgumentException("static/" + file + " is not listed in StaticAssets.FILES");
        }
        return url;
    }

    /** Reads every listed file from the class path. */
    static StaticAssets fromClassPath() {
        Map<String, Asset> assets = new HashMap<>();
        Map<String, String> urls = new HashMap<>();
        for (String name : FILES) {
            CachedBody body = load(name);
            int dot = name.lastIndexOf('.');
            String hashed = name.substring(0, dot) + "." + CachedBody.hexDigest(body.bytes(), HASH_DIGITS)
                    + name.substring(dot);
            assets.put(name, new Asset(body, false));
            assets.put(hashed, new Asset(body, true));
            urls.put(name, "/static/" + hashed);
        }
        return new StaticAssets(assets, urls);
    }

    private void serve(Exchange ex) throws IOException {
        Asset asset = find(ex.pathParam("file")).orElseThrow(HttpError::notFound);
        ex.sendAsset(asset.body(), asset.immutable());
    }

    /**
     * The asset named {@code name} (a plain or hashed file name, no path), or empty when there is none or {@code name}
     * is null.
     */
    Optional<Asset> find(String name) {
        return name == null ? Optional.empty() : Optional.ofNullable(assets.get(name));
    }

    /** How many names answer: two per listed file, whatever was asked for. */
    int size() {
        return assets.size();
    }

    private static CachedBody load(String name) {
        String type = TYPES.get(name.substring(name.lastIndexOf('.') + 1));
        if (type == null) {
            throw new IllegalStateException("static/" + name + ": no content type for its extension; add it to TYPES");
        }
        try (InputStream in = StaticAssets.class.getResourceAsStream("/static/" + name)) {
            if (in == null) {
                throw new IllegalStateException(
                        "static/" + name + " is listed in StaticAssets but not on the class path");
            }
            return CachedBody.of(type, in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read static/" + name + " from the class path", e);
        }
    }

    /**
     * A file's body, and whether this name of it holds its content hash (then caches may keep it for good).
     */
    record Asset(CachedBody body, boolean immutable) {
        String contentType() {
            return body.contentType();
        }

        byte[] bytes() {
            return body.bytes();
        }
    }

    /** Read on first use, once per class loader. */
    private static final class Standard {
        static final StaticAssets ASSETS = fromClassPath();
    }
}
