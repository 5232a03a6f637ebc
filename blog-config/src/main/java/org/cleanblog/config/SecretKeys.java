package org.cleanblog.config;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The keys that sign session cookies: {@code current} signs and verifies, each of {@code fallbacks} (older keys, from
 * {@code SECRET_KEY_FALLBACKS}) only verifies, so keys can be rotated without logging everybody out. A key is used as
 * the UTF-8 bytes of its text. Immutable and thread-safe; {@link #toString()} never reveals a key.
 *
 * @param current the signing key; never null or empty
 * @param fallbacks older keys accepted for verification only, newest first; never null, possibly empty
 * @param generated whether {@code current} was generated at random because none was configured (development only):
 *     sessions then do not survive a restart
 */
public record SecretKeys(String current, List<String> fallbacks, boolean generated) {
    /** Production refuses keys shorter than this many bytes: HMAC-SHA256 wants a key at least as long as its hash. */
    public static final int MIN_PRODUCTION_BYTES = 32;

    public SecretKeys {
        Objects.requireNonNull(current, "current");
        if (current.isEmpty()) {
            throw new IllegalArgumentException("current secret key is empty");
        }
        fallbacks = List.copyOf(fallbacks);
    }

    /** The signing key's bytes; a fresh copy each call. */
    public byte[] currentBytes() {
        return current.getBytes(StandardCharsets.UTF_8);
    }

    /** Every key a signature may be verified with: the current key first, then the fallbacks; fresh copies. */
    public List<byte[]> verificationKeys() {
        List<byte[]> keys = new ArrayList<>(1 + fallbacks.size());
        keys.add(currentBytes());
        fallbacks.forEach(key -> keys.add(key.getBytes(StandardCharsets.UTF_8)));
        return List.copyOf(keys);
    }

    @Override
    public String toString() {
        return "SecretKeys[current=" + Masking.MASK + ", fallbacks=" + fallbacks.size() + " keys, generated="
                + generated + "]";
    }
}
