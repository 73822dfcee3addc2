package dev.scaler.chaos;

import dev.scaler.plan.Tier;
import dev.scaler.yaml.Words;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads targets ({@code web[2]}, {@code database.primary}, {@code shard[*].primary}, {@code dc:eu-west}) and links
 * ({@code web -> cache.primary}); a mistake is reported at the character where the bad part starts.
 *
 * <pre>
 * target := "dc:" NAME | TIER [ "[" (N | "*") "]" ] [ "." ROLE ]
 * link   := "web" "->" target      (a target of cache, database, shard or queue)
 * </pre>
 */
public final class Selectors {

    /** The tiers a container action can name, in the order messages list them. */
    public static final List<Tier> TARGET_TIERS = List.of(Tier.LB, Tier.WEB, Tier.CACHE, Tier.DATABASE, Tier.SHARD,
            Tier.CDN, Tier.QUEUE, Tier.WORKERS);

    /** The tiers a link from web can lead to: the ones whose data paths go through Toxiproxy. */
    public static final List<Tier> LINK_TIERS = List.of(Tier.CACHE, Tier.DATABASE, Tier.SHARD, Tier.QUEUE);

    /** A datacenter name, as the topology allows it. */
    public static final Pattern DATACENTER = Pattern.compile("[a-z][a-z0-9-]{0,15}");

    /** Members and shards are numbered up to this (the topology allows 10 database nodes and 16 shards). */
    static final int MAX_NUMBER = 99;

    private static final String TARGET_EXAMPLES = "a target such as web, web[2], web[*], database.primary,"
            + " shard[1].replica or dc:eu-west";
    private static final String LINK_EXAMPLES = "a link such as web -> database.primary or web -> shard[1]";

    private Selectors() {
    }

    /** A target of a container action. */
    public static Target target(String text) throws SelectorException {
        var reader = new Reader(text);
        Target target = reader.target();
        reader.end();
        return target;
    }

    /**
     * A cluster node of a node action: {@code node[N]}, {@code node:dc:NAME}, {@code node.leader} or
     * {@code node:without:TIER}.
     */
    public static NodeTarget node(String text) throws SelectorException {
        String t = text.strip();
        int at = text.indexOf(t.isEmpty() ? text : t);
        var numbered = NODE_NUMBERED.matcher(t);
        if (numbered.matches()) {
            int n = Integer.parseInt(numbered.group(1));
            if (n < 1 || n > MAX_NUMBER) {
                throw new SelectorException(at + 5, "node numbers run from 1 (node[1] is the first node of `scaler"
                        + " cluster up`), got " + n);
            }
            return new NodeTarget.Numbered(n);
        }
        if (t.equals("node.leader")) {
            return new NodeTarget.Leader();
        }
        if (t.startsWith("node:dc:")) {
            String dc = t.substring("node:dc:".length());
            if (!DATACENTER.matcher(dc).matches()) {
                throw new SelectorException(at + 8, "expected a datacenter name (a lower-case letter, then lower-case"
                        + " letters, digits or '-'), got '" + dc + "'");
            }
            return new NodeTarget.InDatacenter(dc);
        }
        if (t.startsWith("node:without:")) {
            String tier = t.substring("node:without:".length());
            return new NodeTarget.Without(Tier.fromLabel(tier).orElseThrow(() -> new SelectorException(at + 13,
                    "expected a tier (" + String.join(", ", java.util.Arrays.stream(Tier.values()).map(Tier::label)
                            .toList()) + "), got '" + tier + "'")));
        }
        throw new SelectorException(at, "expected " + NODE_EXAMPLES + ", got '" + t + "'");
    }

    private static final Pattern NODE_NUMBERED = Pattern.compile("node\\[(\\d{1,3})]");
    private static final String NODE_EXAMPLES = "a node such as node[2], node:dc:eu-west, node.leader or node:without:lb";

    /** A link of a network action: only links from web, to cache, database or shard, have proxies. */
    public static Link link(String text) throws SelectorException {
        int arrow = text.indexOf("->");
        if (arrow < 0) {
            throw new SelectorException(0, "expected " + LINK_EXAMPLES + ", got '" + text.strip() + "' (a link joins"
                    + " web and a data tier with ->)");
        }
        var reader = new Reader(text);
        reader.skipSpaces();
        int sourceAt = reader.at;
        String source = text.substring(sourceAt, arrow).strip();
        if (source.isEmpty()) {
            throw new SelectorException(sourceAt, "expected web before '->' (" + LINK_EXAMPLES + ")");
        }
        if (source.startsWith("web") && source.length() > 3) {
            throw new SelectorException(sourceAt + 3, "a link starts at the whole web tier ('web -> ...'): every web"
                    + " replica goes through the same proxies");
        }
        if (!source.equals("web") && !source.equals("workers")) {
            throw new SelectorException(sourceAt, "links from '" + source + "' cannot be faulted: the proxies sit"
                    + " between the web tier and the data tiers (and between the workers and the queue), so a link"
                    + " starts at web or workers");
        }
        Tier from = source.equals("web") ? Tier.WEB : Tier.WORKERS;
        reader.at = arrow + 2;
        reader.skipSpaces();
        int toAt = reader.at;
        Target to = reader.target();
        reader.end();
        if (!(to instanceof Target.Nodes nodes)) {
            throw new SelectorException(toAt, "a link leads to a tier, not a datacenter (a partition between"
                    + " datacenters is written partition: { between: [dc:us-east, dc:eu-west] })");
        }
        if (from == Tier.WORKERS && nodes.tier() != Tier.QUEUE) {
            throw new SelectorException(toAt, "no proxy leads from workers to " + nodes.tier().label() + ": the"
                    + " workers' links lead to the queue");
        }
        if (!LINK_TIERS.contains(nodes.tier())) {
            throw new SelectorException(toAt, "no proxy leads from web to " + nodes.tier().label() + ": links lead"
                    + " to cache, database, shard or queue");
        }
        if (nodes.role().isPresent() && !List.of(Role.PRIMARY, Role.REPLICA, Role.LEADER).contains(nodes.role().get())) {
            throw new SelectorException(text.indexOf('.', toAt) + 1, "no proxy leads from web to the "
                    + nodes.role().get().spelling() + "s: a link leads to " + nodes.tier().label() + ".primary or "
                    + nodes.tier().label() + ".replica");
        }
        return new Link.Path(from, nodes);
    }

    /** The name in {@code dc:NAME}. */
    public static String datacenter(String text) throws SelectorException {
        var reader = new Reader(text);
        Target target = reader.target();
        reader.end();
        if (target instanceof Target.Datacenter dc) {
            return dc.name();
        }
        throw new SelectorException(0, "expected a datacenter such as dc:eu-west, got '" + text.strip() + "'");
    }

    /** A left-to-right reader over one selector, which knows where it is for messages. */
    private static final class Reader {
        private final String text;
        private int at;

        Reader(String text) {
            this.text = text;
        }

        void skipSpaces() {
            while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
                at++;
            }
        }

        private String word() {
            int start = at;
            while (at < text.length() && (Character.isLetterOrDigit(text.charAt(at)) || text.charAt(at) == '-'
                    || text.charAt(at) == '_')) {
                at++;
            }
            return text.substring(start, at);
        }

        private boolean next(char c) {
            if (at < text.length() && text.charAt(at) == c) {
                at++;
                return true;
            }
            return false;
        }

        Target target() throws SelectorException {
            skipSpaces();
            int start = at;
            if (text.startsWith("dc:", at)) {
                at += 3;
                String name = word();
                if (!DATACENTER.matcher(name).matches()) {
                    throw new SelectorException(start + 3, "expected a datacenter name after 'dc:' (a lowercase"
                            + " letter, then up to 15 lowercase letters, digits or '-'), got '" + name + "'");
                }
                return new Target.Datacenter(name);
            }
            String word = word();
            if (word.isEmpty()) {
                throw new SelectorException(start, "expected " + TARGET_EXAMPLES + ", got '" + text.strip() + "'");
            }
            List<String> tiers = TARGET_TIERS.stream().map(Tier::label).toList();
            Optional<Tier> tier = Tier.fromLabel(word).filter(TARGET_TIERS::contains);
            if (tier.isEmpty()) {
                String hint = Words.nearest(word, tiers).map(s -> "; did you mean '" + s + "'?").orElse("");
                throw new SelectorException(start, "'" + word + "' cannot be targeted" + hint + " (targets are "
                        + String.join(", ", tiers) + " and dc:NAME)");
            }
            Pick pick = pick(tier.get());
            Optional<Role> role = role(tier.get());
            if (at < text.length() && text.charAt(at) == '[') {
                throw new SelectorException(at, "write the brackets before the role: " + tier.get().label()
                        + text.substring(at).strip() + "." + role.map(Role::spelling).orElse(""));
            }
            return new Target.Nodes(tier.get(), pick, role);
        }

        private Pick pick(Tier tier) throws SelectorException {
            if (!next('[')) {
                return Pick.ANY;
            }
            int start = at;
            String what = tier == Tier.SHARD ? "a shard number" : "a member number";
            if (next('*')) {
                closing(tier);
                return Pick.EVERY;
            }
            String digits = word();
            if (!digits.matches("\\d{1,2}") || Integer.parseInt(digits) < 1) {
                String why = tier == Tier.DATABASE && digits.equals("0")
                        ? " (0 is the router, which cannot be targeted; nodes are numbered from 1)" : "";
                throw new SelectorException(start, "expected " + what + " from 1 to " + MAX_NUMBER
                        + " or * inside [ ], got '" + (digits.isEmpty() ? text.substring(start).strip() : digits)
                        + "'" + why);
            }
            closing(tier);
            return new Pick.Number(Integer.parseInt(digits));
        }

        private void closing(Tier tier) throws SelectorException {
            if (!next(']')) {
                throw new SelectorException(at, "expected ']' to close the brackets after " + tier.label());
            }
        }

        private Optional<Role> role(Tier tier) throws SelectorException {
            if (!next('.')) {
                return Optional.empty();
            }
            List<String> allowed = Role.of(tier).stream().map(Role::spelling).toList();
            if (allowed.isEmpty()) {
                throw new SelectorException(at - 1, tier.label() + " has no roles: write " + tier.label() + ", "
                        + tier.label() + "[2] or " + tier.label() + "[*]");
            }
            int start = at;
            String word = word();
            Optional<Role> role = Role.fromSpelling(word).filter(Role.of(tier)::contains);
            if (role.isEmpty()) {
                String hint = Words.nearest(word, allowed).map(s -> "; did you mean '" + s + "'?").orElse("");
                throw new SelectorException(start, (word.isEmpty() ? "expected a role after '.'"
                        : "'" + word + "' is not a role of " + tier.label()) + hint + " ("
                        + Words.alternatives(allowed.stream().map(r -> tier.label() + "." + r).toList()) + ")");
            }
            return role;
        }

        void end() throws SelectorException {
            skipSpaces();
            if (at < text.length()) {
                throw new SelectorException(at, "unexpected '" + text.substring(at).strip() + "' after the "
                        + (text.contains("->") ? "link" : "target"));
            }
        }
    }
}
