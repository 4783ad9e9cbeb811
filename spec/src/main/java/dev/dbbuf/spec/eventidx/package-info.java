/**
 * The EventIdx rule and its arithmetic: when a host that updated a shadow doorbell must also write the MMIO doorbell.
 */
@NullMarked
package dev.dbbuf.spec.eventidx;

import org.jspecify.annotations.NullMarked;
