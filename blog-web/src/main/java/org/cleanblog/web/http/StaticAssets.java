package org.cleanblog.web.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code GET /static/{file}}: the stylesheet and images under {@code static/} on the class path (inside the jar), so the
 * blog needs no CDN and works offline. The files are listed here and read once at start-up; a request answers from that
 * fixed set and remembers nothing, so no stream of made-up names can grow the heap (issue 9, finding 1.3).
 * {@code StaticAssetsTest} fails when a file under {@code static/} is missing from {@link #FILES}.
 *
 * <p>Thread-safe: immutable once built.
 */
public final class StaticAssets {
    /** Every file of {@code static/}. */
    static final List<String> FILES = List.of("blog.css", "favicon.svg");

    private static final Map<String, String> TYPES = Map.of(
            "css", "text/css; charset=UTF-8",
            "svg", "image/svg+xml",
            "png", "image/png",
            "ico", "image/x-icon",
            "txt", "text/plain; charset=UTF-8");

    private final Map<String, Asset> assets;

    private StaticAssets(Map<String, Asset> assets) {
        this.assets = Map.copyOf(assets);
    }

    /**
     * Adds {@code GET /static/{file}}: a file of the jar's {@code static/} folder, or 404.
     *
     * @throws IllegalStateException when a listed file is not on the class path (a broken build)
     */
    public static void register(Router router) {
        StaticAssets assets = fromClassPath();
        router.get("/static/{file}", assets::serve);
    }

    /** Reads every listed file from the class path. */
    static StaticAssets fromClassPath() {
        return new StaticAssets(FILES.stream().collect(Collectors.toMap(Function.identity(), StaticAssets::load)));
    }

    private void serve(Exchange ex) throws IOException {
        Asset asset = find(ex.pathParam("file")).orElseThrow(HttpError::notFound);
        ex.sendAsset(asset.contentType(), asset.bytes());
    }

    /** The asset named {@code name} (a plain file name, no path), or empty when there is none or {@code name} is null. */
    Optional<Asset> find(String name) {
        return name == null ? Optional.empty() : Optional.ofNullable(assets.get(name));
    }

    /** How many assets are held: the listed ones, whatever was asked for. */
    int size() {
        return assets.size();
    }

    private static Asset load(String name) {
        String type = TYPES.get(name.substring(name.lastIndexOf('.') + 1));
        if (type == null) {
            throw new IllegalStateException("static/" + name + ": no content type for its extension; add it to TYPES");
        }
        try (InputStream in = StaticAssets.class.getResourceAsStream("/static/" + name)) {
            if (in == null) {
                throw new IllegalStateException(
                        "static/" + name + " is listed in StaticAssets but not on the class path");
            }
            return new Asset(type, in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read static/" + name + " from the class path", e);
        }
    }

    /** A file's content type and bytes. */
    record Asset(String contentType, byte[] bytes) {}
}
