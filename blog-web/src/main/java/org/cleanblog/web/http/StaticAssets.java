package org.cleanblog.web.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * {@code GET /static/{file}}: the stylesheet and images under {@code static/} on the class path (inside the jar), so the
 * blog needs no CDN and works offline. Files are read once and kept in memory; they are small.
 *
 * <p>Thread-safe.
 */
public final class StaticAssets {
    private static final Pattern SAFE_NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,80}");
    private static final Map<String, String> TYPES = Map.of(
            "css", "text/css; charset=UTF-8",
            "svg", "image/svg+xml",
            "png", "image/png",
            "ico", "image/x-icon",
            "txt", "text/plain; charset=UTF-8");

    private final Map<String, Optional<Asset>> cache = new ConcurrentHashMap<>();

    private StaticAssets() {}

    /** Adds {@code GET /static/{file}}: a file of the jar's {@code static/} folder, or 404. */
    public static void register(Router router) {
        StaticAssets assets = new StaticAssets();
        router.get("/static/{file}", assets::serve);
    }

    private void serve(Exchange ex) throws IOException {
        Asset asset = find(ex.pathParam("file")).orElseThrow(HttpError::notFound);
        ex.sendAsset(asset.contentType(), asset.bytes());
    }

    /** The asset named {@code name} (a plain file name, no path), or empty when there is none. */
    private Optional<Asset> find(String name) {
        if (name == null || !SAFE_NAME.matcher(name).matches() || name.contains("..")) {
            return Optional.empty();
        }
        return cache.computeIfAbsent(name, StaticAssets::load);
    }

    private static Optional<Asset> load(String name) {
        String type = TYPES.get(name.substring(name.lastIndexOf('.') + 1));
        if (type == null) {
            return Optional.empty();
        }
        try (InputStream in = StaticAssets.class.getResourceAsStream("/static/" + name)) {
            return in == null ? Optional.empty() : Optional.of(new Asset(type, in.readAllBytes()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read static/" + name + " from the class path", e);
        }
    }

    /** A file's content type and bytes. */
    private record Asset(String contentType, byte[] bytes) {}
}
