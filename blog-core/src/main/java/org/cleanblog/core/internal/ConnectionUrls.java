package org.cleanblog.core.internal;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The one rule for hiding the password in a database URL before it is shown to people (error messages, log lines,
 * the {@code config} printout), for every form the blog reads: {@code postgres://}, {@code postgresql://}, their
 * {@code jdbc:} forms, and SQLite URLs, whose paths are shown as they are. Internal to the project (see the package
 * documentation). Stateless and thread-safe.
 */
public final class ConnectionUrls {
    /** What a hidden password or key is replaced by. */
    public static final String MASK = "****";

    private static final Pattern PASSWORD_PARAMETER = Pattern.compile("(?i)([?&;][^=&;?]*password=)[^&;]*");
    private static final Pattern HOST_PORT = Pattern.compile("(\\[[^\\]@/]*\\]|[^\\[\\]@/:]*)(:[0-9]*)?");

    private ConnectionUrls() {}

    /**
     * The URL with the password of its user information ({@code user:password@}) and the value of every query
     * parameter whose name contains {@code password} (any case) replaced by {@value #MASK}. A raw password may itself
     * contain {@code @}, {@code /} or {@code :}, so everything from the first colon after {@code ://} up to the
     * {@code @} found by {@link #userInfoEnd} is hidden; when there is none (no database path), up to the last
     * {@code @}: masking too much is safe, too little is not. A SQLite URL names a file, whose path may contain
     * {@code @} and {@code :} but no password, so only its query parameters are masked.
     *
     * @param url any text; null gives {@code "null"}
     * @return the masked text; never null
     */
    public static String redact(String url) {
        if (url == null) {
            return "null";
        }
        return PASSWORD_PARAMETER.matcher(maskUserInfo(url)).replaceAll("$1" + MASK);
    }

    /**
     * The {@linkplain #redact redacted} URL in single quotes, for an error message; or {@code the URL (not shown: it
     * may contain a password)} when redaction cannot be trusted: without an {@code @}, a mistyped
     * {@code user:password} reads as {@code host:port}, and only a numeric port proves that it is not a password.
     *
     * @param url any text; null gives {@code 'null'}
     * @return the text to put in the message; never null
     */
    public static String quoted(String url) {
        if (url == null) {
            return "'null'";
        }
        int start = userInfoStart(url);
        String rest = start < 0 ? "" : url.substring(start);
        if (rest.indexOf('@') < 0) {
            String authority = rest.split("[/?]", 2)[0].replaceAll("\\[[^\\]]*\\]", "");
            int colon = authority.indexOf(':');
            if (colon >= 0 && !authority.substring(colon + 1).matches("[0-9]*")) {
                return "the URL (not shown: it may contain a password)";
            }
        }
        return "'" + redact(url) + "'";
    }

    /**
     * Where the user information of a URL ends: the index of the last {@code @} in {@code afterScheme} that is
     * followed by {@code host[:port]/}, since a host contains none of {@code @ / [ ]} and a port only digits, while a
     * raw password may contain anything. A URL parser that takes the same {@code @} as the end of the password shows
     * exactly what this class hides.
     *
     * @param afterScheme the URL after {@code ://}; never null
     * @return the index of that {@code @}, or -1 when no {@code @} is followed by {@code host[:port]/}
     */
    public static int userInfoEnd(String afterScheme) {
        for (int at = afterScheme.lastIndexOf('@'); at >= 0; at = at == 0 ? -1 : afterScheme.lastIndexOf('@', at - 1)) {
            String after = afterScheme.substring(at + 1);
            int end = indexOfAny(after, "/?");
            if (end >= 0
                    && after.charAt(end) == '/'
                    && HOST_PORT.matcher(after.substring(0, end)).matches()) {
                return at;
            }
        }
        return -1;
    }

    /** Where user information would start: after {@code ://}, or after {@code scheme:} when the slashes are missing. */
    private static int userInfoStart(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        if (lower.startsWith("sqlite:") || lower.startsWith("jdbc:sqlite:")) {
            return -1;
        }
        int offset = lower.startsWith("jdbc:") ? "jdbc:".length() : 0;
        int authority = url.indexOf("://", offset);
        if (authority >= 0) {
            return authority + 3;
        }
        int colon = url.indexOf(':', offset);
        return colon < 0 ? -1 : colon + 1;
    }

    private static String maskUserInfo(String url) {
        int start = userInfoStart(url);
        if (start < 0) {
            return url;
        }
        int beforePath = userInfoEnd(url.substring(start));
        int at = beforePath >= 0 ? start + beforePath : url.lastIndexOf('@');
        if (at < start) {
            return url;
        }
        int colon = url.indexOf(':', start);
        if (colon < 0 || colon > at) {
            return url;
        }
        return url.substring(0, colon + 1) + MASK + url.substring(at);
    }

    private static int indexOfAny(String text, String characters) {
        for (int i = 0; i < text.length(); i++) {
            if (characters.indexOf(text.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }
}
