package org.cleanblog.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An IP address written as text, read without ever asking DNS: the one parser of IP literals for {@code BIND_HOST},
 * the host of a {@code postgres://} URL and the web server's client addresses. Immutable and thread-safe.
 *
 * <p>Accepted forms:
 *
 * <ul>
 *   <li>IPv4: four decimal numbers 0-255 separated by dots, without leading zeros ({@code 010.0.0.1} is 8.0.0.1 to C's
 *       {@code inet_aton} but 10.0.0.1 to Java, so it is refused rather than guessed);
 *   <li>IPv6 (RFC 4291): up to eight groups of 1-4 hexadecimal digits, one {@code ::} standing for one or more zero
 *       groups, optionally ending in an IPv4 address (as above, counting as two groups) such as
 *       {@code ::ffff:192.0.2.1}; optionally followed by a zone such as {@code %eth0} (letters, digits and
 *       {@code . _ ~ -}); optionally in brackets, which are allowed around IPv6 only.
 * </ul>
 *
 * Nothing else is an IP literal: no surrounding white space, no port, no host name.
 *
 * @param address the address. For an IPv4-mapped IPv6 literal ({@code ::ffff:192.0.2.1}) it is the IPv4 address,
 *     as the JDK gives it; never null
 * @param zone the IPv6 zone without the {@code %}, checked for syntax only: it is not part of {@link #address()},
 *     because finding the interface it names would ask the operating system. Never null, empty when there is none
 */
public record InetLiteral(InetAddress address, Optional<String> zone) {
    private static final String OCTET = "(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])";
    private static final Pattern IPV4 = Pattern.compile("(?:" + OCTET + "\\.){3}" + OCTET);
    private static final Pattern HEX_GROUP = Pattern.compile("[0-9A-Fa-f]{1,4}");
    private static final Pattern ZONE = Pattern.compile("[A-Za-z0-9._~-]+");

    public InetLiteral {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(zone, "zone");
    }

    /**
     * Reads {@code text} as an IP literal.
     *
     * @param text the text; null is no literal
     * @return the literal, or empty when {@code text} is none of the accepted forms (a host name, for example)
     */
    public static Optional<InetLiteral> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        if (text.startsWith("[") || text.endsWith("]")) {
            boolean bracketed = text.length() >= 2 && text.startsWith("[") && text.endsWith("]");
            return bracketed ? ipv6(text.substring(1, text.length() - 1)) : Optional.empty();
        }
        return IPV4.matcher(text).matches() ? literal(text, Optional.empty()) : ipv6(text);
    }

    private static Optional<InetLiteral> ipv6(String text) {
        int percent = text.indexOf('%');
        String address = percent < 0 ? text : text.substring(0, percent);
        Optional<String> zone = percent < 0 ? Optional.empty() : Optional.of(text.substring(percent + 1));
        if (zone.isPresent() && !ZONE.matcher(zone.get()).matches()) {
            return Optional.empty();
        }
        return isIpv6(address) ? literal(address, zone) : Optional.empty();
    }

    private static boolean isIpv6(String address) {
        String[] halves = address.split("::", -1);
        if (halves.length > 2) {
            return false;
        }
        int groups = 0;
        for (int i = 0; i < halves.length; i++) {
            if (halves[i].isEmpty()) {
                continue;
            }
            String[] parts = halves[i].split(":", -1);
            for (int j = 0; j < parts.length; j++) {
                boolean lastOfAll = i == halves.length - 1 && j == parts.length - 1;
                if (lastOfAll && IPV4.matcher(parts[j]).matches()) {
                    groups += 2;
                } else if (HEX_GROUP.matcher(parts[j]).matches()) {
                    groups++;
                } else {
                    return false;
                }
            }
        }
        return halves.length == 2 ? groups <= 7 : groups == 8;
    }

    /**
     * Converts checked text. The JDK reads text that starts with a hexadecimal digit or {@code :} and contains a
     * {@code :} or is a dotted quad as a literal, failing rather than asking DNS, and every checked form is such text.
     */
    private static Optional<InetLiteral> literal(String checked, Optional<String> zone) {
        try {
            return Optional.of(new InetLiteral(InetAddress.getByName(checked), zone));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }
}
