package org.cleanblog.web.support;

import java.net.http.HttpHeaders;
import java.util.List;
import java.util.Optional;

/** A response as a test sees it. */
public record Response(int status, String body, HttpHeaders headers) {
    public Optional<String> header(String name) {
        return headers.firstValue(name);
    }

    /** The {@code Location} header, or "" when there is none. */
    public String location() {
        return header("Location").orElse("");
    }

    /** Every {@code Set-Cookie} header. */
    public List<String> setCookies() {
        return headers.allValues("Set-Cookie");
    }

    /** How many times {@code needle} occurs in the body. */
    public int count(String needle) {
        int n = 0;
        for (int i = body.indexOf(needle); i >= 0; i = body.indexOf(needle, i + needle.length())) {
            n++;
        }
        return n;
    }
}
