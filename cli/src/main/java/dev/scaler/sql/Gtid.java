package dev.scaler.sql;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * What a server has executed (or received), in GTIDs, and the comparisons failover needs: which replica is the most
 * advanced, and what a server has that another lacks (transactions lost by a promotion, or errant transactions on an
 * old primary).
 *
 * <p>Two notations:
 * <ul>
 * <li>MariaDB: a position, at most one {@code domain-server-seq} per replication domain ({@code 0-1-100,1-2-5}).
 * Within a domain the sequence number orders transactions (strictly, with {@code gtid_strict_mode}, which scaler's
 * configuration turns on), whatever server wrote them; so a position is ahead in a domain when its sequence number
 * is higher, and two positions at the same sequence number from different servers have diverged (each holds a
 * transaction the other does not).
 * <li>MySQL: a set of transactions per server UUID, as intervals ({@code 3e11fa47-...:1-100:105}), optionally tagged
 * ({@code uuid:tag:1-5}, MySQL 8.3+). Comparison is set inclusion: gaps count.
 * </ul>
 */
public sealed interface Gtid permits Gtid.MariaDbPosition, Gtid.MySqlSet {

    /** How one server's GTIDs relate to another's. */
    enum Relation {
        /** Both have the same transactions. */
        EQUAL,
        /** This has everything the other has, and more. */
        AHEAD,
        /** The other has everything this has, and more. */
        BEHIND,
        /** Each has transactions the other lacks: promoting either loses the other's, and errant ones block rejoining. */
        DIVERGED
    }

    /** Transactions one side has and the other lacks: how many, and which, in the flavour's notation. */
    record Difference(long transactions, String text) {
        public static final Difference NONE = new Difference(0, "");

        public boolean isEmpty() {
            return transactions == 0;
        }
    }

    /**
     * The outcome of {@link #mostAdvanced}: the candidate to promote, its GTIDs, and for every other candidate that
     * holds transactions the chosen one lacks, what would be lost by promoting it. {@link #safe()} when nothing is.
     */
    record Election<K>(K chosen, Gtid position, Map<K, Difference> lost) {
        public Election {
            lost = Collections.unmodifiableMap(new LinkedHashMap<>(lost));
        }

        /** Every other candidate's transactions are on the chosen one. */
        public boolean safe() {
            return lost.isEmpty();
        }

        /** Transactions of other candidates that the chosen one lacks, added up. */
        public long lostTransactions() {
            return lost.values().stream().mapToLong(Difference::transactions).sum();
        }
    }

    /** No transactions at all. */
    boolean isEmpty();

    /** The transactions this has and {@code other} lacks. Both must be of the same flavour. */
    Difference beyond(Gtid other);

    /** Everything {@code other} has is here. */
    default boolean contains(Gtid other) {
        return other.beyond(this).isEmpty();
    }

    /** How this relates to {@code other}. */
    default Relation relationTo(Gtid other) {
        boolean more = !beyond(other).isEmpty();
        boolean less = !other.beyond(this).isEmpty();
        if (more && less) {
            return Relation.DIVERGED;
        }
        return more ? Relation.AHEAD : less ? Relation.BEHIND : Relation.EQUAL;
    }

    /** Parses MariaDB's notation ({@code @@gtid_current_pos}, {@code Gtid_IO_Pos}); empty text is the empty position. */
    static MariaDbPosition mariaDb(String text) {
        return MariaDbPosition.parse(text);
    }

    /** Parses MySQL's notation ({@code @@gtid_executed}, {@code Retrieved_Gtid_Set}); empty text is the empty set. */
    static MySqlSet mySql(String text) {
        return MySqlSet.parse(text);
    }

    /**
     * The candidate to promote: the one whose promotion loses the fewest transactions of the others (none, when one
     * holds everything the others hold); among equals the first in the map's order, so callers put their preferred
     * candidates first. Mixed flavours are refused.
     */
    static <K> Election<K> mostAdvanced(Map<K, ? extends Gtid> candidates) {
        if (candidates.isEmpty()) {
            throw new IllegalArgumentException("no candidates");
        }
        if (candidates.values().stream().map(Object::getClass).distinct().count() > 1) {
            throw new IllegalArgumentException("cannot compare MariaDB GTID positions with MySQL GTID sets");
        }
        Election<K> best = null;
        for (var candidate : candidates.entrySet()) {
            var lost = new LinkedHashMap<K, Difference>();
            for (var other : candidates.entrySet()) {
                if (other.getKey().equals(candidate.getKey())) {
                    continue;
                }
                Difference d = other.getValue().beyond(candidate.getValue());
                if (!d.isEmpty()) {
                    lost.put(other.getKey(), d);
                }
            }
            var election = new Election<K>(candidate.getKey(), candidate.getValue(), lost);
            if (best == null || election.lostTransactions() < best.lostTransactions()) {
                best = election;
            }
        }
        return best;
    }

    /** A MariaDB GTID position: per replication domain, the last transaction's server id and sequence number. */
    record MariaDbPosition(SortedMap<Long, Entry> domains) implements Gtid {
        private static final Pattern ENTRY = Pattern.compile("(\\d+)-(\\d+)-(\\d+)");

        /** One {@code domain-server-seq}. */
        public record Entry(long domain, long server, long seq) {
            @Override
            public String toString() {
                return Long.toUnsignedString(domain) + "-" + Long.toUnsignedString(server) + "-"
                        + Long.toUnsignedString(seq);
            }
        }

        public MariaDbPosition {
            domains = Collections.unmodifiableSortedMap(new TreeMap<>(domains));
        }

        static MariaDbPosition parse(String text) {
            var domains = new TreeMap<Long, Entry>();
            for (String part : text.strip().split("\\s*,\\s*")) {
                if (part.isEmpty()) {
                    continue;
                }
                var m = ENTRY.matcher(part);
                if (!m.matches()) {
                    throw new IllegalArgumentException("not a MariaDB GTID (domain-server-seq): " + part);
                }
                Entry e;
                try {
                    e = new Entry(Long.parseUnsignedLong(m.group(1)), Long.parseUnsignedLong(m.group(2)),
                            Long.parseUnsignedLong(m.group(3)));
                } catch (NumberFormatException ex) {
                    throw new IllegalArgumentException("GTID number out of range: " + part, ex);
                }
                if (domains.putIfAbsent(e.domain(), e) != null) {
                    throw new IllegalArgumentException("two GTIDs for domain " + e.domain() + " in: " + text);
                }
            }
            return new MariaDbPosition(domains);
        }

        @Override
        public boolean isEmpty() {
            return domains.isEmpty();
        }

        @Override
        public Difference beyond(Gtid other) {
            if (!(other instanceof MariaDbPosition o)) {
                throw new IllegalArgumentException("cannot compare a MariaDB GTID position with a MySQL GTID set");
            }
            long count = 0;
            var parts = new ArrayList<String>();
            for (Entry mine : domains.values()) {
                Entry theirs = o.domains.get(mine.domain());
                long theirSeq = theirs == null ? 0 : theirs.seq();
                int cmp = Long.compareUnsigned(mine.seq(), theirSeq);
                if (cmp > 0) {
                    count += mine.seq() - theirSeq;
                    parts.add(mine + " > " + (theirs == null ? "none" : theirs));
                } else if (cmp == 0 && theirs != null && mine.server() != theirs.server()) {
                    count += 1; // the same sequence number written by two servers: two different transactions
                    parts.add(mine + " <> " + theirs);
                }
            }
            return count == 0 ? Difference.NONE : new Difference(count, String.join(", ", parts));
        }

        @Override
        public String toString() {
            return String.join(",", domains.values().stream().map(Entry::toString).toList());
        }
    }

    /** A MySQL GTID set: per source UUID (and tag), the transaction numbers as sorted, disjoint intervals. */
    record MySqlSet(SortedMap<String, List<Interval>> sets) implements Gtid {
        private static final Pattern UUID = Pattern.compile(
                "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        private static final Pattern TAG = Pattern.compile("[a-z_][a-z0-9_]{0,31}");
        private static final Pattern INTERVAL = Pattern.compile("(\\d+)(?:-(\\d+))?");

        /** Transactions {@code start} to {@code end}, both included. */
        public record Interval(long start, long end) {
            public Interval {
                if (start < 1 || end < start) {
                    throw new IllegalArgumentException("not a GTID interval: " + start + "-" + end);
                }
            }

            long size() {
                return end - start + 1;
            }

            @Override
            public String toString() {
                return start == end ? Long.toString(start) : start + "-" + end;
            }
        }

        public MySqlSet {
            var normalized = new TreeMap<String, List<Interval>>();
            sets.forEach((key, intervals) -> {
                var merged = merge(intervals);
                if (!merged.isEmpty()) {
                    normalized.put(key, merged);
                }
            });
            sets = Collections.unmodifiableSortedMap(normalized);
        }

        static MySqlSet parse(String text) {
            var sets = new TreeMap<String, List<Interval>>();
            for (String part : text.strip().split("\\s*,\\s*")) {
                if (part.isEmpty()) {
                    continue;
                }
                String[] fields = part.strip().toLowerCase(Locale.ROOT).split(":");
                if (!UUID.matcher(fields[0]).matches()) {
                    throw new IllegalArgumentException("not a MySQL GTID set (uuid:interval...): " + part);
                }
                if (fields.length < 2) {
                    throw new IllegalArgumentException("a GTID set entry without transactions: " + part);
                }
                String key = fields[0];
                boolean intervalSeen = false;
                for (int i = 1; i < fields.length; i++) {
                    var m = INTERVAL.matcher(fields[i]);
                    if (m.matches()) {
                        long start;
                        long end;
                        try {
                            start = Long.parseLong(m.group(1));
                            end = m.group(2) == null ? start : Long.parseLong(m.group(2));
                        } catch (NumberFormatException ex) {
                            throw new IllegalArgumentException("GTID number out of range: " + part, ex);
                        }
                        sets.computeIfAbsent(key, k -> new ArrayList<>()).add(new Interval(start, end));
                        intervalSeen = true;
                    } else if (TAG.matcher(fields[i]).matches()) {
                        if (i > 1 && !intervalSeen) {
                            throw new IllegalArgumentException("a GTID tag without transactions: " + part);
                        }
                        key = fields[0] + ":" + fields[i];
                        intervalSeen = false;
                    } else {
                        throw new IllegalArgumentException("not a GTID interval or tag: " + fields[i] + " in " + part);
                    }
                }
                if (!intervalSeen) {
                    throw new IllegalArgumentException("a GTID set entry without transactions: " + part);
                }
            }
            return new MySqlSet(sets);
        }

        private static List<Interval> merge(List<Interval> intervals) {
            var sorted = new ArrayList<>(intervals);
            sorted.sort((a, b) -> Long.compare(a.start(), b.start()));
            var out = new ArrayList<Interval>();
            for (Interval i : sorted) {
                if (!out.isEmpty() && i.start() <= out.getLast().end() + 1) {
                    Interval last = out.removeLast();
                    out.add(new Interval(last.start(), Math.max(last.end(), i.end())));
                } else {
                    out.add(i);
                }
            }
            return List.copyOf(out);
        }

        /** The transactions in this set and not in {@code other}. */
        public MySqlSet minus(MySqlSet other) {
            var out = new TreeMap<String, List<Interval>>();
            sets.forEach((key, mine) -> {
                var rest = new ArrayList<Interval>();
                for (Interval i : mine) {
                    long from = i.start();
                    for (Interval t : other.sets.getOrDefault(key, List.of())) {
                        if (t.end() < from || t.start() > i.end()) {
                            continue;
                        }
                        if (t.start() > from) {
                            rest.add(new Interval(from, t.start() - 1));
                        }
                        from = Math.max(from, t.end() + 1);
                    }
                    if (from <= i.end()) {
                        rest.add(new Interval(from, i.end()));
                    }
                }
                out.put(key, rest);
            });
            return new MySqlSet(out);
        }

        /** How many transactions the set holds. */
        public long size() {
            return sets.values().stream().flatMap(List::stream).mapToLong(Interval::size).sum();
        }

        @Override
        public boolean isEmpty() {
            return sets.isEmpty();
        }

        @Override
        public Difference beyond(Gtid other) {
            if (!(other instanceof MySqlSet o)) {
                throw new IllegalArgumentException("cannot compare a MySQL GTID set with a MariaDB GTID position");
            }
            MySqlSet rest = minus(o);
            return rest.isEmpty() ? Difference.NONE : new Difference(rest.size(), rest.toString());
        }

        @Override
        public String toString() {
            var parts = new ArrayList<String>();
            sets.forEach((key, intervals) -> parts.add(key + ":"
                    + String.join(":", intervals.stream().map(Interval::toString).toList())));
            return String.join(",", parts);
        }
    }
}
