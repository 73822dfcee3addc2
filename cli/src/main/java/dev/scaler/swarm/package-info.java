/**
 * The Swarm backend's pure core: how a {@link dev.scaler.plan.Plan} becomes Swarm services, networks, configs and
 * secrets. No Docker here; {@code engine.Swarm} and {@code provision.SwarmUp} carry it out.
 */
package dev.scaler.swarm;
