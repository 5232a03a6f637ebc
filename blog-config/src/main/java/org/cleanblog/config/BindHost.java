package org.cleanblog.config;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The syntax check for {@code BIND_HOST}: an {@link InetLiteral} (IPv4, or IPv6 with or without brackets, optionally
 * with a zone such as {@code %eth0}), or a host name of valid syntax. Nothing is resolved here: whether the address belongs
 * to this machine is only known when the server binds, and {@code serve} says so then.
 */
final class BindHost {
    static final String EXPECTED = "expected an IP address of this machine such as 0.0.0.0 (all interfaces), :: (all"
            + " IPv6 interfaces) or 127.0.0.1 (this machine only), or a host name such as localhost";

    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?");
    private static final Pattern DIGITS_AND_DOTS = Pattern.compile("[0-9.]+");
    private static final Pattern LEADING_ZERO = Pattern.compile("(?:^|\\.)0[0-9]");

    private BindHost() {}

    /**
     * What is wrong with {@code host}, or null when it is acceptable.
     *
     * @param host the stripped value; never null
     */
    static String problem(String host) {
        if (host.isEmpty()) {
            return "is empty (" + EXPECTED + ")";
        }
        String quoted = "'" + host + "'";
        if (host.indexOf(':') >= 0 || host.startsWith("[")) {
            return InetLiteral.parse(host).isPresent() ? null : quoted + " is not an IPv6 address (" + EXPECTED + ")";
        }
        if (DIGITS_AND_DOTS.matcher(host).matches() || lastLabelIsNumeric(host)) {
            // A name's last label is never all digits (RFC 3696), so this was meant as an IPv4 address.
            if (InetLiteral.parse(host).isPresent()) {
                return null;
            }
            return LEADING_ZERO.matcher(host).find()
                    ? quoted + " is not an IPv4 address (a number with a leading zero is decimal to some programs and"
                            + " octal to others, so write it without; " + EXPECTED + ")"
                    : quoted + " is not an IPv4 address (four numbers 0-255 separated by dots; " + EXPECTED + ")";
        }
        return isHostName(host) ? null : quoted + " is not an IP address or host name (" + EXPECTED + ")";
    }

    private static boolean lastLabelIsNumeric(String host) {
        String name = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        String last = name.substring(name.lastIndexOf('.') + 1);
        return !last.isEmpty() && last.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    private static boolean isHostName(String host) {
        String name = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        if (name.isEmpty() || name.length() > 253) {
            return false;
        }
        for (String label : name.toLowerCase(Locale.ROOT).split("\\.", -1)) {
            if (!LABEL.matcher(label).matches()) {
                return false;
            }
        }
        return true;
    }
}
