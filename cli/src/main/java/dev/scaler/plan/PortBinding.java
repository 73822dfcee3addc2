package dev.scaler.plan;

/** A container port published on a host address; host port 0 lets Docker pick a free one. */
public record PortBinding(String hostIp, int hostPort, int containerPort) {

    /** How users reach it, e.g. 127.0.0.1:8080. */
    public String address() {
        return hostIp + ":" + hostPort;
    }
}
