package org.cleanblog.core.password;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * PBKDF2-HMAC-SHA256 password hashes in Werkzeug's format, {@code pbkdf2:sha256:ITERATIONS$SALT$HEX}, so that users of
 * the Flask tutorial log in with their old passwords. New hashes use {@link #DEFAULT_ITERATIONS}; any
 * {@code pbkdf2:sha256:N} hash verifies, and {@link #needsRehash} says when a stored hash is weaker than new ones.
 *
 * <p>Thread-safe.
 */
public final class PasswordHasher {
    /** OWASP's 2023 recommendation for PBKDF2-HMAC-SHA256, and Werkzeug 3's default. */
    public static final int DEFAULT_ITERATIONS = 600_000;

    private static final String METHOD = "pbkdf2:sha256";
    private static final String SALT_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final int SALT_LENGTH = 16;
    private static final int KEY_BITS = 256;

    /**
     * The most iterations a hash may have to be verified: twice {@link #DEFAULT_ITERATIONS}. Verifying costs as much as
     * the hash says, so without a cap one stored hash of 100,000,000 iterations (imported, or written straight into
     * the database) would let every login attempt on that account occupy a CPU for minutes.
     */
    public static final int MAX_ITERATIONS = 2 * DEFAULT_ITERATIONS;

    private final int iterations;
    private final SecureRandom random = new SecureRandom();

    private PasswordHasher(int iterations) {
        this.iterations = iterations;
    }

    /** A hasher that makes hashes with {@link #DEFAULT_ITERATIONS} iterations. */
    public static PasswordHasher standard() {
        return new PasswordHasher(DEFAULT_ITERATIONS);
    }

    /**
     * A hasher that makes hashes with {@code iterations}; below {@link #DEFAULT_ITERATIONS} only for tests that
     * must be fast or that imitate old hashes.
     */
    public static PasswordHasher withIterations(int iterations) {
        if (iterations < 1 || iterations > MAX_ITERATIONS) {
            throw new IllegalArgumentException("iterations must be between 1 and " + MAX_ITERATIONS);
        }
        return new PasswordHasher(iterations);
    }

    /** A new hash of {@code password} with a random 16-character salt. */
    public String hash(String password) {
        if (password == null) {
            throw new IllegalArgumentException("password must not be null");
        }
        StringBuilder salt = new StringBuilder(SALT_LENGTH);
        for (int i = 0; i < SALT_LENGTH; i++) {
            salt.append(SALT_CHARS.charAt(random.nextInt(SALT_CHARS.length())));
        }
        return format(iterations, salt.toString(), derive(password, salt.toString(), iterations));
    }

    /**
     * Whether {@code password} matches {@code storedHash}. False (never an exception, and without hashing) for a null
     * password or a hash that {@link #isSupportedHash} refuses: not in the {@code pbkdf2:sha256:N$SALT$HEX} format, or
     * with more than {@link #MAX_ITERATIONS} iterations. The comparison takes the same time wherever the
     * first difference is.
     */
    public boolean verify(String password, String storedHash) {
        if (password == null) {
            return false;
        }
        Optional<Parsed> parsed = Parsed.of(storedHash);
        if (parsed.isEmpty()) {
            return false;
        }
        Parsed p = parsed.get();
        byte[] actual = derive(password, p.salt(), p.iterations());
        return MessageDigest.isEqual(actual, p.key());
    }

    /**
     * Whether {@code storedHash} should be replaced by a new hash after the next successful login: true when it uses
     * fewer iterations than this hasher, or is not in a format this hasher makes.
     */
    public boolean needsRehash(String storedHash) {
        return Parsed.of(storedHash).map(p -> p.iterations() < iterations).orElse(true);
    }

    /**
     * Whether {@code storedHash} is a hash that {@link #verify} checks: the {@code pbkdf2:sha256:N$SALT$HEX} format
     * with 1 to {@link #MAX_ITERATIONS} iterations. Any other (Werkzeug 3's default {@code scrypt:...}, a malformed
     * one, a costlier one, null) never verifies; {@link #problem} says why.
     */
    public static boolean isSupportedHash(String storedHash) {
        return Parsed.of(storedHash).isPresent();
    }

    /**
     * Why {@code storedHash} can never verify, in words for an import report; empty when {@link #isSupportedHash}
     * accepts it.
     */
    public static Optional<String> problem(String storedHash) {
        if (isSupportedHash(storedHash)) {
            return Optional.empty();
        }
        if (storedHash == null) {
            return Optional.of("password hash is missing");
        }
        if (storedHash.startsWith("scrypt:")) {
            return Optional.of("password is a scrypt hash (Werkzeug 3's default), which this blog cannot verify");
        }
        String[] parts = storedHash.split("\\$", -1);
        if (parts.length == 3 && parts[0].startsWith(METHOD + ":")) {
            try {
                long iterations = Long.parseLong(parts[0].substring(METHOD.length() + 1));
                if (iterations > MAX_ITERATIONS) {
                    return Optional.of("password hash has " + iterations + " iterations, more than the "
                            + MAX_ITERATIONS + " this blog verifies (each login attempt would cost that much)");
                }
            } catch (NumberFormatException e) {
                // not a number: the generic reason below
            }
        }
        return Optional.of("password is not a pbkdf2:sha256:ITERATIONS$SALT$HEX hash (Werkzeug's format) with at most "
                + MAX_ITERATIONS + " iterations, which this blog cannot verify");
    }

    private static String format(int iterations, String salt, byte[] key) {
        return METHOD + ":" + iterations + "$" + salt + "$" + HexFormat.of().formatHex(key);
    }

    private static byte[] derive(String password, String salt, int iterations) {
        // The JDK encodes the password chars as UTF-8, as Werkzeug does.
        PBEKeySpec spec =
                new PBEKeySpec(password.toCharArray(), salt.getBytes(StandardCharsets.UTF_8), iterations, KEY_BITS);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                    .generateSecret(spec)
                    .getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is missing from this JDK", e);
        } finally {
            spec.clearPassword();
        }
    }

    private record Parsed(int iterations, String salt, byte[] key) {
        static Optional<Parsed> of(String hash) {
            if (hash == null || !hash.startsWith(METHOD + ":")) {
                return Optional.empty();
            }
            String[] parts = hash.substring(METHOD.length() + 1).split("\\$", -1);
            if (parts.length != 3 || parts[1].isEmpty() || parts[2].length() != KEY_BITS / 4) {
                return Optional.empty();
            }
            try {
                int iterations = Integer.parseInt(parts[0]);
                if (iterations < 1 || iterations > MAX_ITERATIONS) {
                    return Optional.empty();
                }
                return Optional.of(
                        new Parsed(iterations, parts[1], HexFormat.of().parseHex(parts[2])));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
    }
}
