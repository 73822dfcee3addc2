package dev.scaler.cli;

/** Output formats of the commands that print data. */
enum Format {
    TABLE, JSON
}
