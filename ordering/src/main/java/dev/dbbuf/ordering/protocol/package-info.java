/**
 * The shadow doorbell protocol as explorable agents: a host side that writes submission entries and updates the
 * shadow tail, a device side that consumes them and publishes EventIdx, the spec-based reference for each, and the
 * scenario that checks them together for lost doorbells and torn publications.
 */
@NullMarked
package dev.dbbuf.ordering.protocol;

import org.jspecify.annotations.NullMarked;
