package org.cleanblog.config;

import java.util.regex.Pattern;

/** Hides passwords in text that is shown to people: error messages, log lines, the {@code config} printout. */
final class Masking {
    static final String MASK = "****";

    private static final Pattern PASSWORD_PARAMETER = Pattern.compile("(?i)([?&;][^=&;?]*password=)[^&;]*");

    private Masking() {}

    /**
     * The URL with the password of its user information ({@code user:password@}) and the value of every query
     * parameter whose name contains {@code password} replaced by {@value #MASK}. A raw password may itself contain
     * {@code @}, {@code /} or {@code :}, so everything from the first colon after {@code ://} up to the {@code @} that
     * {@link PostgresUrl} takes as the end of the user information is hidden; when that is ambiguous (no database
     * path), up to the last {@code @}: masking too much is safe, too little is not.
     */
    static String maskUrl(String url) {
        String masked = maskUserInfo(url);
        return PASSWORD_PARAMETER.matcher(masked).replaceAll("$1" + MASK);
    }

    /**
     * The masked URL in quotes, for an error message; or a note that it is not shown when masking cannot be trusted:
     * without an {@code @}, a mistyped {@code user:password} reads as {@code host:port}, and only a numeric port
     * proves that it is not a password.
     */
    static String quoteForError(String url) {
        int start = userInfoStart(url);
        String rest = start < 0 ? "" : url.substring(start);
        if (rest.indexOf('@') < 0) {
            String authority = rest.split("[/?]", 2)[0].replaceAll("\\[[^\\]]*\\]", "");
            int colon = authority.indexOf(':');
            if (colon >= 0 && !authority.substring(colon + 1).matches("[0-9]*")) {
                return "the URL (not shown: it may contain a password)";
            }
        }
        return "'" + maskUrl(url) + "'";
    }

    /** Where user information would start: after {@code ://}, or after {@code scheme:} when the slashes are missing. */
    private static int userInfoStart(String url) {
        String lower = url.toLowerCase(java.util.Locale.ROOT);
        if (lower.startsWith("sqlite:") || lower.startsWith("jdbc:sqlite:")) {
            return -1; // a file path, which may contain '@' and ':' but never a password
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
        int beforePath = PostgresUrl.userInfoEndBeforePath(url.substring(start));
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

    /** A secret as it may be shown: the mask and its length in bytes, which the production rules are about. */
    static String maskSecret(String secret) {
        return MASK + " (" + secret.getBytes(java.nio.charset.StandardCharsets.UTF_8).length + " bytes)";
    }
}
