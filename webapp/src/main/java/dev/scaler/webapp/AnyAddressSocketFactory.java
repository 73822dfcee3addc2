package dev.scaler.webapp;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.mariadb.jdbc.Configuration;
import org.mariadb.jdbc.util.ConfigurableSocketFactory;

/**
 * MariaDB Connector/J's socket factory for a name with several addresses (the database router on a Swarm, one
 * task per node): the driver connects to the first address the name resolves to and gives up when it is dead;
 * this tries each address in turn and remembers which one failed. MySQL Connector/J's own socket factory already
 * tries every address. The driver uses the socket as given when it is connected.
 */
public final class AnyAddressSocketFactory extends ConfigurableSocketFactory {
    /** How long a dead address goes to the back of the line: about as long as Swarm takes to replace its task. */
    static final Duration FAILURE_MEMORY = Duration.ofSeconds(30);
    // One memory for every connection of the process, since each pool opens connections on its own.
    private static final RecentFailures FAILURES = new RecentFailures(FAILURE_MEMORY, Clock.systemUTC());

    private String host = "";
    private int port = 3306;
    private int timeoutMillis;

    @Override
    public void setConfiguration(Configuration conf, String host) {
        this.host = host;
        this.timeoutMillis = conf.connectTimeout();
        conf.addresses().stream().filter(a -> host.equals(a.host)).findFirst().ifPresent(a -> this.port = a.port);
    }

    @Override
    public Socket createSocket() throws IOException {
        return connect(host, port, timeoutMillis, FAILURES);
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return connect(host, port, timeoutMillis, FAILURES);
    }

    @Override
    public Socket createSocket(InetAddress address, int port) throws IOException {
        return connect(address.getHostAddress(), port, timeoutMillis, FAILURES);
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localAddress, int localPort) throws IOException {
        throw new IOException("binding a local address is not supported by " + getClass().getSimpleName());
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        throw new IOException("binding a local address is not supported by " + getClass().getSimpleName());
    }

    /** A socket connected to the first of the name's addresses that answers, in {@code failures}' order. */
    static Socket connect(String host, int port, int timeoutMillis, RecentFailures failures) throws IOException {
        return connect(host, Arrays.asList(InetAddress.getAllByName(host)), port, timeoutMillis, failures);
    }

    /** The same, for the addresses {@code host} resolved to. */
    static Socket connect(String host, List<InetAddress> resolved, int port, int timeoutMillis,
            RecentFailures failures) throws IOException {
        List<InetAddress> addresses = failures.order(resolved);
        var tried = new java.util.ArrayList<String>();
        IOException last = new java.net.UnknownHostException(host + " has no address");
        for (InetAddress address : addresses) {
            Socket socket = new Socket();
            try {
                socket.connect(new InetSocketAddress(address, port), timeoutMillis);
                failures.answered(address);
                return socket;
            } catch (IOException e) {
                socket.close();
                failures.failed(address);
                tried.add(address.getHostAddress() + ": " + e.getMessage());
                last = e;
            }
        }
        if (tried.size() < 2) {
            throw last;
        }
        // Of the same kind as the last failure, so a timeout is still classified as one (SqlErrors).
        String message = host + ":" + port + " did not answer at any address (" + String.join("; ", tried) + ")";
        IOException all = last instanceof java.net.SocketTimeoutException ? new java.net.SocketTimeoutException(message)
                : new java.net.ConnectException(message);
        all.initCause(last);
        throw all;
    }
}
