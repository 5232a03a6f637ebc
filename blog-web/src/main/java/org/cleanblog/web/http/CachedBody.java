package org.cleanblog.web.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;

/**
 * A response body that is the same for everyone who asks, with its content type and a strong entity tag derived from
 * its bytes (SHA-256), so that a client or a shared cache that kept it can ask whether it changed ({@code
 * If-None-Match}) and get a 304 without the body. Immutable, thread-safe; {@link #bytes} must not be modified.
 *
 * @param etag a quoted strong entity tag, e.g. {@code "q1w2e3r4t5y6u7i8o9p0as"}
 */
public record CachedBody(String contentType, byte[] bytes, String etag) {
    /** Some bytes for the record and its key, beyond the body itself, when weighing it for a cache. */
    private static final int OVERHEAD_BYTES = 200;

    /** {@code bytes} with the entity tag of their SHA-256 (its first 128 bits, base64url). */
    public static CachedBody of(String contentType, byte[] bytes) {
        return new CachedBody(contentType, bytes, entityTag(bytes));
    }

    /** {@code text} in UTF-8. */
    public static CachedBody of(String contentType, String text) {
        return of(contentType, text.getBytes(StandardCharsets.UTF_8));
    }

    /** The quoted strong entity tag of {@code bytes}: base64url of the first 16 bytes of their SHA-256. */
    public static String entityTag(byte[] bytes) {
        return '"' + Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(sha256(bytes), 16)) + '"';
    }

    /** The first {@code length} hexadecimal digits of the SHA-256 of {@code bytes}, for names such as asset URLs. */
    static String hexDigest(byte[] bytes, int length) {
        StringBuilder hex = new StringBuilder();
        for (byte b : sha256(bytes)) {
            hex.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
        }
        return hex.substring(0, length);
    }

    /** About what the body occupies in the heap, in bytes. */
    public int weight() {
        return bytes.length + etag.length() + OVERHEAD_BYTES;
    }

    /**
     * Whether an {@code If-None-Match} header names this body's tag: {@code *}, or a list of tags compared weakly (a
     * {@code W/} prefix ignored), as RFC 9110 asks for that header. False for null.
     */
    public boolean isNamedBy(String ifNoneMatch) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.strip();
            if (tag.equals("*")) {
                return true;
            }
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.equals(etag)) {
                return true;
            }
        }
        return false;
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
