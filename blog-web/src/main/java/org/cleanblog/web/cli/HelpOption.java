package org.cleanblog.web.cli;

import picocli.CommandLine.Option;

/**
 * {@code -h}/{@code --help}, mixed into every command. Not an inherited option: picocli's {@code help} command has
 * its own {@code -h}, which an inherited one would clash with.
 */
final class HelpOption {
    @Option(
            names = {"-h", "--help"},
            usageHelp = true,
            description = "show this help")
    boolean requested;
}
