package dev.scaler.webapp;

import java.util.Optional;

/**
 * The accounts, in the main database: a login is recorded there before its session starts (so a main primary
 * that does not answer fails the login with a 503), and GET /account reads the account back.
 */
interface UserDirectory {
    /** Creates or updates the account of {@code user} on the primary; a database that does not answer throws. */
    void recordLogin(String user);

    /** The account of {@code user}, from a replica when reads go to replicas and it has the row, else the primary. */
    Optional<Account> find(String user);
}
