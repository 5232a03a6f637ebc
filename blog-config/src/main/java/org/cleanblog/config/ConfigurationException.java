package org.cleanblog.config;

/**
 * A setting is missing or malformed. The message is one line meant for the person starting the blog: it names the
 * variable, what is wrong and what is expected, and never contains a password or secret key. A command-line front end
 * prints the message alone (no stack trace) and exits with status 2.
 */
public final class ConfigurationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String variable;

    /**
     * @param variable the name the user knows the setting by, for example {@code DATABASE_URL} or {@code --from};
     *     never null
     * @param problem what is wrong and what is expected, without the variable name; never null
     */
    public ConfigurationException(String variable, String problem) {
        this(variable, problem, null);
    }

    /** As {@link #ConfigurationException(String, String)}, keeping the low-level cause for debugging. */
    public ConfigurationException(String variable, String problem, Throwable cause) {
        super(variable + ": " + problem, cause);
        this.variable = variable;
    }

    /** The name of the setting at fault, for example {@code DATABASE_URL}; never null. */
    public String variable() {
        return variable;
    }
}
