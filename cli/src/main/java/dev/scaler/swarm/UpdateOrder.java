package dev.scaler.swarm;

/** How Swarm replaces a task on update: a stateless one starts its successor first; one with data stops first. */
public enum UpdateOrder { START_FIRST, STOP_FIRST }
