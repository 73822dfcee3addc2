package dev.scaler.export;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HAProxy configurations moved from Docker's DNS to a cluster's. HAProxy's resolvers ask Docker's embedded server
 * (127.0.0.11) and send names as written; in Kubernetes the server is the one in /etc/resolv.conf and HAProxy applies
 * no search domain, so server addresses must be fully qualified.
 */
final class ClusterDns {
    private static final String DOCKER_NAMESERVER = "nameserver dns 127.0.0.11:53";
    private static final Pattern SERVER_ADDRESS = Pattern.compile("^(\\s*server(?:-template)?\\s+\\S+\\s+(?:\\d+\\s+)?)([a-z0-9-]+):(\\d+)",
            Pattern.MULTILINE);

    private ClusterDns() {
    }

    /** True for a configuration that resolves names through Docker's DNS. */
    static boolean usesDockerDns(String config) {
        return config.contains(DOCKER_NAMESERVER);
    }

    /** The configuration with the cluster's resolver and each address naming one of {@code services} qualified. */
    static String adapt(String config, String namespace, Set<String> services) {
        String resolved = config.replace(DOCKER_NAMESERVER, "parse-resolv-conf");
        Matcher m = SERVER_ADDRESS.matcher(resolved);
        return m.replaceAll(r -> {
            String host = r.group(2);
            String qualified = services.contains(host) ? host + "." + namespace + ".svc.cluster.local" : host;
            return Matcher.quoteReplacement(r.group(1) + qualified + ":" + r.group(3));
        });
    }
}
