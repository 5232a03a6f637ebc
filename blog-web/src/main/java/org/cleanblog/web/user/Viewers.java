package org.cleanblog.web.user;

import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.cleanblog.core.user.Email;
import org.cleanblog.core.user.UserRepository;
import org.cleanblog.web.session.Session;

/**
 * Turns a session into a {@link Viewer}, deciding the admin right: the stored admin flag (the first registered user)
 * or an e-mail in the configured admin list, compared ignoring case. A session that is anonymous, whose user no longer
 * exists, or that was issued before the user's sessions were ended (logout, ADR 0010) gives {@link Viewer#ANONYMOUS}.
 *
 * <p>Thread-safe.
 */
public final class Viewers implements Function<Session, Viewer> {
    private final UserRepository users;
    private final Set<String> adminEmails;

    public Viewers(UserRepository users, Set<String> adminEmails) {
        this.users = users;
        this.adminEmails = adminEmails.stream().map(Email::normalize).collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public Viewer apply(Session session) {
        if (session.user().isEmpty()) {
            return Viewer.ANONYMOUS;
        }
        return users.findById(session.userId())
                .filter(u -> u.acceptsSessionIssuedAt(session.issuedAt()))
                .map(u -> new Viewer(
                        u.id(), u.name(), u.email(), u.admin() || adminEmails.contains(Email.normalize(u.email()))))
                .orElse(Viewer.ANONYMOUS);
    }
}
