package org.cleanblog.web.security;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;

/**
 * Generates malformed and hostile HTTP/1.1 requests as raw bytes. Request {@code i} of a run depends only on the seed
 * and {@code i}, so a failure is reproduced by running with the same seed. The strings it sends never contain the
 * words that {@link HostileInputTest} looks for in answers (internal names, stack traces), so an echo of the input
 * in a form cannot pass for a leak.
 */
final class HostileRequests {
    /** The visitors whose cookie and CSRF token a request may carry. */
    record Visitor(String cookie, String csrfToken) {}

    /**
     * One generated request: its bytes, a short description for failure messages, and whether it names an HTTP version
     * other than 1.0 and 1.1 (Jetty answers those with 505 HTTP Version Not Supported, the one 5xx that is an answer
     * about the request, not a failure of the server).
     */
    record Request(int index, String description, byte[] bytes, boolean unsupportedVersion) {
        Request(int index, String description, byte[] bytes) {
            this(index, description, bytes, false);
        }
    }

    private static final List<String> METHODS = List.of(
            "GET",
            "GET",
            "GET",
            "HEAD",
            "POST",
            "POST",
            "POST",
            "PUT",
            "DELETE",
            "OPTIONS",
            "TRACE",
            "PATCH",
            "CONNECT",
            "PROPFIND",
            "get",
            "G\u00c9T",
            "GET /",
            "X".repeat(300),
            "");
    private static final List<String> ROUTES = List.of(
            "/",
            "/post/{n}",
            "/edit-post/{n}",
            "/delete/{n}",
            "/login",
            "/register",
            "/contact",
            "/logout",
            "/new-post",
            "/about",
            "/messages",
            "/feed.xml",
            "/sitemap.xml",
            "/sitemap/{n}.xml",
            "/healthz",
            "/static/{s}",
            "/{s}",
            "/post/{s}",
            "/{s}/{s}");
    private static final List<String> FORM_ROUTES = List.of(
            "/login",
            "/register",
            "/contact",
            "/post/1",
            "/post/{n}",
            "/new-post",
            "/edit-post/1",
            "/edit-post/{n}",
            "/delete/{n}",
            "/logout");
    private static final List<String> FIELDS = List.of(
            "email",
            "password",
            "name",
            "phone",
            "message",
            "comment_text",
            "title",
            "subtitle",
            "img_url",
            "body",
            "next",
            "page",
            "csrf_token",
            "id");
    private static final List<String> NUMBERS = List.of(
            "-1",
            "0",
            "1",
            "2",
            "-9223372036854775808",
            "9223372036854775807",
            "9223372036854775808",
            "99999999999999999999999999999",
            "1000001",
            "1e9",
            "0x10",
            "+7",
            "007",
            "\u0667",
            "1.5",
            "",
            " 1",
            "NaN",
            "1%00",
            "1;1",
            "1/../2",
            "%31");
    private static final List<String> HOSTILE = List.of(
            "' OR '1'='1",
            "1; DROP TABLE users; --",
            "\" OR 1=1 --",
            "1 UNION SELECT password_hash FROM users",
            "admin'--",
            "'; UPDATE users SET is_admin=true; --",
            "${7777*7777}",
            "{{7777*7777}}",
            "#{7777*7777}",
            "<%= 7777*7777 %>",
            "@(7777*7777)",
            "*{7777*7777}",
            "${T(Runtime).getRuntime().exec('id')}",
            "../../../../etc/passwd",
            "..%2f..%2f..%2fetc%2fpasswd",
            "%2e%2e/%2e%2e/etc/passwd",
            "....//....//etc/passwd",
            "..\\..\\windows\\win.ini",
            "/etc/passwd%00.css",
            "file:///etc/passwd",
            "%0d%0aX-Injected:%201",
            "\r\nSet-Cookie: injected=1",
            "%0d%0aSet-Cookie:%20injected=1",
            "//evil.example/",
            "/\\evil.example",
            "https://evil.example/",
            "javascript:alert(1)",
            "<script>alert(1)</script>",
            "\"><img src=x onerror=alert(1)>",
            "\u0000",
            "\u0001\u001b[2J",
            "\ud800",
            "\uffff",
            "\u202e",
            "A".repeat(5_000),
            "%",
            "%G1",
            "%C3%28",
            "%FF%FE",
            "%E2%82",
            "&&&===",
            "a@b",
            "ada@example.org");
    private static final List<String> BROKEN_ESCAPES = List.of("%", "%G1", "%C3%28", "%FF", "%E2%82", "%%", "%0");

    private final long seed;
    private final int port;
    private final List<Visitor> visitors;

    HostileRequests(long seed, int port, List<Visitor> visitors) {
        this.seed = seed;
        this.port = port;
        this.visitors = visitors;
    }

    int port() {
        return port;
    }

    Request request(int index) {
        Random random = new Random(seed * 1_000_003L + index);
        int kind = random.nextInt(100);
        if (kind < 30) {
            return route(index, random);
        } else if (kind < 65) {
            return form(index, random);
        } else if (kind < 78) {
            return malformedLine(index, random);
        } else if (kind < 95) {
            return headerAbuse(index, random);
        }
        return oversizedBody(index, random);
    }

    private Request route(int index, Random random) {
        String method = pick(random, METHODS);
        String target = path(random) + query(random);
        String headers = random.nextBoolean() ? cookieHeader(random) : "";
        return build(index, "route " + method + " " + abbreviate(target), line(method, target) + host() + headers, "");
    }

    private Request form(int index, Random random) {
        String target = fill(random, pick(random, FORM_ROUTES));
        Visitor visitor = visitors.isEmpty() || random.nextInt(4) == 0 ? null : pick(random, visitors);
        StringBuilder body = new StringBuilder();
        int fields = 1 + random.nextInt(random.nextInt(20) == 0 ? 2_000 : 6);
        for (int i = 0; i < fields; i++) {
            body.append(i == 0 ? "" : "&").append(encode(random, pick(random, FIELDS)));
            body.append('=').append(encode(random, value(random)));
        }
        boolean validToken = visitor != null && !target.equals("/logout") && random.nextInt(3) > 0;
        if (validToken) {
            body.append("&csrf_token=").append(URLEncoder.encode(visitor.csrfToken(), StandardCharsets.UTF_8));
        }
        String cookie = visitor == null ? cookieHeader(random) : "Cookie: blog_session=" + visitor.cookie() + "\r\n";
        byte[] content = body.toString().getBytes(StandardCharsets.UTF_8);
        if (random.nextInt(10) == 0) {
            content = withInvalidUtf8(random, content);
        }
        String type = random.nextInt(10) == 0
                ? pick(random, List.of("multipart/form-data; boundary=x", "text/plain", "application/json", "x/y;;;"))
                : "application/x-www-form-urlencoded" + (random.nextBoolean() ? "; charset=UTF-8" : "");
        String head = line("POST", target) + host() + cookie + "Content-Type: " + type + "\r\n";
        String description =
                "form POST " + abbreviate(target) + (validToken ? " with token" : "") + " " + fields + " fields";
        return build(index, description, head, content);
    }

    private Request malformedLine(int index, Random random) {
        String requestLine = switch (random.nextInt(9)) {
            case 0 -> "GET /post/" + pick(random, BROKEN_ESCAPES) + " HTTP/1.1";
            case 1 -> "GET /" + "a/".repeat(random.nextInt(5_000)) + " HTTP/1.1";
            case 2 -> "GET / HTTP/" + pick(random, List.of("2.0", "0.9", "1.7", "x", "", "1.1 extra"));
            case 3 -> "GET http://evil.example/ HTTP/1.1";
            case 4 ->
                "GET " + pick(random, List.of("*", "evil", "\\", "/\\evil", "//evil", "/..", "/%2e%2e/")) + " HTTP/1.1";
            case 5 -> "GET /post/1\rX: y HTTP/1.1";
            case 6 -> pick(random, List.of("", " ", "GET", "\u0000\u0001\u0002", "HTTP/1.1 200 OK"));
            case 7 -> "GET /?page=" + pick(random, NUMBERS) + "&page=" + pick(random, NUMBERS) + " HTTP/1.1";
            default -> "GET /" + "\u00ff\u00fe" + " HTTP/1.1";
        };
        byte[] lineBytes = requestLine.getBytes(StandardCharsets.ISO_8859_1);
        String rest = host() + "\r\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(lineBytes);
        out.writeBytes(random.nextBoolean() ? "\r\n".getBytes(StandardCharsets.ISO_8859_1) : new byte[] {'\n'});
        out.writeBytes(rest.getBytes(StandardCharsets.ISO_8859_1));
        boolean unsupportedVersion = requestLine.startsWith("GET / HTTP/") && !requestLine.endsWith("HTTP/1.1");
        return new Request(index, "malformed line " + abbreviate(requestLine), out.toByteArray(), unsupportedVersion);
    }

    private Request headerAbuse(int index, Random random) {
        StringBuilder headers = new StringBuilder();
        String body = "";
        String description;
        switch (random.nextInt(10)) {
            case 0 -> {
                description = "huge header";
                headers.append("X-Big: ")
                        .append("b".repeat(8_000 + random.nextInt(60_000)))
                        .append("\r\n");
            }
            case 1 -> {
                description = "repeated headers";
                String name = pick(random, List.of("Cookie", "X-Forwarded-For", "X-Forwarded-Proto", "Host", "Accept"));
                int times = 2 + random.nextInt(400);
                for (int i = 0; i < times; i++) {
                    headers.append(name)
                            .append(": ")
                            .append(value(random).replaceAll("[\\r\\n]", ""))
                            .append("\r\n");
                }
            }
            case 2 -> {
                description = "garbage cookie";
                headers.append(cookieHeader(random))
                        .append("Cookie: blog_session=")
                        .append(pick(random, List.of("", ".", "..", "a.b", "%%%", "\"x\"", "x".repeat(9_000))))
                        .append("\r\n");
            }
            case 3 -> {
                description = "bad content length";
                headers.append("Content-Length: ")
                        .append(pick(random, List.of("-1", "abc", "1, 2", "99999999999999999999", "5", "1 1")))
                        .append("\r\n");
                body = "a=1";
            }
            case 4 -> {
                description = "two content lengths";
                headers.append("Content-Length: 3\r\nContent-Length: 30\r\n");
                body = "a=1";
            }
            case 5 -> {
                description = "chunked and length";
                headers.append("Transfer-Encoding: chunked\r\nContent-Length: 3\r\n");
                body = pick(random, List.of("3\r\na=1\r\n0\r\n\r\n", "zz\r\nx\r\n", "ffffffffffffffff\r\nx", "1\r\n"));
            }
            case 6 -> {
                description = "header without colon or with obs-fold";
                headers.append(
                        pick(random, List.of("NoColon\r\n", "X-A: a\r\n b\r\n", ": empty\r\n", "X\u0000: y\r\n")));
            }
            case 7 -> {
                description = "forwarded headers";
                headers.append("X-Forwarded-For: ")
                        .append(value(random).replaceAll("[\\r\\n]", ""))
                        .append("\r\n");
                headers.append("X-Forwarded-Proto: ")
                        .append(pick(random, List.of("https", "gopher", "", "https, http")))
                        .append("\r\nX-Forwarded-Host: evil.example\r\n");
            }
            case 8 -> {
                description = "expect continue";
                headers.append("Expect: ")
                        .append(pick(random, List.of("100-continue", "200-ok", "x")))
                        .append("\r\n");
            }
            default -> {
                description = "many different headers";
                for (int i = random.nextInt(2_000); i > 0; i--) {
                    headers.append("X-H").append(i).append(": v\r\n");
                }
            }
        }
        String method = body.isEmpty() && random.nextBoolean() ? "GET" : "POST";
        String target = path(random) + query(random);
        String head = line(method, target) + host() + headers;
        return build(index, "header " + description + " on " + method + " " + abbreviate(target), head, body);
    }

    private Request oversizedBody(int index, Random random) {
        String target = fill(random, pick(random, FORM_ROUTES));
        String head = line("POST", target) + host() + "Content-Type: application/x-www-form-urlencoded\r\n";
        // Real bodies over the limit are rare (they cost a megabyte each); announced ones are cheap.
        return switch (random.nextInt(20)) {
            case 0 -> build(index, "1.1 MiB body to " + target, head, "a=" + "x".repeat(1_150_000));
            case 1 -> {
                StringBuilder chunked = new StringBuilder();
                for (int i = 0; i < 20; i++) {
                    chunked.append("10000\r\n").append("y".repeat(0x10000)).append("\r\n");
                }
                chunked.append("0\r\n\r\n");
                yield new Request(
                        index,
                        "1.25 MiB chunked body to " + target,
                        (head + "Transfer-Encoding: chunked\r\n\r\n" + chunked).getBytes(StandardCharsets.ISO_8859_1));
            }
            default ->
                new Request(
                        index,
                        "announced body over the limit to " + target,
                        (head + "Content-Length: " + (1_048_577 + random.nextInt(1 << 30)) + "\r\n\r\n" + "a=1")
                                .getBytes(StandardCharsets.ISO_8859_1));
        };
    }

    private String path(Random random) {
        return fill(random, pick(random, ROUTES));
    }

    private String fill(Random random, String route) {
        String path = route;
        while (path.contains("{n}")) {
            path = path.replaceFirst("\\{n}", Matcher.quoteReplacement(encodeInPath(random, pick(random, NUMBERS))));
        }
        while (path.contains("{s}")) {
            path = path.replaceFirst("\\{s}", Matcher.quoteReplacement(encodeInPath(random, value(random))));
        }
        return path;
    }

    private String query(Random random) {
        return switch (random.nextInt(6)) {
            case 0 -> "";
            case 1 -> "?page=" + encode(random, pick(random, NUMBERS));
            case 2 -> "?next=" + encode(random, value(random));
            case 3 -> "?" + encode(random, pick(random, FIELDS)) + "=" + encode(random, value(random));
            case 4 -> "?sent&page=" + encode(random, value(random)) + "&page=2";
            default -> "?" + pick(random, BROKEN_ESCAPES) + "=" + pick(random, BROKEN_ESCAPES);
        };
    }

    private String value(Random random) {
        return random.nextInt(3) == 0 ? pick(random, NUMBERS) : pick(random, HOSTILE);
    }

    /** URL-encoded, raw, or encoded with a broken escape added. */
    private static String encode(Random random, String s) {
        return switch (random.nextInt(5)) {
            case 0 -> s.replace(' ', '+').replaceAll("[\\r\\n]", "");
            case 1 -> URLEncoder.encode(s, StandardCharsets.UTF_8) + pick(random, BROKEN_ESCAPES);
            default -> URLEncoder.encode(s, StandardCharsets.UTF_8);
        };
    }

    private static String encodeInPath(Random random, String s) {
        return random.nextInt(4) == 0 ? s.replaceAll("[\\s]", "") : URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private String cookieHeader(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> "";
            case 1 -> "Cookie: blog_session=" + visitorCookie(random) + "x\r\n";
            case 2 -> "Cookie: blog_session=djJ8eHx8MXwxfDE.AAAA; other=1\r\n";
            default -> "Cookie: blog_session=" + visitorCookie(random) + "\r\n";
        };
    }

    private String visitorCookie(Random random) {
        return visitors.isEmpty() ? "none" : pick(random, visitors).cookie();
    }

    private String host() {
        return "Host: 127.0.0.1:" + port + "\r\nConnection: close\r\n";
    }

    private static String line(String method, String target) {
        return method + " " + target + " HTTP/1.1\r\n";
    }

    private static Request build(int index, String description, String head, String body) {
        return build(index, description, head, body.getBytes(StandardCharsets.UTF_8));
    }

    private static Request build(int index, String description, String head, byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        boolean hasLength = head.contains("Content-Length:") || head.contains("Transfer-Encoding:");
        String complete = head + (hasLength || body.length == 0 ? "" : "Content-Length: " + body.length + "\r\n");
        // Header values may hold any char; the wire carries them as UTF-8, as a careless client would.
        out.writeBytes(complete.getBytes(StandardCharsets.UTF_8));
        out.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(body);
        return new Request(index, description, out.toByteArray());
    }

    private static byte[] withInvalidUtf8(Random random, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = content.length == 0 ? 0 : random.nextInt(content.length);
        out.write(content, 0, at);
        out.writeBytes(new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xED, (byte) 0xA0, (byte) 0x80});
        out.write(content, at, content.length - at);
        return out.toByteArray();
    }

    private static <T> T pick(Random random, List<T> list) {
        return list.get(random.nextInt(list.size()));
    }

    private static String abbreviate(String s) {
        String oneLine = s.replace("\r", "\\r").replace("\n", "\\n");
        return oneLine.length() <= 100 ? oneLine : oneLine.substring(0, 100) + "…";
    }
}
