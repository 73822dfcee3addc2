package dev.scaler.cluster;

import java.util.Collection;
import java.util.Optional;
import java.util.regex.Pattern;

/** An IPv4 subnet: {@code 172.29.3.0/24}. */
public record Subnet(long base, int prefix) {
    private static final Pattern CIDR = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})/(\\d{1,2})");

    public Subnet {
        if (prefix < 0 || prefix > 32) {
            throw new IllegalArgumentException("prefix " + prefix);
        }
        base = base & mask(prefix);
    }

    /** An IPv4 CIDR as Docker writes it; empty for anything else (IPv6, a typo). */
    public static Optional<Subnet> parse(String cidr) {
        var m = CIDR.matcher(cidr.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        long ip = 0;
        for (int i = 1; i <= 4; i++) {
            int octet = Integer.parseInt(m.group(i));
            if (octet > 255) {
                return Optional.empty();
            }
            ip = ip << 8 | octet;
        }
        int prefix = Integer.parseInt(m.group(5));
        return prefix > 32 ? Optional.empty() : Optional.of(new Subnet(ip, prefix));
    }

    /**
     * The first /24 of {@code pool} that overlaps none of {@code taken} (the subnets of the engine's networks), so the
     * cluster network never shadows a route of another network; empty when the pool is full.
     */
    public static Optional<Subnet> firstFree(Subnet pool, Collection<Subnet> taken) {
        for (long b = pool.base; b < pool.base + pool.size(); b += 256) {
            var candidate = new Subnet(b, 24);
            if (taken.stream().noneMatch(candidate::overlaps)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** True when the two share an address. */
    public boolean overlaps(Subnet other) {
        int shorter = Math.min(prefix, other.prefix);
        return (base & mask(shorter)) == (other.base & mask(shorter));
    }

    /** How many addresses it holds. */
    public long size() {
        return 1L << (32 - prefix);
    }

    /** The address {@code offset} places after the base: {@code host(1)} is the gateway Docker gives a network. */
    public String host(int offset) {
        if (offset < 0 || offset >= size()) {
            throw new IllegalArgumentException("offset " + offset + " outside " + this);
        }
        return dotted(base + offset);
    }

    private static String dotted(long ip) {
        return (ip >> 24 & 255) + "." + (ip >> 16 & 255) + "." + (ip >> 8 & 255) + "." + (ip & 255);
    }

    private static long mask(int prefix) {
        return prefix == 0 ? 0 : 0xFFFFFFFFL << (32 - prefix) & 0xFFFFFFFFL;
    }

    @Override
    public String toString() {
        return dotted(base) + "/" + prefix;
    }
}
