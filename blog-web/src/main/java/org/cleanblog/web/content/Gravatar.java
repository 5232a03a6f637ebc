package org.cleanblog.web.content;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/** Gravatar image URLs, as the tutorial shows them next to comments. */
public final class Gravatar {
    private Gravatar() {}

    /**
     * {@code https://www.gravatar.com/avatar/MD5?s=100&d=retro&r=g} with the MD5 of the trimmed, lower-case e-mail
     * (Gravatar's own rule). A null e-mail is treated as empty.
     */
    public static String url(String email) {
        String normalized = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        try {
            // MD5 is what Gravatar defines for its identifiers; nothing here relies on its strength.
            byte[] digest = MessageDigest.getInstance("MD5").digest(normalized.getBytes(StandardCharsets.UTF_8));
            return "https://www.gravatar.com/avatar/" + HexFormat.of().formatHex(digest) + "?s=100&d=retro&r=g";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is missing from this JDK", e);
        }
    }
}
