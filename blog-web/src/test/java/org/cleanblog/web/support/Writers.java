package org.cleanblog.web.support;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/** Signs up the writers of a {@link Load}: each a new account of its own, registered from an address of its own. */
public final class Writers {
    private Writers() {}

    /**
     * Registers {@code count} accounts, each from its own {@link Load#address(int) address} (so a per-address
     * registration throttle sees {@code count} visitors), and adds each as a writer of comments on {@code postId}.
     * Addresses {@code firstAddress} and on are used.
     *
     * @param browsers new visitors of the blog under test
     * @param label makes the accounts' e-mail addresses unique on this blog
     * @throws AssertionError when a registration is refused
     */
    public static void add(
            Load load, Supplier<Browser> browsers, int count, long postId, String label, int firstAddress) {
        for (int i = 0; i < count; i++) {
            String address = Load.address(firstAddress + i);
            String name = label + "-" + i;
            Browser browser = browsers.get();
            register(browser, name, name + "@example.org", address);
            load.writer(name, browser.sessionCookie(), browser.csrfToken("/post/" + postId), postId, address);
        }
    }

    /**
     * Registers (and so logs in) {@code browser} as a new account, sending {@code forwardedFor} as the client's
     * address.
     *
     * @throws AssertionError when the blog does not answer 303
     */
    public static void register(Browser browser, String name, String email, String forwardedFor) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("name", name);
        fields.put("email", email);
        fields.put("password", BlogHttpTest.PASSWORD);
        fields.put("csrf_token", browser.csrfToken("/register"));
        Response r = browser.post("/register", fields, "X-Forwarded-For", forwardedFor);
        if (r.status() != 303) {
            throw new AssertionError("registering " + email + " failed: " + r.status() + " " + r.body());
        }
    }
}
