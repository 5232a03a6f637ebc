package org.cleanblog.config;

import java.nio.charset.StandardCharsets;
import org.cleanblog.core.internal.ConnectionUrls;

/**
 * Hides secrets in text that is shown to people: error messages, log lines, the {@code config} printout. Passwords in
 * URLs are hidden by {@link ConnectionUrls}, the rule blog-persistence shares.
 */
final class Masking {
    static final String MASK = ConnectionUrls.MASK;

    private Masking() {}

    /** A secret as it may be shown: the mask and its length in bytes, which the production rules are about. */
    static String maskSecret(String secret) {
        return MASK + " (" + secret.getBytes(StandardCharsets.UTF_8).length + " bytes)";
    }
}
