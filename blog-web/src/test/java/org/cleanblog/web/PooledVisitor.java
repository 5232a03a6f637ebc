package org.cleanblog.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Queue;
import org.cleanblog.web.support.Browser;
import org.cleanblog.web.support.Load;
import org.cleanblog.web.support.Response;

/**
 * A visitor of a blog with one post, from an address of its own (an {@code X-Forwarded-For} the blog believes from its
 * loopback peer): registers, then reads every page and comments {@value #COMMENTS} times, writes to the contact form,
 * logs out and in again. Each answer other than the one expected is added to {@code failures}, so that many visitors
 * at once report everything that went wrong. Not thread-safe: one thread per visitor.
 */
record PooledVisitor(Browser browser, int number, long postId, Queue<String> failures) {
    static final int COMMENTS = 3;
    static final String PASSWORD = "correct horse battery";

    void register() {
        expect(
                "register",
                303,
                browser.post(
                        "/register",
                        withToken(
                                "/register",
                                Map.of("name", "Visitor " + number, "email", email(), "password", PASSWORD)),
                        "X-Forwarded-For",
                        Load.address(number)));
    }

    void visit() {
        try {
            visitAll();
        } catch (RuntimeException | AssertionError e) {
            failures.add("visitor " + number + ": " + e);
        }
    }

    private String email() {
        return "visitor" + number + "@example.org";
    }

    private void visitAll() {
        String address = Load.address(number);
        String email = email();
        for (int i = 0; i < COMMENTS; i++) {
            expect("home", 200, browser.get("/"));
            expect("post", 200, browser.get("/post/" + postId));
            expect(
                    "comment",
                    303,
                    browser.post(
                            "/post/" + postId,
                            withToken("/post/" + postId, Map.of("comment_text", "visitor " + number + " comment " + i)),
                            "X-Forwarded-For",
                            address));
            expect("feed", 200, browser.get("/feed.xml"));
            expect("sitemap", 200, browser.get("/sitemap.xml"));
            expect("sitemap part", 200, browser.get("/sitemap/1.xml"));
            expect("healthz", 200, browser.get("/healthz"));
        }
        expect(
                "contact",
                303,
                browser.post(
                        "/contact",
                        withToken(
                                "/contact",
                                Map.of("name", "Visitor " + number, "email", email, "phone", "", "message", "hello")),
                        "X-Forwarded-For",
                        address));
        expect("logout", 303, browser.logout());
        expect(
                "login",
                303,
                browser.post(
                        "/login",
                        withToken("/login", Map.of("email", email, "password", PASSWORD)),
                        "X-Forwarded-For",
                        address));
    }

    private Map<String, String> withToken(String page, Map<String, String> fields) {
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("csrf_token", browser.csrfToken(page));
        return all;
    }

    private void expect(String step, int status, Response response) {
        if (response.status() != status) {
            String text = response.body()
                    .replaceAll("(?s)<head>.*</head>|<[^>]*>", " ")
                    .replaceAll("\\s+", " ");
            failures.add("visitor " + number + " " + step + ": " + response.status() + " "
                    + text.substring(0, Math.min(text.length(), 300)));
        }
    }
}
