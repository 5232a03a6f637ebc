package org.cleanblog.web.account;

import org.cleanblog.core.password.PasswordHasher;
import org.cleanblog.core.user.UserRepository;
import org.cleanblog.web.http.ConcurrencyLimit;
import org.cleanblog.web.http.Router;
import org.cleanblog.web.http.Throttle;
import org.cleanblog.web.user.Viewers;
import org.cleanblog.web.view.Views;

/** The URLs of accounts: registration, login and logout. */
public final class AccountRoutes {
    private AccountRoutes() {}

    /**
     * Adds {@code GET|POST /register}, {@code GET|POST /login} and {@code POST /logout}. Both POSTs that hash a password
     * pass the per-address {@code forms} throttle first, then wait for a slot of {@code hashing}.
     */
    public static void register(
            Router router,
            Views views,
            Viewers viewers,
            UserRepository users,
            PasswordHasher hasher,
            Throttle forms,
            ConcurrencyLimit hashing) {
        var accounts = new AccountPages(users, hasher, viewers, views);
        router.get("/register", accounts::registerForm)
                .post("/register", forms.limit(hashing.limit(accounts::register)))
                .get("/login", accounts::loginForm)
                .post("/login", forms.limit(hashing.limit(accounts::login)))
                .post("/logout", accounts::logout);
    }
}
