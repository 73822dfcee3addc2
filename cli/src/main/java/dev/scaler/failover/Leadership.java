package dev.scaler.failover;

import java.util.Comparator;
import java.util.Map;
import java.util.Set;

/**
 * Which of several failover agents acts. An agent acts only while a majority of all the agents answer it, so one
 * cut off with a minority stands by and two sides of a partition never both promote. The one that acts keeps
 * acting while it has a majority; when none acts, the lowest address among those that answer takes over after it
 * has been the one for {@link #ROUNDS_TO_ACT} rounds, and one that sees another act stands by. So an agent that
 * comes back (its node restarted or reconnected) does not take over from the one that acted meanwhile, and does not
 * act on what it saw while it was cut off.
 */
public final class Leadership {
    /** Rounds in a row an agent must be the one before it starts to act. */
    static final int ROUNDS_TO_ACT = 2;

    private final int agents;
    private boolean acting;
    private int eligibleRounds;

    /** For {@code agents} agents in all (1 on one engine: it always acts). */
    public Leadership(int agents) {
        if (agents < 1) {
            throw new IllegalArgumentException("at least one agent: " + agents);
        }
        this.agents = agents;
    }

    /**
     * True when this agent should act this round, given the agents that answered (by address, true for one that
     * says it acts; this one included) and this agent's own addresses.
     */
    public boolean round(Map<String, Boolean> answering, Set<String> own) {
        if (agents == 1) {
            return true;
        }
        boolean majority = answering.size() >= majority(agents);
        boolean anotherActs = answering.entrySet().stream().anyMatch(e -> e.getValue() && !own.contains(e.getKey()));
        if (!majority || anotherActs) {
            acting = false;
            eligibleRounds = 0;
        } else if (!acting) {
            boolean lowest = answering.keySet().stream().min(ADDRESS_ORDER).filter(own::contains).isPresent();
            eligibleRounds = lowest ? eligibleRounds + 1 : 0;
            acting = eligibleRounds >= ROUNDS_TO_ACT;
        }
        return acting;
    }

    /** The agents it takes to act: more than half of them. */
    public static int majority(int agents) {
        return agents / 2 + 1;
    }

    /** Dotted IPv4 addresses in numeric order (10.0.1.9 before 10.0.1.10); anything else after, by text. */
    static final Comparator<String> ADDRESS_ORDER = Comparator.comparingLong(Leadership::numeric)
            .thenComparing(Comparator.naturalOrder());

    private static long numeric(String address) {
        String[] parts = address.split("\\.");
        if (parts.length != 4) {
            return Long.MAX_VALUE;
        }
        long value = 0;
        for (String p : parts) {
            try {
                int octet = Integer.parseInt(p);
                if (octet < 0 || octet > 255) {
                    return Long.MAX_VALUE;
                }
                value = value * 256 + octet;
            } catch (NumberFormatException e) {
                return Long.MAX_VALUE;
            }
        }
        return value;
    }
}
