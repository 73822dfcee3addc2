package dev.scaler.webapp;

/** Where Redis listens; printable because it never holds the password. */
public record RedisEndpoint(String host, int port) {
    @Override
    public String toString() {
        return "redis://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
