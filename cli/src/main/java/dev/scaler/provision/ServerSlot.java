package dev.scaler.provision;

/**
 * One server slot of a load balancer's web backend.
 *
 * @param address the replica's IP filled in from DNS, empty when the slot has none
 * @param status HAProxy's status: {@code UP}, {@code DOWN}, {@code DRAIN}, {@code MAINT (resolution)}, ...
 * @param check the last health check's result ({@code L7OK}, {@code L4CON}, {@code SOCKERR}, ...; {@code * }
 *     before it while a check runs), empty before the first
 */
public record ServerSlot(String name, String address, String status, String check, long sessions) {
    /**
     * True when the slot sends the replica new requests and HAProxy's own check has passed on it. A slot DNS has
     * just filled shows UP before any check; its first check could still fail (SOCKERR was seen, the new replica
     * then out of rotation for half a second after `scale` had said it was in), so UP alone is not enough.
     */
    public boolean serving() {
        return status.startsWith("UP") && check.endsWith("L7OK");
    }

    /** True when the slot is in drain: it takes no new requests though its replica may be healthy. */
    public boolean drained() {
        return status.startsWith("DRAIN");
    }
}
