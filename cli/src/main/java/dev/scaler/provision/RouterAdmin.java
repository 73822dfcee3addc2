package dev.scaler.provision;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executors;

/**
 * Moves a route of the database router through HAProxy's runtime API (one command per connection), on every
 * router the name resolves to: one on a single engine, one per node on a Swarm (a replicated service).
 */
public final class RouterAdmin {
    private final String host;
    private final int port;

    public RouterAdmin(String host, int port) {
        this.host = host;
        this.port = port;
    }

    /** What one call of {@link #route} did: the routers it moved, and those it could not reach. */
    public record Routing(List<String> moved, List<String> unreachable) {
    }

    /**
     * Points the group's route at a node by name on every router that does not lead there yet. Each router is
     * asked where the route leads first, so one that restarted with its configured route (or moved to another
     * node) is put right on the next round. The router resolves names itself (Docker's DNS), so setting an address
     * alone would be undone by its next resolution. Routers are asked side by side: a dead one costs one connect
     * timeout, not one each. Throws only when no router could be reached.
     */
    public Routing route(String group, String node) {
        var addresses = routers();
        var moved = new ArrayList<String>();
        var unreachable = new ArrayList<String>();
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            var results = addresses.stream().map(a -> pool.submit(() -> routeOne(a, group, node))).toList();
            for (int i = 0; i < results.size(); i++) {
                try {
                    if (results.get(i).get()) {
                        moved.add(addresses.get(i));
                    }
                } catch (java.util.concurrent.ExecutionException e) {
                    if (e.getCause() instanceof UncheckedIOException) {
                        unreachable.add(e.getCause().getMessage());
                    } else {
                        throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while moving " + group + " to " + node, e);
                }
            }
        }
        if (!unreachable.isEmpty() && unreachable.size() == addresses.size()) {
            throw new IllegalStateException(String.join("; ", unreachable));
        }
        return new Routing(moved, unreachable);
    }

    /** Moves the route on one router unless it leads to the node already; true when it moved. */
    private boolean routeOne(String address, String group, String node) {
        if (RouterState.fqdn(command(address, "show servers state " + group)).filter(node::equals).isPresent()) {
            return false;
        }
        String answer = command(address, "set server " + group + "/primary fqdn " + node).trim();
        String lower = answer.toLowerCase(Locale.ROOT);
        if (lower.contains("no such") || lower.contains("invalid") || lower.contains("require")
                || lower.contains("unknown") || lower.contains("error")) {
            throw new IllegalStateException("router " + address + " refused to move " + group + " to " + node + ": "
                    + answer);
        }
        // The router resolves the new name only at its next DNS round; set the address now too, so no
        // connection made in between reaches the old primary.
        resolve(node).ifPresent(ip -> command(address, "set server " + group + "/primary addr " + ip));
        // Connections opened before the move still lead to the old primary (alive in a manual failover):
        // cut them, so clients reconnect through the new route instead of writing to a fenced node.
        command(address, "shutdown sessions server " + group + "/primary");
        return true;
    }

    /** Every address the router's name has now; none when it does not resolve (no router answers then either). */
    private List<String> routers() {
        try {
            return java.util.Arrays.stream(InetAddress.getAllByName(host)).map(InetAddress::getHostAddress).toList();
        } catch (UnknownHostException e) {
            throw new UncheckedIOException("router " + host + " does not resolve: " + e.getMessage(), e);
        }
    }

    private static Optional<String> resolve(String node) {
        try {
            return Optional.of(InetAddress.getByName(node).getHostAddress());
        } catch (UnknownHostException e) {
            // The name-based route above still takes effect at the router's next resolution.
            return Optional.empty();
        }
    }

    /** Sends one runtime API command to the router at this address and returns HAProxy's answer. */
    String command(String address, String line) {
        try (var socket = new Socket()) {
            // The admin API answers within milliseconds on the project network; a router on a dead node must not hold
            // up a failover by a whole second.
            socket.connect(new InetSocketAddress(address, port), 300);
            socket.setSoTimeout(2000);
            socket.getOutputStream().write((line + "\n").getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("router " + host + " at " + address + ":" + port + ": " + e.getMessage(), e);
        }
    }
}
