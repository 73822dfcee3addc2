package dev.scaler.provision;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

/**
 * The failover agents of a project as one of them sees them (on a swarm, one task per node behind one name): each
 * answers on a presence port with one byte, {@code A} when it acts and {@code S} when it stands by, and each asks
 * the name's addresses.
 */
public final class AgentPeers implements AutoCloseable {
    /** The presence port: a connection is accepted, told whether this agent acts, and closed. */
    public static final int PORT = 9998;
    private static final int PROBE_MILLIS = 300;

    private final String name;
    private final ServerSocket server;
    private final java.util.concurrent.atomic.AtomicBoolean acting;

    private AgentPeers(String name, ServerSocket server, java.util.concurrent.atomic.AtomicBoolean acting) {
        this.name = name;
        this.server = server;
        this.acting = acting;
    }

    /** Answers on the presence port from now on; {@code name} resolves to every agent. */
    public static AgentPeers start(String name) {
        try {
            var server = new ServerSocket(PORT);
            var acting = new java.util.concurrent.atomic.AtomicBoolean();
            Thread.ofVirtual().name("agent-presence").start(() -> {
                while (!server.isClosed()) {
                    try (Socket s = server.accept()) {
                        s.getOutputStream().write(acting.get() ? 'A' : 'S');
                    } catch (IOException e) {
                        // Closed, or a peer gave up: keep answering the next one.
                    }
                }
            });
            return new AgentPeers(name, server, acting);
        } catch (IOException e) {
            throw new UncheckedIOException("agent presence port " + PORT + ": " + e.getMessage(), e);
        }
    }

    /** Says from now on whether this agent acts. */
    public void acting(boolean now) {
        acting.set(now);
    }

    /** The agents that answer now, this one included, by address: true for one that acts. */
    public java.util.Map<String, Boolean> answering() {
        List<String> addresses;
        try {
            addresses = Arrays.stream(InetAddress.getAllByName(name)).map(InetAddress::getHostAddress).toList();
        } catch (UnknownHostException e) {
            return java.util.Map.of();
        }
        var out = new java.util.TreeMap<String, Boolean>();
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            var probes = addresses.stream().map(a -> pool.submit(() -> ask(a))).toList();
            for (int i = 0; i < addresses.size(); i++) {
                try {
                    int answer = probes.get(i).get();
                    if (answer >= 0) {
                        out.put(addresses.get(i), answer == 'A');
                    }
                } catch (java.util.concurrent.ExecutionException e) {
                    // Not answering.
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return out;
                }
            }
        }
        return out;
    }

    /** This agent's own addresses. */
    public static Set<String> own() {
        try {
            return NetworkInterface.networkInterfaces().flatMap(NetworkInterface::inetAddresses)
                    .map(InetAddress::getHostAddress).collect(Collectors.toSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The byte an agent answers with, or -1 when it does not answer. */
    private static int ask(String address) {
        try (var socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, PORT), PROBE_MILLIS);
            socket.setSoTimeout(PROBE_MILLIS);
            return socket.getInputStream().read();
        } catch (IOException e) {
            return -1;
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            // Closing the presence port at exit: nothing to do about it.
        }
    }
}
