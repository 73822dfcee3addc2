package dev.scaler.webapp;

/** Who has logged in, in the main database. Best effort: a login never fails because of it. */
interface UserDirectory {
    void recordLogin(String user);

    UserDirectory NONE = user -> {};
}
