package dev.scaler.provision;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** Moves a route of the database router through HAProxy's runtime API (one command per connection). */
public final class RouterAdmin {
    private final String host;
    private final int port;

    public RouterAdmin(String host, int port) {
        this.host = host;
        this.port = port;
    }

    /**
     * Points the group's route at a node by name: the router resolves names itself (Docker's DNS), so
     * setting an address would be undone by its next resolution.
     */
    public void route(String group, String node) {
        String answer = command("set server " + group + "/primary fqdn " + node).trim();
        String lower = answer.toLowerCase(java.util.Locale.ROOT);
        if (lower.contains("no such") || lower.contains("invalid") || lower.contains("require")
                || lower.contains("unknown") || lower.contains("error")) {
            throw new IllegalStateException("router refused to move " + group + " to " + node + ": " + answer);
        }
        // The router resolves the new name only at its next DNS round; set the address now too, so no
        // connection made in between reaches the old primary.
        resolve(node).ifPresent(ip -> command("set server " + group + "/primary addr " + ip));
        // Connections opened before the move still lead to the old primary (alive in a manual failover):
        // cut them, so clients reconnect through the new route instead of writing to a fenced node.
        command("shutdown sessions server " + group + "/primary");
    }

    private static java.util.Optional<String> resolve(String node) {
        try {
            return java.util.Optional.of(java.net.InetAddress.getByName(node).getHostAddress());
        } catch (java.net.UnknownHostException e) {
            // The name-based route above still takes effect at the router's next resolution.
            return java.util.Optional.empty();
        }
    }

    /** Sends one runtime API command and returns HAProxy's answer. */
    String command(String line) {
        try (var socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 1000);
            socket.setSoTimeout(2000);
            socket.getOutputStream().write((line + "\n").getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("router " + host + ":" + port + ": " + e.getMessage(), e);
        }
    }
}
