package dev.scaler.provision;

/**
 * One server slot of a load balancer's web backend.
 *
 * @param address the replica's IP filled in from DNS, empty when the slot has none
 * @param status HAProxy's status: {@code UP}, {@code DOWN}, {@code DRAIN}, {@code MAINT (resolution)}, ...
 */
public record ServerSlot(String name, String address, String status, long sessions) {
    /** True when the slot sends the replica new requests. */
    public boolean serving() {
        return status.startsWith("UP");
    }
}
