package dev.scaler.monitor;

import java.util.Optional;

/**
 * One container to read, as Docker lists it at the moment of a sample.
 *
 * @param image   the image it runs (which SQL dialect a database node speaks, for one)
 * @param role    the role its label gives (a server's own answer may differ: see {@link Reading.Sql#role()})
 * @param address its address on the project network, empty when it does not run
 */
public record Target(String container, String tier, String role, String image, String state, String health,
        Optional<String> address) {

    /** True when Docker says it runs and it has an address to read from. */
    public boolean readable() {
        return "running".equals(state) && address.isPresent();
    }
}
