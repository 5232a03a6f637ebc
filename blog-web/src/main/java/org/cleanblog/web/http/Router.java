package org.cleanblog.web.http;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The route table: routes are declared in code as method + path pattern + handler, each feature package adding its own
 * (ADR 0004). A pattern is literal segments and {@code {name}} segments, each matching one non-empty path segment; a
 * {@code {name}} segment may end in a literal suffix, as {@code {n}.xml}, and then matches a segment that ends in it
 * with at least one character before it, which is the parameter's value.
 *
 * <p>Build it once, then share it: matching is thread-safe as long as no route is added concurrently.
 */
public final class Router {
    private final List<Route> routes = new ArrayList<>();

    /** Adds {@code GET pattern} (which also answers {@code HEAD}, without a body). */
    public Router get(String pattern, Handler handler) {
        return add("GET", pattern, handler);
    }

    /** Adds {@code POST pattern}; the front controller checks its CSRF token before {@code handler} runs. */
    public Router post(String pattern, Handler handler) {
        return add("POST", pattern, handler);
    }

    /** Every route as {@code "METHOD /pattern"}, in the order they were added: the site's whole surface. */
    public List<String> routes() {
        return routes.stream()
                .map(r -> r.method() + " /" + String.join("/", r.pattern()))
                .toList();
    }

    private Router add(String method, String pattern, Handler handler) {
        if (!pattern.startsWith("/")) {
            throw new IllegalArgumentException("route pattern must start with '/': " + pattern);
        }
        if (routes().contains(method + " " + pattern)) {
            throw new IllegalArgumentException("route " + method + " " + pattern + " is declared twice");
        }
        routes.add(new Route(method, segments(pattern), handler));
        return this;
    }

    /**
     * The route for {@code method} and {@code path} with its path parameters.
     *
     * @throws HttpError 404 when no route has this path, 405 (with the allowed methods) when routes have the path but
     *     not the method
     */
    Match match(String method, String path) {
        List<String> actual = segments(path);
        Set<String> allowed = new LinkedHashSet<>();
        String wanted = "HEAD".equals(method) ? "GET" : method;
        for (Route route : routes) {
            Map<String, String> params = route.bind(actual);
            if (params != null) {
                if (route.method().equals(wanted)) {
                    return new Match(route.handler(), params);
                }
                allowed.add(route.method());
            }
        }
        if (allowed.isEmpty()) {
            throw HttpError.notFound();
        }
        throw new MethodNotAllowed(allowed);
    }

    private static List<String> segments(String path) {
        List<String> result = new ArrayList<>();
        for (String s : path.split("/", -1)) {
            result.add(s);
        }
        // "/" and "/about" split into ["", ""] and ["", "about"]: drop the leading empty segment only.
        return result.subList(1, result.size());
    }

    /** A matched route: its handler and the values of its {@code {name}} segments. */
    record Match(Handler handler, Map<String, String> params) {}

    /** 405: the path exists, the method does not. */
    static final class MethodNotAllowed extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient Set<String> allowed;

        MethodNotAllowed(Set<String> allowed) {
            super("method not allowed", null, false, false);
            this.allowed = Set.copyOf(allowed);
        }

        /** For the {@code Allow} header. */
        String allowHeader() {
            Set<String> methods = new LinkedHashSet<>(allowed);
            if (methods.contains("GET")) {
                methods.add("HEAD");
            }
            return String.join(", ", methods);
        }
    }

    private record Route(String method, List<String> pattern, Handler handler) {
        /** The path parameters when {@code actual} matches, else null. */
        Map<String, String> bind(List<String> actual) {
            if (actual.size() != pattern.size()) {
                return null;
            }
            Map<String, String> params = new LinkedHashMap<>();
            for (int i = 0; i < pattern.size(); i++) {
                String p = pattern.get(i);
                String a = actual.get(i);
                int close = p.indexOf('}');
                if (p.startsWith("{") && close > 0) {
                    String suffix = p.substring(close + 1);
                    if (a.length() <= suffix.length() || !a.endsWith(suffix)) {
                        return null;
                    }
                    params.put(p.substring(1, close), a.substring(0, a.length() - suffix.length()));
                } else if (!p.equals(a)) {
                    return null;
                }
            }
            return params;
        }
    }
}
