package org.cleanblog.web.account;

import org.cleanblog.core.ValidationException;
import org.cleanblog.core.password.PasswordHasher;
import org.cleanblog.core.user.Email;
import org.cleanblog.core.user.UserRepository;
import org.cleanblog.web.http.ConcurrencyLimit;
import org.cleanblog.web.http.Exchange;
import org.cleanblog.web.http.Router;
import org.cleanblog.web.http.Throttle;
import org.cleanblog.web.user.Viewers;
import org.cleanblog.web.view.Views;

/** The URLs of accounts: registration, login and logout. */
public final class AccountRoutes {
    private AccountRoutes() {}

    /**
     * Adds {@code GET|POST /register}, {@code GET|POST /login} and {@code POST /logout}. Both POSTs that hash a password
     * pass the per-address {@code forms} throttle first, then wait for a slot of {@code hashing}; a login also passes
     * the per-account {@code logins} throttle in between, keyed by the normalised e-mail (ADR 0024).
     */
    public static void register(
            Router router,
            Views views,
            Viewers viewers,
            UserRepository users,
            PasswordHasher hasher,
            Throttle forms,
            Throttle logins,
            ConcurrencyLimit hashing) {
        var accounts = new AccountPages(users, hasher, viewers, views);
        router.get("/register", accounts::registerForm)
                .post("/register", forms.limit(hashing.limit(accounts::register)))
                .get("/login", accounts::loginForm)
                .post(
                        "/login",
                        forms.limit(logins.limitBy(
                                AccountRoutes::account,
                                "Too many attempts to log in to this account in a short time.",
                                hashing.limit(accounts::login))))
                .post("/logout", accounts::logout);
    }

    /**
     * The throttle key of the account a login names: its normalised e-mail, or null for text that is no e-mail address
     * (no account has it, so only the per-address throttle counts it, and junk cannot fill the throttle's memory).
     * Every well-formed address is counted whether or not an account has it, so a 429 tells nothing about accounts.
     */
    private static String account(Exchange ex) {
        try {
            return new Email(ex.form("email")).normalized();
        } catch (ValidationException e) {
            return null;
        }
    }
}
