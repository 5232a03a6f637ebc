package org.cleanblog.config;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The syntax check for {@code BIND_HOST}: an IPv4 literal, an IPv6 literal (with or without brackets, optionally with a
 * zone such as {@code %eth0}), or a host name of valid syntax. Nothing is resolved here: whether the address belongs
 * to this machine is only known when the server binds, and {@code serve} says so then.
 */
final class BindHost {
    static final String EXPECTED = "expected an IP address of this machine such as 0.0.0.0 (all interfaces), :: (all"
            + " IPv6 interfaces) or 127.0.0.1 (this machine only), or a host name such as localhost";

    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?");
    private static final Pattern DIGITS_AND_DOTS = Pattern.compile("[0-9.]+");
    private static final Pattern HEX_GROUP = Pattern.compile("[0-9A-Fa-f]{1,4}");
    private static final Pattern ZONE = Pattern.compile("[A-Za-z0-9._-]+");

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
            return isIpv6(host) ? null : quoted + " is not an IPv6 address (" + EXPECTED + ")";
        }
        if (DIGITS_AND_DOTS.matcher(host).matches() || lastLabelIsNumeric(host)) {
            // A name's last label is never all digits (RFC 3696), so this was meant as an IPv4 address.
            return isIpv4(host)
                    ? null
                    : quoted + " is not an IPv4 address (four numbers 0-255 separated by dots; " + EXPECTED + ")";
        }
        return isHostName(host) ? null : quoted + " is not an IP address or host name (" + EXPECTED + ")";
    }

    static boolean isIpv4(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return false;
            }
            if (Integer.parseInt(part) > 255) {
                return false;
            }
        }
        return true;
    }

    static boolean isIpv6(String text) {
        String address = text;
        if (address.startsWith("[") || address.endsWith("]")) {
            if (!(address.startsWith("[") && address.endsWith("]"))) {
                return false;
            }
            address = address.substring(1, address.length() - 1);
        }
        int percent = address.indexOf('%');
        if (percent >= 0) {
            if (!ZONE.matcher(address.substring(percent + 1)).matches()) {
                return false;
            }
            address = address.substring(0, percent);
        }
        int groups = 0;
        String[] halves = address.split("::", -1);
        if (halves.length > 2) {
            return false;
        }
        boolean compressed = halves.length == 2;
        for (int i = 0; i < halves.length; i++) {
            if (halves[i].isEmpty()) {
                continue;
            }
            String[] parts = halves[i].split(":", -1);
            for (int j = 0; j < parts.length; j++) {
                boolean lastOfAll = i == halves.length - 1 && j == parts.length - 1;
                if (lastOfAll && parts[j].indexOf('.') >= 0) {
                    if (!isIpv4(parts[j])) {
                        return false;
                    }
                    groups += 2; // an embedded IPv4 address such as ::ffff:192.0.2.1 fills two groups
                } else if (HEX_GROUP.matcher(parts[j]).matches()) {
                    groups++;
                } else {
                    return false;
                }
            }
        }
        return compressed ? groups <= 7 : groups == 8;
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
