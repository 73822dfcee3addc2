package dev.scaler.topology;

/** The SQL server flavour. */
public enum DatabaseKind {
    MYSQL, MARIADB;

    /** The spelling users write in YAML. */
    public String yaml() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
