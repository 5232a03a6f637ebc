package org.cleanblog.config;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The rules for {@code SECRET_KEY}: production refuses to start without a key of at least
 * {@value SecretKeys#MIN_PRODUCTION_BYTES} bytes, because a guessable key lets anyone forge a session; development
 * accepts a shorter key with a warning (the same for a short {@code SECRET_KEY_FALLBACKS} key), or makes up a random
 * key and says that sessions will not survive a restart.
 */
final class SecretRules {
    static final String HOW_TO_MAKE_ONE = "generate one with: openssl rand -hex 32";
    private static final SecureRandom RANDOM = new SecureRandom();

    private SecretRules() {}

    static SecretKeys resolve(
            Optional<String> configuredKey,
            Optional<String> fallbacks,
            Environment environment,
            List<String> warnings) {
        List<String> olderKeys = fallbacks.stream()
                .flatMap(list -> Arrays.stream(list.split(",")))
                .map(String::strip)
                .filter(key -> !key.isEmpty())
                .toList();
        Optional<String> key = configuredKey.map(String::strip).filter(k -> !k.isEmpty());
        if (environment == Environment.PRODUCTION) {
            String current = key.orElseThrow(() -> new ConfigurationException(
                    "SECRET_KEY", "is not set, and production needs it to sign sessions (" + HOW_TO_MAKE_ONE + ")"));
            requireLongEnough("SECRET_KEY", current);
            for (String older : olderKeys) {
                requireLongEnough("SECRET_KEY_FALLBACKS", older);
            }
            return new SecretKeys(current, olderKeys, false);
        }
        if (key.isPresent()) {
            warnIfShort("SECRET_KEY", key.get(), warnings);
            for (String older : olderKeys) {
                warnIfShort("SECRET_KEY_FALLBACKS", older, warnings);
            }
            return new SecretKeys(key.get(), olderKeys, false);
        }
        byte[] random = new byte[SecretKeys.MIN_PRODUCTION_BYTES];
        RANDOM.nextBytes(random);
        warnings.add("SECRET_KEY is not set: using a random key for this process, so sessions will not survive a"
                + " restart (set SECRET_KEY to keep users logged in; " + HOW_TO_MAKE_ONE + ")");
        return new SecretKeys(HexFormat.of().formatHex(random), olderKeys, true);
    }

    /** Development accepts a short key, but says so: it is as easy to guess there as in production. */
    private static void warnIfShort(String variable, String key, List<String> warnings) {
        int bytes = key.getBytes(StandardCharsets.UTF_8).length;
        if (bytes < SecretKeys.MIN_PRODUCTION_BYTES) {
            String which = variable.equals("SECRET_KEY") ? "is" : "contains a key of";
            warnings.add(variable + " " + which + " only " + bytes + " bytes: a short key can be guessed, and whoever"
                    + " guesses it can sign sessions as any user; use at least " + SecretKeys.MIN_PRODUCTION_BYTES
                    + " bytes, as production requires (" + HOW_TO_MAKE_ONE + ")");
        }
    }

    private static void requireLongEnough(String variable, String key) {
        int bytes = key.getBytes(StandardCharsets.UTF_8).length;
        if (bytes < SecretKeys.MIN_PRODUCTION_BYTES) {
            String which = variable.equals("SECRET_KEY") ? "is" : "contains a key of";
            throw new ConfigurationException(
                    variable,
                    which + " only " + bytes + " bytes, production needs at least " + SecretKeys.MIN_PRODUCTION_BYTES
                            + " (" + HOW_TO_MAKE_ONE + ")");
        }
    }
}
