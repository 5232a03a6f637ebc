package org.cleanblog.config;

import java.util.regex.Pattern;

/** Hides passwords in text that is shown to people: error messages, log lines, the {@code config} printout. */
final class Masking {
    static final String MASK = "****";

    private static final Pattern PASSWORD_PARAMETER = Pattern.compile("(?i)([?&;][^=&;?]*password=)[^&;]*");

    private Masking() {}

    /**
     * The URL with the password of its user information ({@code user:password@}) and the value of every query
     * parameter whose name contains {@code password} replaced by {@value #MASK}. Deliberately over-masks rather than
     * under-masks: everything between the first colon after {@code ://} and the last {@code @} is hidden, because a
     * raw password may itself contain {@code @}, {@code /} or {@code :}.
     */
    static String maskUrl(String url) {
        String masked = maskUserInfo(url);
        return PASSWORD_PARAMETER.matcher(masked).replaceAll("$1" + MASK);
    }

    private static String maskUserInfo(String url) {
        int authority = url.indexOf("://");
        if (authority < 0) {
            return url;
        }
        int start = authority + 3;
        int at = url.lastIndexOf('@');
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
