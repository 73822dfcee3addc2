package dev.scaler.webapp;

/** What GET /notes lists: enough for a client to check its ledger of acknowledged writes. */
record NoteVersion(String id, long version) {}
