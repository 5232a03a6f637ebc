package org.cleanblog.web.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.cleanblog.config.BlogConfiguration;
import org.cleanblog.core.ConflictException;
import org.cleanblog.core.ValidationException;
import org.cleanblog.core.user.Email;
import org.cleanblog.core.user.User;
import org.cleanblog.core.user.UserRepository;
import org.cleanblog.persistence.BlogDatabase;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code admin grant EMAIL}, {@code admin revoke EMAIL}, {@code admin list}: who may write the blog, decided by the
 * operator where the jar runs, on the configured database (ADR 0022). Only the stored admin flag makes an admin; the
 * first user to register still gets it. The user must have registered first: an unknown address is a failure (exit 1),
 * a malformed one a usage error (exit 2). The last admin keeps the right unless {@code --force} is given, so that a
 * blog is not left without one by mistake. E-mails and names come from strangers' registrations, so control characters
 * in them are escaped before they reach the terminal.
 */
@Command(
        name = "admin",
        description = "give or take the admin right, or list the admins, on the configured database",
        synopsisSubcommandLabel = "(grant EMAIL | revoke [--force] EMAIL | list)")
final class AdminCommand {
    @Mixin
    private HelpOption help;

    @Spec
    private CommandSpec spec;

    private final Supplier<BlogConfiguration> configurations;
    private final PrintStream out;
    private final PrintStream err;

    AdminCommand(Supplier<BlogConfiguration> configuration, PrintStream out, PrintStream err) {
        this.configurations = configuration;
        this.out = out;
        this.err = err;
    }

    @Command(name = "grant", description = "make the user who registered with EMAIL an admin")
    int grant(
            @Mixin HelpOption help,
            @Parameters(paramLabel = "EMAIL", description = "a registered user's e-mail") String email) {
        Email address = address("grant", email);
        try (BlogDatabase db = MigrateCommand.open(configurations.get())) {
            Optional<User> user = find(db.users(), address);
            if (user.isEmpty()) {
                return unknown("grant", address);
            }
            if (user.get().admin()) {
                out.println(describe(user.get()) + " is already an admin.");
                return Cli.OK;
            }
            out.println(describe(db.users().grantAdmin(user.get().id())) + " is now an admin.");
            return Cli.OK;
        }
    }

    @Command(name = "revoke", description = "take the admin right from the user with EMAIL")
    int revoke(
            @Mixin HelpOption help,
            @Option(names = "--force", description = "revoke it even from the last admin, leaving the blog without one")
                    boolean force,
            @Parameters(paramLabel = "EMAIL", description = "an admin's e-mail") String email) {
        Email address = address("revoke", email);
        try (BlogDatabase db = MigrateCommand.open(configurations.get())) {
            Optional<User> user = find(db.users(), address);
            if (user.isEmpty()) {
                return unknown("revoke", address);
            }
            if (!user.get().admin()) {
                out.println(describe(user.get()) + " is not an admin; nothing changed.");
                return Cli.OK;
            }
            try {
                db.users().revokeAdmin(user.get().id(), force);
            } catch (ConflictException e) {
                err.println("admin revoke: " + describe(user.get()) + " is the only admin; grant the right to another"
                        + " user first, or add --force to leave the blog without an admin");
                return Cli.FAILURE;
            }
            out.println(describe(user.get()) + " is no longer an admin.");
            if (db.users().findAdmins().isEmpty()) {
                err.println("warning: the blog has no admin now; run `admin grant EMAIL` to make one");
            }
            return Cli.OK;
        }
    }

    @Command(name = "list", description = "print the e-mail and name of each admin, oldest account first")
    int list(@Mixin HelpOption help) {
        try (BlogDatabase db = MigrateCommand.open(configurations.get())) {
            List<User> admins = db.users().findAdmins();
            if (admins.isEmpty()) {
                err.println("The blog has no admin; run `admin grant EMAIL` to make one.");
            }
            int width = admins.stream()
                    .mapToInt(admin -> TerminalText.escape(admin.email()).length())
                    .max()
                    .orElse(0);
            for (User admin : admins) {
                out.println(String.format(
                                "%-" + width + "s  %s",
                                TerminalText.escape(admin.email()),
                                TerminalText.escape(admin.name()))
                        .stripTrailing());
            }
            return Cli.OK;
        }
    }

    /** A malformed address can name no user: that is bad usage, told before the database is opened. */
    private Email address(String command, String email) {
        try {
            return new Email(email);
        } catch (ValidationException e) {
            throw new CommandLine.ParameterException(
                    spec.subcommands().get(command),
                    "'" + TerminalText.escape(email) + "' is not an e-mail address (expected name@example.org)");
        }
    }

    private static Optional<User> find(UserRepository users, Email address) {
        return users.findByEmail(address.value());
    }

    private int unknown(String command, Email address) {
        err.println("admin " + command + ": no user has the e-mail " + TerminalText.escape(address.value())
                + " (the person" + " registers at /register first; `admin list` shows the admins)");
        return Cli.FAILURE;
    }

    private static String describe(User user) {
        return TerminalText.escape(user.email()) + " (" + TerminalText.escape(user.name()) + ")";
    }
}
