package org.cleanblog.web.session;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs and verifies session cookies and derives CSRF tokens from them (ADR 0005).
 *
 * <p>Cookie value: {@code base64url("v2|ID|USER|ISSUED_EPOCH_MICROS|EXPIRES_EPOCH_SECONDS") + "." +
 * base64url(HMAC-SHA256)}. New cookies
 * and tokens are signed with the first key; every key (the current {@code SECRET_KEY} and then
 * {@code SECRET_KEY_FALLBACKS}) verifies, so that rotating the key does not log everyone out.
 *
 * <p>Thread-safe.
 */
public final class SessionCodec {
    private static final String VERSION = "v2";
    private static final String ALGORITHM = "HmacSHA256";
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64_DECODER = Base64.getUrlDecoder();

    private final List<byte[]> keys;
    private final Duration lifetime;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    /**
     * @param secretKeys the signing key first, then keys that only verify; at least one, none empty
     * @param lifetime how long a new session is accepted
     * @param clock the time source for expiry
     */
    public SessionCodec(List<String> secretKeys, Duration lifetime, Clock clock) {
        if (secretKeys == null || secretKeys.isEmpty() || secretKeys.stream().anyMatch(k -> k == null || k.isEmpty())) {
            throw new IllegalArgumentException("at least one non-empty SECRET_KEY is needed to sign sessions");
        }
        this.keys =
                secretKeys.stream().map(k -> k.getBytes(StandardCharsets.UTF_8)).toList();
        this.lifetime = lifetime;
        this.clock = clock;
    }

    /** A new session with a fresh random id for {@code userId} (0 for anonymous), expiring after the lifetime. */
    public Session newSession(long userId) {
        return newSession(userId, Instant.EPOCH);
    }

    /**
     * As {@link #newSession(long)}, issued at this clock's now or at {@code notBefore}, whichever is later: a login
     * right after a logout stays valid even when the instance that stored the logout had a clock ahead of this one
     * (ADR 0010).
     */
    public Session newSession(long userId, Instant notBefore) {
        byte[] id = new byte[18];
        random.nextBytes(id);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Instant earliest = notBefore.truncatedTo(ChronoUnit.MICROS);
        if (earliest.isBefore(notBefore)) {
            // Rounded up, so that the session is never before notBefore at the cookie's precision.
            earliest = earliest.plus(1, ChronoUnit.MICROS);
        }
        Instant issued = now.isBefore(earliest) ? earliest : now;
        // The cookie carries the expiry in whole seconds; the session in memory says the same.
        return new Session(
                B64.encodeToString(id), userId, issued, now.plus(lifetime).truncatedTo(ChronoUnit.SECONDS));
    }

    /** The cookie value for {@code session}, signed with the current key. */
    public String encode(Session session) {
        String payload = VERSION + "|" + session.id() + "|" + session.userId() + "|"
                + ChronoUnit.MICROS.between(Instant.EPOCH, session.issuedAt()) + "|"
                + session.expiresAt().getEpochSecond();
        String encoded = B64.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
        return encoded + "." + B64.encodeToString(mac(keys.get(0), encoded));
    }

    /**
     * The session in {@code cookieValue}, or empty when the value is null, malformed, signed with no known key or
     * expired. Never throws for bad input: a forged cookie is simply no session.
     */
    public Optional<Verified> decode(String cookieValue) {
        if (cookieValue == null) {
            return Optional.empty();
        }
        int dot = cookieValue.indexOf('.');
        if (dot <= 0 || dot != cookieValue.lastIndexOf('.')) {
            return Optional.empty();
        }
        String encoded = cookieValue.substring(0, dot);
        byte[] signature;
        try {
            signature = B64_DECODER.decode(cookieValue.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        for (int i = 0; i < keys.size(); i++) {
            if (MessageDigest.isEqual(mac(keys.get(i), encoded), signature)) {
                boolean signedWithFallback = i > 0;
                return parse(encoded).map(s -> new Verified(s, signedWithFallback));
            }
        }
        return Optional.empty();
    }

    /** The CSRF token of {@code session}: an HMAC of its id under the current key. */
    public String csrfToken(Session session) {
        return B64.encodeToString(mac(keys.get(0), "csrf|" + session.id()));
    }

    /** Whether {@code token} is the CSRF token of {@code session} under any known key; false for null. */
    public boolean isValidCsrfToken(Session session, String token) {
        if (token == null || token.isEmpty()) {
            return false;
        }
        byte[] given = token.getBytes(StandardCharsets.US_ASCII);
        for (byte[] key : keys) {
            byte[] expected =
                    B64.encodeToString(mac(key, "csrf|" + session.id())).getBytes(StandardCharsets.US_ASCII);
            if (MessageDigest.isEqual(expected, given)) {
                return true;
            }
        }
        return false;
    }

    /** Whole seconds until {@code session} expires, 0 when it has; for the cookie's {@code Max-Age}. */
    public long secondsLeft(Session session) {
        return Math.max(
                0, Duration.between(clock.instant(), session.expiresAt()).getSeconds());
    }

    private Optional<Session> parse(String encoded) {
        try {
            String payload = new String(B64_DECODER.decode(encoded), StandardCharsets.UTF_8);
            String[] parts = payload.split("\\|", -1);
            if (parts.length != 5 || !VERSION.equals(parts[0])) {
                return Optional.empty();
            }
            Session session = new Session(
                    parts[1],
                    Long.parseLong(parts[2]),
                    Instant.EPOCH.plus(Long.parseLong(parts[3]), ChronoUnit.MICROS),
                    Instant.ofEpochSecond(Long.parseLong(parts[4])));
            return session.isExpiredAt(clock.instant()) ? Optional.empty() : Optional.of(session);
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
            return Optional.empty();
        }
    }

    private static byte[] mac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key, ALGORITHM));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JDK", e);
        }
    }

    /**
     * A verified session and whether it was signed with a fallback key (then it should be re-signed with the current
     * key on the next response).
     */
    public record Verified(Session session, boolean signedWithFallback) {}
}
