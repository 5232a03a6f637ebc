package org.cleanblog.web.user;

import java.util.Locale;
import java.util.Set;
import java.util.function.LongFunction;
import java.util.stream.Collectors;
import org.cleanblog.core.user.UserRepository;

/**
 * Turns the user id of a session into a {@link Viewer}, deciding the admin right: the stored admin flag (the first
 * registered user) or an e-mail in the configured admin list, compared ignoring case. A session whose user no longer
 * exists is anonymous.
 *
 * <p>Thread-safe.
 */
public final class Viewers implements LongFunction<Viewer> {
    private final UserRepository users;
    private final Set<String> adminEmails;

    public Viewers(UserRepository users, Set<String> adminEmails) {
        this.users = users;
        this.adminEmails = adminEmails.stream()
                .map(e -> e.strip().toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public Viewer apply(long userId) {
        return users.findById(userId)
                .map(u -> new Viewer(
                        u.id(),
                        u.name(),
                        u.email(),
                        u.admin() || adminEmails.contains(u.email().strip().toLowerCase(Locale.ROOT))))
                .orElse(Viewer.ANONYMOUS);
    }
}
