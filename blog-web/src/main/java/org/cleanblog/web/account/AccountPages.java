package org.cleanblog.web.account;

import java.io.IOException;
import java.util.Optional;
import org.cleanblog.core.ConflictException;
import org.cleanblog.core.ValidationException;
import org.cleanblog.core.password.PasswordHasher;
import org.cleanblog.core.user.Email;
import org.cleanblog.core.user.NewUser;
import org.cleanblog.core.user.User;
import org.cleanblog.core.user.UserRepository;
import org.cleanblog.web.content.XmlText;
import org.cleanblog.web.http.Exchange;
import org.cleanblog.web.user.Viewer;
import org.cleanblog.web.user.Viewers;
import org.cleanblog.web.view.Views;

/** Registration, login and logout. */
final class AccountPages {
    static final int MIN_PASSWORD_LENGTH = 8;
    /** PBKDF2 cost grows with the password length; nobody types more. */
    static final int MAX_PASSWORD_LENGTH = 1024;

    static final String LOGIN_FAILED = "That e-mail and password do not match an account. Check both and try again.";

    private final UserRepository users;
    private final PasswordHasher hasher;
    private final Viewers viewers;
    private final Views views;
    // Verified against when the e-mail is unknown, so that a wrong e-mail costs as long as a wrong password. Made on
    // first need: hashing at full strength takes long enough to be felt in start-up time.
    private volatile String decoyHash;

    AccountPages(UserRepository users, PasswordHasher hasher, Viewers viewers, Views views) {
        this.users = users;
        this.hasher = hasher;
        this.viewers = viewers;
        this.views = views;
    }

    private String decoyHash() {
        String decoy = decoyHash;
        if (decoy == null) {
            decoy = hasher.hash("decoy password that matches no account");
            decoyHash = decoy;
        }
        return decoy;
    }

    /** {@code GET /register}. */
    void registerForm(Exchange ex) throws IOException {
        registerPage(ex, 200, "", "", "");
    }

    /** {@code POST /register} with {@code name}, {@code email}, {@code password}: creates the user and logs in. */
    void register(Exchange ex) throws IOException {
        String name = ex.form("name");
        String email = ex.form("email");
        String password = ex.form("password");
        User user;
        try {
            XmlText.requireValid("name", name);
            Email address = new Email(email);
            checkPassword(password);
            if (users.findByEmail(address.value()).isPresent()) {
                throw new ConflictException(alreadyRegistered(address));
            }
            user = users.create(new NewUser(address, name, hasher.hash(password)));
        } catch (ValidationException e) {
            registerPage(ex, 400, e.getMessage(), name, email);
            return;
        } catch (ConflictException e) {
            // Also when two registrations race: the database's unique index decides.
            registerPage(ex, 409, alreadyRegistered(email), name, email);
            return;
        }
        ex.session().start(user.id(), user.sessionsValidFrom());
        ex.redirect("/");
    }

    /** {@code GET /login}. */
    void loginForm(Exchange ex) throws IOException {
        loginPage(ex, 200, "", "", safeNext(ex.query("next").orElse("/")));
    }

    /**
     * {@code POST /login} with {@code email}, {@code password}: one message for every failure. A hash made with fewer
     * iterations than today's is replaced after a successful login.
     */
    void login(Exchange ex) throws IOException {
        String email = ex.form("email");
        String password = ex.form("password");
        String next = safeNext(ex.form("next"));
        Optional<User> found = password.length() > MAX_PASSWORD_LENGTH ? Optional.empty() : users.findByEmail(email);
        boolean ok =
                hasher.verify(password, found.map(User::passwordHash).orElseGet(this::decoyHash)) && found.isPresent();
        if (!ok) {
            loginPage(ex, 400, LOGIN_FAILED, email, next);
            return;
        }
        User user = found.get();
        if (hasher.needsRehash(user.passwordHash())) {
            users.updatePasswordHash(user.id(), hasher.hash(password));
        }
        ex.session().start(user.id(), user.sessionsValidFrom());
        ex.redirect(next);
    }

    /** {@code POST /logout}: ends the user's sessions, on this browser and on every other (ADR 0010). */
    void logout(Exchange ex) {
        Viewer viewer = viewers.of(ex);
        if (viewer.loggedIn()) {
            users.endSessions(viewer.id());
        }
        ex.session().end();
        ex.redirect("/");
    }

    private static void checkPassword(String password) {
        int length = password.codePointCount(0, password.length());
        if (length < MIN_PASSWORD_LENGTH) {
            throw new ValidationException("password must be at least " + MIN_PASSWORD_LENGTH + " characters long");
        }
        if (length > MAX_PASSWORD_LENGTH) {
            throw new ValidationException("password must be at most " + MAX_PASSWORD_LENGTH + " characters long");
        }
    }

    private static String alreadyRegistered(Object email) {
        return "An account with the e-mail " + email + " already exists. Log in instead.";
    }

    /** {@code next} when it is a path on this site, else "/": a login link must not send anyone elsewhere. */
    static String safeNext(String next) {
        if (next == null || !next.startsWith("/") || next.startsWith("//") || next.contains("\\")) {
            return "/";
        }
        for (int i = 0; i < next.length(); i++) {
            if (Character.isISOControl(next.charAt(i))) {
                return "/";
            }
        }
        return next;
    }

    private void registerPage(Exchange ex, int status, String error, String name, String email) throws IOException {
        views.render(ex, status, (out, ctx) -> JteregisterGenerated.render(out, null, ctx, error, name, email));
    }

    private void loginPage(Exchange ex, int status, String error, String email, String next) throws IOException {
        views.render(ex, status, (out, ctx) -> JteloginGenerated.render(out, null, ctx, error, email, next));
    }
}
