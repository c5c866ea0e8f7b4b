package dev.basalt.settings;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * IP addresses and CIDR subnets as Go's {@code netip} reads them for PocketBase's {@code excludedIPs}: literal IPv4
 * (four decimal parts) or IPv6 text, optionally {@code /bits}. Never resolves a name.
 */
public final class IpRanges {
    private static final String OCTET = "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";
    private static final Pattern IPV4 = Pattern.compile(OCTET + "(\\." + OCTET + "){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]{2,45}");
    private static final int BITS_PER_BYTE = 8;

    private IpRanges() {
    }

    /** Whether {@code text} is an address or a subnet. */
    public static boolean valid(String text) {
        return range(text) != null;
    }

    /** Whether {@code ip} is one of the addresses or inside one of the subnets (invalid entries match nothing). */
    public static boolean contains(List<String> rangesOrAddresses, String ip) {
        if (rangesOrAddresses.isEmpty() || ip == null || ip.isEmpty()) {
            return false;
        }
        byte[] address = address(ip);
        if (address == null) {
            return false;
        }
        for (String entry : rangesOrAddresses) {
            Range r = range(entry);
            if (r != null && r.contains(address)) {
                return true;
            }
        }
        return false;
    }

    private static Range range(String text) {
        if (text == null) {
            return null;
        }
        int slash = text.indexOf('/');
        byte[] address = address(slash < 0 ? text : text.substring(0, slash));
        if (address == null) {
            return null;
        }
        int maxBits = address.length * BITS_PER_BYTE;
        if (slash < 0) {
            return new Range(address, maxBits);
        }
        String bits = text.substring(slash + 1);
        if (!bits.matches("0|[1-9]\\d{0,2}") || Integer.parseInt(bits) > maxBits) {
            return null;
        }
        return new Range(address, Integer.parseInt(bits));
    }

    /** The bytes of a literal address (4 or 16), or null. */
    private static byte[] address(String text) {
        boolean v4 = IPV4.matcher(text).matches();
        if (!v4 && !(text.indexOf(':') >= 0 && IPV6.matcher(text).matches())) {
            return null;
        }
        try {
            byte[] bytes = InetAddress.getByName(text).getAddress();
            // Java reads "::ffff:a.b.c.d" as IPv4; Go keeps it IPv6, so it never equals an IPv4 entry.
            return !v4 && bytes.length == 4 ? mapped(bytes) : bytes;
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private static byte[] mapped(byte[] v4) {
        byte[] out = new byte[16];
        out[10] = (byte) 0xff;
        out[11] = (byte) 0xff;
        System.arraycopy(v4, 0, out, 12, 4);
        return out;
    }

    /** An address and how many leading bits of it a match must share. */
    private record Range(byte[] address, int bits) {
        boolean contains(byte[] other) {
            if (other.length != address.length) {
                return false;
            }
            for (int i = 0; i < bits; i++) {
                int mask = 0x80 >> (i % BITS_PER_BYTE);
                if ((address[i / BITS_PER_BYTE] & mask) != (other[i / BITS_PER_BYTE] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }
}
