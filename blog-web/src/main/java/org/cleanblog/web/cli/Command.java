package org.cleanblog.web.cli;

import java.io.PrintStream;

/** One command of {@code java -jar blog.jar COMMAND}. */
@FunctionalInterface
public interface Command {
    /**
     * Runs the command.
     *
     * @param out where the command's own output goes (standard output)
     * @return the exit status: 0 on success, 1 on a runtime failure
     * @throws org.cleanblog.config.ConfigurationException for a bad setting (exit status 2)
     * @throws UsageException for bad options (exit status 2)
     * @throws Exception for any other failure (exit status 1)
     */
    int run(PrintStream out) throws Exception;
}
