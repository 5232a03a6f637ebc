package org.cleanblog.web.http;

import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * URL-encoded parameters, read by the blog itself rather than by Jetty: the form body is read with a bound, so a body
 * over the limit is a 413 whether or not it announced its length (a chunked body has no Content-Length), and form
 * fields never mix with query parameters (a CSRF token in a URL would leak into logs and Referer headers).
 *
 * <p>The first occurrence of a repeated name wins. Immutable, thread-safe.
 */
final class FormData {
    static final FormData EMPTY = new FormData(Map.of());
    private static final String FORM_TYPE = "application/x-www-form-urlencoded";

    private final Map<String, String> values;

    private FormData(Map<String, String> values) {
        this.values = values;
    }

    /** The value of {@code name}, or null when absent. */
    String get(String name) {
        return values.get(name);
    }

    /** The parameters of the query string; empty when there is none. */
    static FormData ofQuery(HttpServletRequest request) {
        String query = request.getQueryString();
        return query == null ? EMPTY : parse(query);
    }

    /**
     * The fields of a URL-encoded form body; empty for other content types.
     *
     * @throws HttpError 413 when the body is longer than {@code maxBytes}, 400 when it is not valid URL encoding
     */
    static FormData ofBody(HttpServletRequest request, long maxBytes) throws IOException {
        String type = request.getContentType();
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith(FORM_TYPE)) {
            return EMPTY;
        }
        return parse(new String(readBounded(request.getInputStream(), maxBytes), StandardCharsets.UTF_8));
    }

    private static byte[] readBounded(InputStream in, long maxBytes) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        long total = 0;
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            total += n;
            if (total > maxBytes) {
                throw new HttpError(413, null);
            }
            body.write(buffer, 0, n);
        }
        return body.toByteArray();
    }

    static FormData parse(String encoded) {
        Map<String, String> values = new HashMap<>();
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            values.putIfAbsent(name, value);
        }
        return new FormData(Map.copyOf(values));
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new HttpError(400, "The address or form contains a malformed %-escape. Check it and send it again.");
        }
    }
}
