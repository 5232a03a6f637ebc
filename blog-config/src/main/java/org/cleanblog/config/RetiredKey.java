package org.cleanblog.config;

import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Settings the blog no longer reads. Each is refused wherever it is set (system property, environment variable or
 * file key), so that an upgrade cannot silently change what an operator's configuration did: the message says why it
 * went and what replaces it. Thread-safe (an enum).
 */
enum RetiredKey {
    /**
     * Made anyone who registered a listed address an admin, and registering proves nobody owns an address (issue 9,
     * ADR 0022).
     */
    ADMIN_EMAILS(
            "blog.admin.emails",
            "is no longer supported: it made anyone who registered a listed address an admin; unset it and run"
                    + " `java -jar blog.jar admin grant EMAIL` for each admin instead");

    private final String propertyName;
    private final String problem;

    RetiredKey(String propertyName, String problem) {
        this.propertyName = propertyName;
        this.problem = problem;
    }

    /** The property name, which is also the file key. */
    String propertyName() {
        return propertyName;
    }

    /**
     * Refuses a retired setting given as a system property or environment variable; blank counts as not set, as for
     * every setting.
     *
     * @throws ConfigurationException naming the setting as it was written
     */
    static void refuse(Map<String, String> environment, Properties systemProperties) {
        for (RetiredKey key : values()) {
            if (isSet(systemProperties.getProperty(key.propertyName))) {
                throw key.refusal(key.propertyName);
            }
            if (isSet(environment.get(key.name()))) {
                throw key.refusal(key.name());
            }
        }
    }

    /** The retired key whose file key is {@code fileKey}, or empty. */
    static Optional<RetiredKey> byFileKey(String fileKey) {
        for (RetiredKey key : values()) {
            if (key.propertyName.equals(fileKey) || key.name().equals(fileKey)) {
                return Optional.of(key);
            }
        }
        return Optional.empty();
    }

    /** The error for this key, set under {@code variable} (its name as the operator wrote it). */
    ConfigurationException refusal(String variable) {
        return new ConfigurationException(variable, problem);
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }
}
