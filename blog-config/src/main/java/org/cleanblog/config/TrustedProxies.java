package org.cleanblog.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The peers whose {@code X-Forwarded-For} and {@code X-Forwarded-Proto} headers the blog believes ({@code
 * TRUSTED_PROXIES}): the reverse proxies or platform routers in front of it. Any other peer could write any address
 * into those headers and escape the per-address throttle. Immutable and thread-safe.
 *
 * @param ranges the address ranges of trusted peers; never null, never empty
 */
public record TrustedProxies(List<Range> ranges) {
    /** The default: this machine only, so a proxy on the same host is believed and nobody else. */
    public static final String LOOPBACK_TEXT = "127.0.0.0/8,::1";

    static final String EXPECTED =
            "expected comma-separated IP addresses or CIDR ranges such as 127.0.0.1, 10.0.0.0/8 or fd00::/8";
    private static final Pattern PREFIX = Pattern.compile("0|[1-9][0-9]{0,2}");

    public TrustedProxies {
        ranges = List.copyOf(ranges);
        if (ranges.isEmpty()) {
            throw new IllegalArgumentException("at least one trusted range is needed");
        }
    }

    /** Loopback only ({@value #LOOPBACK_TEXT}), the default. */
    public static TrustedProxies loopback() {
        return parse("TRUSTED_PROXIES", LOOPBACK_TEXT);
    }

    /**
     * Every peer ({@code 0.0.0.0/0} and {@code ::/0}): right only where nothing but the platform's router can reach the
     * blog, as on a Heroku dyno.
     */
    public static TrustedProxies anyPeer() {
        return parse("TRUSTED_PROXIES", "0.0.0.0/0,::/0");
    }

    /**
     * Reads comma-separated entries, each an IP address ({@link InetLiteral}, without a zone) or a CIDR range
     * {@code address/prefix} whose address has no bits set beyond the prefix. Empty entries are skipped.
     *
     * @param variable the name to put in an error message, for example {@code TRUSTED_PROXIES}; never null
     * @param text the value; never null
     * @throws ConfigurationException naming {@code variable} when an entry is malformed or there is none
     */
    public static TrustedProxies parse(String variable, String text) {
        List<Range> ranges = new ArrayList<>();
        for (String entry : text.split(",")) {
            String stripped = entry.strip();
            if (!stripped.isEmpty()) {
                ranges.add(range(variable, stripped));
            }
        }
        if (ranges.isEmpty()) {
            throw new ConfigurationException(variable, "lists no address (" + EXPECTED + ")");
        }
        return new TrustedProxies(ranges);
    }

    private static Range range(String variable, String entry) {
        int slash = entry.indexOf('/');
        String addressText = slash < 0 ? entry : entry.substring(0, slash);
        Optional<InetLiteral> literal = InetLiteral.parse(addressText);
        if (literal.isEmpty() || literal.get().zone().isPresent()) {
            throw new ConfigurationException(
                    variable, "'" + entry + "' is not an IP address or CIDR range (" + EXPECTED + ")");
        }
        InetAddress address = literal.get().address();
        int bits = address.getAddress().length * 8;
        if (slash < 0) {
            return new Range(address, bits);
        }
        String prefixText = entry.substring(slash + 1);
        int prefix = PREFIX.matcher(prefixText).matches() ? Integer.parseInt(prefixText) : -1;
        if (prefix < 0 || prefix > bits) {
            throw new ConfigurationException(
                    variable,
                    "'" + entry + "' has no valid prefix length (0-" + bits + " for an "
                            + (bits == 32 ? "IPv4" : "IPv6") + " address; " + EXPECTED + ")");
        }
        Range range = new Range(address, prefix);
        if (!range.network().equals(address)) {
            throw new ConfigurationException(
                    variable,
                    "'" + entry + "' has bits set beyond its /" + prefix + " prefix (did you mean " + range + "? "
                            + EXPECTED + ")");
        }
        return range;
    }

    /**
     * Whether the blog believes the forwarding headers of a connection from {@code peer}.
     *
     * @param peer the connection's peer; null is never trusted
     */
    public boolean trusts(InetAddress peer) {
        return peer != null && ranges.stream().anyMatch(range -> range.contains(peer));
    }

    /** The ranges as {@code address/prefix}, comma-separated. */
    @Override
    public String toString() {
        return ranges.stream().map(Range::toString).collect(Collectors.joining(","));
    }

    /**
     * The addresses whose first {@code prefixLength} bits equal those of {@code address}. An IPv4 range holds IPv4
     * addresses only, an IPv6 range IPv6 addresses only.
     *
     * @param address any address of the range; never null
     * @param prefixLength 0-32 for IPv4, 0-128 for IPv6
     */
    public record Range(InetAddress address, int prefixLength) {
        public Range {
            Objects.requireNonNull(address, "address");
            if (prefixLength < 0 || prefixLength > address.getAddress().length * 8) {
                throw new IllegalArgumentException("prefix length " + prefixLength + " does not fit " + address);
            }
        }

        /** Whether {@code candidate} is in this range. */
        public boolean contains(InetAddress candidate) {
            byte[] mine = address.getAddress();
            byte[] theirs = candidate.getAddress();
            if (mine.length != theirs.length) {
                return false;
            }
            for (int bit = 0; bit < prefixLength; bit += 8) {
                int mask = 0xff << (8 - Math.min(8, prefixLength - bit)) & 0xff;
                if ((mine[bit / 8] & mask) != (theirs[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }

        /** The first address of the range: {@link #address()} with every bit beyond the prefix cleared. */
        public InetAddress network() {
            byte[] bytes = address.getAddress();
            for (int i = 0; i < bytes.length; i++) {
                int kept = Math.max(0, Math.min(8, prefixLength - i * 8));
                bytes[i] = (byte) (bytes[i] & (0xff << (8 - kept)));
            }
            try {
                return InetAddress.getByAddress(bytes);
            } catch (UnknownHostException e) {
                throw new IllegalStateException("a 4- or 16-byte address is always valid", e);
            }
        }

        /** {@code 10.0.0.0/8}, or {@code fd00::/8} with the longest run of zero groups shortened (RFC 5952). */
        @Override
        public String toString() {
            return shortened(network().getHostAddress()) + "/" + prefixLength;
        }

        private static String shortened(String address) {
            if (address.indexOf(':') < 0) {
                return address;
            }
            String[] groups = address.split(":");
            int bestStart = -1;
            int bestLength = 1;
            for (int start = 0; start < groups.length; start++) {
                int length = 0;
                while (start + length < groups.length && groups[start + length].equals("0")) {
                    length++;
                }
                if (length > bestLength) {
                    bestStart = start;
                    bestLength = length;
                }
            }
            if (bestStart < 0) {
                return address;
            }
            String head = String.join(":", Arrays.copyOfRange(groups, 0, bestStart));
            String tail = String.join(":", Arrays.copyOfRange(groups, bestStart + bestLength, groups.length));
            return head + "::" + tail;
        }
    }
}
