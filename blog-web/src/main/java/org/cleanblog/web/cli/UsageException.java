package org.cleanblog.web.cli;

/** The command line is wrong; the message is one line that names the command or option and what is expected. */
public final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message, null, false, false);
    }
}
