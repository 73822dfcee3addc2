package dev.scaler.sql;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What scaler relies on in a database image, the same in the official {@code mysql} and {@code mariadb} images and
 * in {@code scaler/mariadb:offline} (images/README.md), so that the planner gives both profiles one environment.
 */
public final class ServerImage {
    /** The server's port inside the container. */
    public static final int PORT = 3306;
    /** The data directory, a volume in every image. */
    public static final String DATA_DIR = "/var/lib/mysql";
    /**
     * Option files copied here before the first start are read by the server; in scaler's image after its own
     * defaults (they win). Mode 0644: servers ignore world-writable option files.
     */
    public static final String CONFIG_DIR = "/etc/mysql/conf.d";
    /** Where scaler puts its option file ({@link Dialect#serverConfig}). */
    public static final String CONFIG_FILE = CONFIG_DIR + "/scaler.cnf";
    /** {@code *.sql} files here run once, in name order, when the data directory is initialized. */
    public static final String INIT_DIR = "/docker-entrypoint-initdb.d";
    /**
     * The first line of init scripts that every node of a cluster runs: keeps them out of the binary log, so that
     * replicas do not replay them from the primary (scaler's image never logs its set-up; MySQL's official image
     * logs init scripts when the binary log is on, as it is by default).
     */
    public static final String INIT_PRELUDE = "SET SESSION sql_log_bin = 0;";

    // The MYSQL_* names: the official mysql image reads only these, the official mariadb image and scaler's image
    // read them as well as their MARIADB_* names.
    public static final String ROOT_PASSWORD = "MYSQL_ROOT_PASSWORD";
    public static final String DATABASE = "MYSQL_DATABASE";
    public static final String USER = "MYSQL_USER";
    public static final String PASSWORD = "MYSQL_PASSWORD";

    /**
     * The health check, for {@code HEALTHCHECK CMD} / Docker's {@code Healthcheck.Test} after "CMD": a {@code SELECT 1}
     * as root over TCP to 127.0.0.1 with the password from the file the container's own environment
     * names ({@code MARIADB_ROOT_PASSWORD_FILE}, else {@code MYSQL_ROOT_PASSWORD_FILE}: the password itself is never in
     * the environment, where {@code docker inspect} would show it), given to the client in an option file on a
     * pipe, never on a command line. TCP, because every image's entry point runs its set-up server with networking
     * off, so the check cannot pass before the real server is up. Uses {@code mariadb} where there is one (MariaDB
     * 11 images have no {@code mysql}), else {@code mysql} (MySQL images); bash is in all three images. The password
     * may not contain {@code "} or {@code \}; scaler's generated ones are letters, digits, '-' and '_'.
     */
    public static final List<String> HEALTH_CHECK = rootQuery("SELECT 1");

    /**
     * A command, run inside a database container, that sends {@code sql} as root the way {@link #HEALTH_CHECK} does
     * (same client choice, password from the environment on a pipe). {@code sql} goes in single quotes: it may not
     * contain one.
     */
    public static List<String> rootQuery(String sql) {
        if (sql.contains("'")) {
            throw new IllegalArgumentException("no single quotes in a root query: " + sql);
        }
        return List.of("bash", "-c", "exec \"$(command -v mariadb || command -v mysql)\""
                + " --defaults-extra-file=<(printf '[client]\\npassword=\"%s\"\\n'"
                + " \"$(cat \"${MARIADB_ROOT_PASSWORD_FILE:-$MYSQL_ROOT_PASSWORD_FILE}\")\")"
                + " --protocol=TCP -h127.0.0.1 -uroot --connect-timeout=2 -e '" + sql + "'");
    }

    private ServerImage() {
    }

    /** The environment of a database container (values may be secret placeholders). */
    public static Map<String, String> environment(String rootPassword, String database, String user,
            String password) {
        var env = new LinkedHashMap<String, String>();
        env.put(ROOT_PASSWORD, rootPassword);
        env.put(DATABASE, database);
        env.put(USER, user);
        env.put(PASSWORD, password);
        return env;
    }
}
